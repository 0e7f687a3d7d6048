import { deployedRevision, Helm, type HelmRevision, versionRunBy } from '../../adapters/helm.js';
import {
  type AccessQuestion,
  describeAccess,
  namespaceLabels,
  reviewAccess,
} from '../../adapters/kubernetes-access.js';
import { kubernetesApi } from '../../adapters/kubernetes-api.js';
import { fail, pass, skip, warn } from '../../core/doctor/checklist.js';
import type { DoctorContext } from './context.js';
import type { Check } from './run-check.js';

const ENFORCED = ['baseline', 'restricted'];

/**
 * What the pipeline does in the releases' namespace (the chart's deploy Role, templates/deploy-rbac.yaml).
 * Secrets only under Helm's secret driver: with the configmap driver (the default) the Role has none.
 */
export function neededAccess(
  namespace: string,
  driver: 'configmap' | 'secret' = 'configmap',
): AccessQuestion[] {
  const rw = ['get', 'list', 'create', 'update', 'patch', 'delete'];
  const readOnly = ['get', 'list', 'watch'];
  const grants: [string, string, string[]][] = [
    // Helm's release records (HELM_DRIVER), routing and the rollout state.
    ...(driver === 'secret' ? [['', 'secrets', rw] as [string, string, string[]]] : []),
    ['', 'configmaps', rw],
    ['', 'services', rw],
    ['', 'serviceaccounts', rw],
    ['apps', 'deployments', rw],
    ['apps', 'replicasets', readOnly],
    ['', 'pods', readOnly],
    ['policy', 'poddisruptionbudgets', rw],
    ['autoscaling', 'horizontalpodautoscalers', rw],
  ];
  return grants.flatMap(([group, resource, verbs]) =>
    verbs.map((verb) => ({ verb, resource, ...(group ? { group } : {}), namespace })),
  );
}

/** What a namespaced deploy identity must not be able to do. */
export const CLUSTER_WIDE: readonly AccessQuestion[] = [
  { verb: '*', resource: '*', group: '*' },
  { verb: 'list', resource: 'secrets' },
  { verb: 'create', resource: 'deployments', group: 'apps' },
  { verb: 'create', resource: 'namespaces' },
  { verb: 'create', resource: 'clusterrolebindings', group: 'rbac.authorization.k8s.io' },
  { verb: 'create', resource: 'clusterroles', group: 'rbac.authorization.k8s.io' },
  { verb: 'list', resource: 'nodes' },
];

function latestLine(release: string, history: readonly HelmRevision[]): string {
  const latest = history.at(-1);
  if (!latest) return `${release}: not installed`;
  const version = versionRunBy(history, latest);
  return `${release}: revision ${latest.revision} ${latest.status}${version ? ` (${version})` : ''}`;
}

/** The version the deployed revision recorded (see describeDeploy); undefined when none is deployed. */
function runningVersion(history: readonly HelmRevision[]): string | undefined {
  const deployed = deployedRevision(history);
  return deployed ? versionRunBy(history, deployed) : undefined;
}

export function kubernetesChecks(ctx: DoctorContext, timeoutMs: number): Check[] {
  const k8s = ctx.kubernetes;
  const applies = ctx.config.deployer === 'helm';
  const notApplicable = skip(
    applies ? 'no kubeconfig is configured' : `deployer is ${ctx.config.deployer}: no Helm releases`,
  );
  const stable = ctx.config.helm.release;
  const canary = `${stable}-canary`;
  const helm = k8s
    ? new Helm({
        helm: k8s.helm,
        kubeconfig: k8s.kubeconfig,
        namespace: k8s.namespace,
        driver: ctx.config.helm.driver,
        ...(k8s.kubeContext ? { kubeContext: k8s.kubeContext } : {}),
        commandTimeoutMs: timeoutMs,
      })
    : undefined;
  const api = k8s
    ? kubernetesApi({
        kubeconfig: k8s.kubeconfig,
        namespace: k8s.namespace,
        ...(k8s.kubeContext ? { kubeContext: k8s.kubeContext } : {}),
      })
    : undefined;
  const noKubeconfig = fail(
    'deployer is helm but no kubeconfig is configured',
    `pass ${ctx.optionName('kubeconfig')} (the deploy identity’s)`,
  );

  return [
    {
      id: 'kubernetes.releases',
      group: 'kubernetes',
      title: 'the Helm releases are deployed (not pending-* or failed)',
      async run() {
        if (!applies) return notApplicable;
        if (!helm || !k8s) return noKubeconfig;
        const [stableHistory, canaryHistory] = await Promise.all([
          helm.history(stable),
          helm.history(canary),
        ]);
        const seen = [
          latestLine(stable, stableHistory),
          ...(canaryHistory.length ? [latestLine(canary, canaryHistory)] : []),
        ].join('; ');
        if (stableHistory.length === 0)
          return fail(
            seen,
            `install the stable release first (the canary step on a fresh rollout) in namespace ${k8s.namespace}`,
          );
        const histories: [string, HelmRevision[]][] = [
          [stable, stableHistory],
          [canary, canaryHistory],
        ];
        const notDeployed = histories.find(([, history]) => {
          const status = history.at(-1)?.status;
          return status !== undefined && status !== 'deployed';
        });
        if (notDeployed) {
          const [name] = notDeployed;
          return fail(
            seen,
            `re-run the deploy job: the deployer rolls a release stuck pending-* back to its last good revision (by hand: helm history ${name}, then helm rollback ${name} <last deployed revision>)`,
          );
        }
        return pass(seen);
      },
    },
    {
      id: 'kubernetes.rollout-state',
      group: 'kubernetes',
      title: 'the rollout state agrees with the releases',
      async run() {
        if (!applies) return notApplicable;
        if (!helm) return noKubeconfig;
        const [state, stableHistory, canaryHistory] = await Promise.all([
          ctx.rolloutState(),
          helm.history(stable),
          helm.history(canary),
        ]);
        const running = { stable: runningVersion(stableHistory), canary: runningVersion(canaryHistory) };
        if (!state) {
          if (stableHistory.length === 0) return skip(`no state in ${ctx.state.where} and no release yet`);
          return fail(
            `${ctx.state.where} holds no state, but release ${stable} exists (${running.stable ?? 'version unknown'})`,
            'the state was deleted or lives elsewhere: check helm.state / helm.stateConfigMap in rollout.yaml, or re-run the last release step to record it',
          );
        }
        const disagreements: string[] = [];
        if (state.stable?.version !== running.stable)
          disagreements.push(
            `state says stable ${state.stable?.version ?? 'none'}, ${stable} runs ${running.stable ?? 'nothing deployed'}`,
          );
        // Under worker versioning, and between steps of a task-queue rollout, the canary release may run while
        // the state records it; with no canary in the state, no canary release may be left running.
        if (state.canary && state.canary.version !== running.canary)
          disagreements.push(
            `state says canary ${state.canary.version}, ${canary} runs ${running.canary ?? 'nothing deployed'}`,
          );
        if (!state.canary && running.canary && state.phase === 'stable')
          disagreements.push(`state has no canary, but ${canary} still runs ${running.canary}`);
        if (disagreements.length > 0)
          return fail(
            `${ctx.state.where}: ${disagreements.join('; ')}`,
            'a step was interrupted or someone ran helm by hand: re-run the last release step (steps are idempotent) or roll back to the version the state names',
          );
        return pass(
          `${ctx.state.where}: phase ${state.phase}, stable ${state.stable?.version ?? 'none'}${state.canary ? `, canary ${state.canary.version} at ${state.canary.weight}%` : ''} — matches the releases`,
        );
      },
    },
    {
      id: 'kubernetes.pod-security',
      group: 'kubernetes',
      title: 'the namespace enforces a Pod Security level',
      async run() {
        if (!applies) return notApplicable;
        if (!api || !k8s) return noKubeconfig;
        const labels = await namespaceLabels(api, k8s.namespace);
        if (labels === 'forbidden')
          return warn(
            `this identity may not read namespace ${k8s.namespace} (as a namespaced deploy identity should not)`,
            `check it with an admin kubeconfig: kubectl get namespace ${k8s.namespace} --show-labels (pod-security.kubernetes.io/enforce)`,
          );
        if (labels === undefined)
          return fail(
            `namespace ${k8s.namespace} does not exist`,
            'create it, labelled pod-security.kubernetes.io/enforce=restricted',
          );
        const level = labels['pod-security.kubernetes.io/enforce'];
        if (!level || !ENFORCED.includes(level))
          return fail(
            `namespace ${k8s.namespace} enforces ${level ? `"${level}"` : 'no Pod Security level'}`,
            `kubectl label namespace ${k8s.namespace} pod-security.kubernetes.io/enforce=restricted (the chart's pods meet restricted)`,
          );
        return pass(
          `namespace ${k8s.namespace} enforces ${level} (version ${labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest'})`,
        );
      },
    },
    {
      id: 'kubernetes.deploy-identity',
      group: 'kubernetes',
      title: 'the deploy identity can do what the pipeline needs, and nothing cluster-wide',
      async run() {
        if (!applies) return notApplicable;
        if (!api || !k8s) return noKubeconfig;
        const needed = neededAccess(k8s.namespace, ctx.config.helm.driver);
        const answers = await reviewAccess(api, [...needed, ...CLUSTER_WIDE]);
        const missing = answers.slice(0, needed.length).filter((a) => !a.allowed);
        const tooMuch = answers.slice(needed.length).filter((a) => a.allowed);
        const problems = [
          missing.length ? `cannot ${missing.map(describeAccess).join(', ')}` : '',
          tooMuch.length ? `has cluster-wide rights: ${tooMuch.map(describeAccess).join(', ')}` : '',
        ].filter(Boolean);
        if (problems.length > 0)
          return fail(
            problems.join('; '),
            [
              missing.length
                ? `bind the chart's deploy Role in ${k8s.namespace} (helm upgrade --install ${stable}-deployer charts/order-worker -n ${k8s.namespace} --set deployRbac.only=true)`
                : '',
              tooMuch.length
                ? 'use a namespaced ServiceAccount with that Role (its token) for the pipeline, not an admin or ClusterRoleBinding identity'
                : '',
            ]
              .filter(Boolean)
              .join('; '),
          );
        return pass(
          `${needed.length} needed permissions in ${k8s.namespace} granted; none of ${CLUSTER_WIDE.length} cluster-wide ones`,
        );
      },
    },
  ];
}

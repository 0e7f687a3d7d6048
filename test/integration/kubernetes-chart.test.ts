import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { Helm, type HelmTarget, type UpgradeRequest, upgradeArgs } from '../../actions/src/adapters/helm.js';
import { kubernetesApi } from '../../actions/src/adapters/kubernetes-api.js';
import { ConfigMapStateStore } from '../../actions/src/adapters/state-configmap.js';
import { ExternalError } from '../../actions/src/core/errors.js';
import { emptyState } from '../../actions/src/core/rollout/state.js';
import { type KubernetesCluster, startKubernetes } from '../../scripts/local-platform/kubernetes.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { parseRoutingFile } from '../../worker/src/starter/routing.js';
import { deployerKubeconfig } from '../support/cluster-namespace.js';
import { killUpgradeWhilePending } from '../support/helm-stuck.js';

const CHART = join(repoRoot, 'charts', 'order-worker');
const RELEASE = 'order-worker';
const IMAGE_V1 = `registry.example.com/acme/order-worker@sha256:${'1'.repeat(64)}`;
const IMAGE_V2 = `registry.example.com/acme/order-worker@sha256:${'2'.repeat(64)}`;
/** More CPU than any fake node has (kwok's default node: 32 CPU allocatable). */
const UNSCHEDULABLE = {
  resources: { requests: { cpu: '64', memory: '256Mi' }, limits: { cpu: '64', memory: '512Mi' } },
};

interface Deployment {
  metadata: { resourceVersion: string; generation: number };
  spec: {
    template: { spec: { containers: { image: string; resources: { requests: Record<string, string> } }[] } };
  };
  status: { readyReplicas?: number; replicas?: number };
}
interface PodList {
  items: {
    metadata: { name: string };
    spec: { nodeName?: string; securityContext?: Record<string, unknown> };
    status: {
      phase: string;
      conditions?: { type: string; status: string; reason?: string; message?: string }[];
    };
  }[];
}

function stable(version: string, image: string, extra: Partial<UpgradeRequest> = {}): UpgradeRequest {
  return {
    release: RELEASE,
    chart: CHART,
    image,
    version,
    track: 'stable',
    orderTaskQueue: 'order-task-queue-v1',
    paymentTaskQueue: 'payment-task-queue-v1',
    buildId: `order-worker-${version}`,
    timeoutMs: 60_000,
    ...extra,
  };
}

describe('order-worker chart and the helm adapter on a real API server', () => {
  let cluster: KubernetesCluster;
  let target: HelmTarget;
  let helm: Helm;

  const deployment = () => cluster.getJson<Deployment>(['deployment', RELEASE, '-n', cluster.namespace]);
  const pods = (release = RELEASE) =>
    cluster.getJson<PodList>([
      'pods',
      '-n',
      cluster.namespace,
      '-l',
      `app.kubernetes.io/instance=${release}`,
    ]);

  /** `kubectl auth can-i` with a kubeconfig: yes or no. */
  const canAs =
    (kubeconfig: string) =>
    async (verb: string, resource: string, namespace = cluster.namespace): Promise<string> =>
      (
        await cluster.kubectl(['auth', 'can-i', verb, resource, '-n', namespace], {
          kubeconfig,
          reject: false,
        })
      ).stdout.trim();

  beforeAll(async () => {
    cluster = await startKubernetes({ nodes: 2 });
    target = { helm: tool('helm'), kubeconfig: cluster.kubeconfig, namespace: cluster.namespace };
    helm = new Helm(target);
  });
  afterAll(async () => {
    await cluster?.delete();
  });

  it('installs: every rendered object is accepted and the pods are admitted under restricted', async () => {
    const t0 = Date.now();
    const revision = await helm.upgrade(stable('1.0.0', IMAGE_V1));
    console.log(`kubernetes: helm upgrade --install --atomic --wait to 2/2 Ready in ${Date.now() - t0} ms`);
    expect(revision).toMatchObject({ revision: 1, status: 'deployed' });

    // Plain helm reads the records where the Helm adapter writes them: ConfigMaps (HELM_DRIVER=configmap).
    const manifest = await execa(tool('helm'), ['get', 'manifest', RELEASE, '-n', cluster.namespace], {
      env: { KUBECONFIG: cluster.kubeconfig, HELM_DRIVER: 'configmap' },
    });
    const objects = parseAllDocuments(manifest.stdout)
      .map((doc) => doc.toJS() as { kind?: string; metadata?: { name?: string } } | null)
      .filter((o): o is { kind: string; metadata: { name: string } } => Boolean(o?.kind && o.metadata?.name));
    const kinds = objects.map((o) => o.kind);
    for (const kind of ['Deployment', 'ServiceAccount', 'PodMonitor', 'PrometheusRule', 'ConfigMap']) {
      expect(kinds).toContain(kind);
    }
    for (const object of objects) {
      const got = await cluster.getJson<{ metadata: { name: string; uid: string } }>([
        object.kind,
        object.metadata.name,
        '-n',
        cluster.namespace,
      ]);
      expect(got.metadata.uid, `${object.kind}/${object.metadata.name}`).toBeTruthy();
    }
    console.log(
      `kubernetes: API server accepted ${objects.length} chart objects: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );

    const dep = await deployment();
    expect(dep.status.readyReplicas).toBe(2);
    expect(dep.spec.template.spec.containers[0]?.image).toBe(IMAGE_V1);
    const running = await pods();
    expect(running.items).toHaveLength(2);
    for (const pod of running.items) {
      expect(pod.status.phase).toBe('Running');
      expect(cluster.nodes).toContain(pod.spec.nodeName);
      expect(pod.spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
    }
  });

  it('refuses a value that breaks values.schema.json before anything is applied', async () => {
    const before = await deployment();
    const refused = await helm
      .upgrade(stable('1.0.1', IMAGE_V2, { values: { image: { pullPolicy: 'Sometimes' } } }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExternalError);
    expect(String(refused)).toMatch(/values don't meet the specifications of the schema/);
    expect(String(refused)).toMatch(/pullPolicy/);
    expect((await helm.history(RELEASE)).map((r) => r.revision)).toEqual([1]);
    const after = await deployment();
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.spec.template.spec.containers[0]?.image).toBe(IMAGE_V1);
  });

  it('a failed upgrade (no node fits) is rolled back by hand to the last good revision from helm history', async () => {
    await helm.upgrade(stable('1.1.0', IMAGE_V2));
    const failed = await helm
      .upgrade(stable('1.2.0', IMAGE_V1, { values: UNSCHEDULABLE, atomic: false, timeoutMs: 8_000 }))
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExternalError);
    expect(String(failed)).toMatch(/context deadline exceeded|timed out/);

    const history = await helm.history(RELEASE);
    // Helm 3.21 leaves the previous revision `deployed` when an upgrade fails (no --atomic here).
    expect(history.map((r) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
      [3, 'failed'],
    ]);
    const pending = (await pods()).items.filter((p) => p.status.phase === 'Pending');
    expect(pending.length).toBeGreaterThan(0);
    const scheduled = pending[0]?.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(scheduled).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(scheduled?.message).toMatch(/Insufficient cpu/);

    // Helm's own default (current - 1 = 2) would be right here by luck; the adapter reads the history instead.
    const rolledBack = await helm.rollback(RELEASE, { lastGood: true }, 60_000);
    expect(rolledBack).toMatchObject({ revision: 2, alreadyCurrent: false, newRevision: 4 });
    const after = await helm.history(RELEASE);
    expect(after.at(-1)).toMatchObject({ revision: 4, status: 'deployed', description: 'Rollback to 2' });
    const dep = await deployment();
    expect(dep.spec.template.spec.containers[0]?.image).toBe(IMAGE_V2);
    expect(dep.spec.template.spec.containers[0]?.resources.requests.cpu).toBe('250m');
    expect(dep.status.readyReplicas).toBe(2);

    // Run twice: the second rollback sees it already runs revision 2 and changes nothing.
    const again = await helm.rollback(RELEASE, { lastGood: true }, 60_000);
    expect(again).toMatchObject({ revision: 2, alreadyCurrent: true });
    expect((await helm.history(RELEASE)).map((r) => r.revision)).toEqual([1, 2, 3, 4]);
  });

  it('a deploy SIGKILLed during --wait leaves pending-upgrade; the next run recovers with a clear message', async () => {
    const args = upgradeArgs(
      target,
      stable('1.3.0', IMAGE_V1, { values: {}, atomic: false, timeoutMs: 120_000 }),
    );
    // The unschedulable request keeps --wait waiting; values go as --set here since the file path is private.
    args.push('--set', 'resources.requests.cpu=64', '--set', 'resources.limits.cpu=64');
    const killed = await killUpgradeWhilePending(helm, RELEASE, args, cluster.kubeconfig);
    expect(killed.signal).toBe('SIGKILL');
    expect((await helm.history(RELEASE)).at(-1)).toMatchObject({ revision: 5, status: 'pending-upgrade' });

    // The trap: without recovery every later deploy fails.
    const blocked = await helm.upgrade(stable('1.3.1', IMAGE_V1)).catch((e: unknown) => e);
    expect(String(blocked)).toMatch(/another operation \(install\/upgrade\/rollback\) is in progress/);

    // A young pending revision may be another live deploy: reported, not touched.
    const busy = await helm.recoverStuck(RELEASE, 10 * 60_000, 60_000).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(ExternalError);
    expect(String(busy)).toMatch(/is pending-upgrade \(revision 5.*another deploy may be running/);

    const recovered = await helm.recoverStuck(RELEASE, 0, 60_000);
    expect(recovered?.message).toMatch(
      /release order-worker was stuck pending-upgrade at revision 5 .*rolled back to revision 4, the last good one/,
    );
    expect((await helm.history(RELEASE)).at(-1)).toMatchObject({ revision: 6, status: 'deployed' });
    expect(await helm.recoverStuck(RELEASE, 0, 60_000)).toBeUndefined();
    expect(await helm.upgrade(stable('1.3.1', IMAGE_V1))).toMatchObject({ revision: 7, status: 'deployed' });
  });

  it('writes the routing ConfigMap the starter reads, and reads it back through the API', async () => {
    const routes = [
      { taskQueue: 'order-task-queue-v1', weight: 90 },
      { taskQueue: 'order-task-queue-v2', weight: 10 },
    ];
    await helm.upgrade(stable('1.3.1', IMAGE_V1, { values: { routing: { routes } } }));
    const maps = await cluster.getJson<{
      items: { metadata: { name: string }; data: Record<string, string> }[];
    }>(['configmaps', '-n', cluster.namespace, '-l', 'temporal-rollout/routing=true']);
    expect(maps.items.map((m) => m.metadata.name)).toEqual(['order-worker-routing']);
    const text = maps.items[0]?.data['routes.json'] ?? '';
    expect(parseRoutingFile(text, 'ConfigMap order-worker-routing')).toEqual({ routes });
  });

  it('deploys as the least-privilege ServiceAccount with its token, and fails clearly without it', async () => {
    const ns = cluster.namespace;
    await helm.upgrade({
      ...stable('rbac', IMAGE_V1),
      release: 'order-worker-deployer',
      values: { deployRbac: { only: true } },
    });
    const asDeployer = await deployerKubeconfig(cluster);

    const can = canAs(asDeployer);
    expect(await can('create', 'deployments.apps')).toBe('yes');
    expect(await can('create', 'podmonitors.monitoring.coreos.com')).toBe('yes');
    expect(await can('create', 'roles.rbac.authorization.k8s.io')).toBe('no');
    expect(await can('create', 'pods/exec')).toBe('no');
    expect(await can('list', 'secrets', 'kube-system')).toBe('no');
    // Issue 16 item 18: Helm's records are ConfigMaps, so the deploy identity reads no Secret at all.
    for (const verb of ['get', 'list', 'watch', 'create']) expect(await can(verb, 'secrets')).toBe('no');
    expect(await can('list', 'configmaps')).toBe('yes');

    const deployer = new Helm({ ...target, kubeconfig: asDeployer });
    const canary = await deployer.upgrade({
      ...stable('2.0.0', IMAGE_V2),
      release: 'order-worker-canary',
      track: 'canary',
      orderTaskQueue: 'order-task-queue-v2',
      paymentTaskQueue: 'payment-task-queue-v2',
      replicas: 1,
    });
    expect(canary).toMatchObject({ revision: 1, status: 'deployed' });
    const records = await cluster.getJson<{ items: { metadata: { name: string } }[] }>([
      'configmaps',
      '-n',
      ns,
      '-l',
      'owner=helm,name=order-worker-canary',
    ]);
    expect(records.items.map((r) => r.metadata.name)).toEqual(['sh.helm.release.v1.order-worker-canary.v1']);
    expect((await pods('order-worker-canary')).items).toHaveLength(1);
    expect(await deployer.uninstall('order-worker-canary', 60_000)).toBe(true);

    // The same identity keeps the rollout state ConfigMap; without credentials that is refused, by name.
    const stateStore = (kubeconfig: string) =>
      new ConfigMapStateStore(kubernetesApi({ kubeconfig, namespace: ns }), 'rbac-rollout-state');
    const state = emptyState('order-worker', 'task-queue');
    const asDeployerStore = stateStore(asDeployer);
    expect(await asDeployerStore.load()).toBeUndefined();
    await asDeployerStore.save(state);
    await asDeployerStore.save({ ...state, phase: 'canary' });
    expect(await stateStore(asDeployer).load()).toMatchObject({ phase: 'canary' });

    const anonymous = await cluster.writeTokenKubeconfig('', 'anonymous.kubeconfig');
    await expect(stateStore(anonymous).load()).rejects.toThrow(
      /cannot read ConfigMap .*\/rbac-rollout-state: the kubeconfig has no usable credentials/,
    );
    // A real identity without the Role is refused by the API server, and told what it needs.
    await cluster.kubectl(['create', 'serviceaccount', 'no-role', '-n', ns]);
    const { stdout: bare } = await cluster.kubectl(['create', 'token', 'no-role', '-n', ns]);
    const withoutRole = await cluster.writeTokenKubeconfig(bare.trim(), 'no-role.kubeconfig');
    await expect(stateStore(withoutRole).load()).rejects.toThrow(
      /cannot read ConfigMap .*\/rbac-rollout-state: .*forbidden.*needs get, create and update on configmaps/,
    );
    const refused = await new Helm({ ...target, kubeconfig: anonymous })
      .history(RELEASE)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExternalError);
    expect(String(refused)).toMatch(/forbidden: User "system:anonymous" cannot list resource "configmaps"/);
  });
  it('runs the rollout controller as the deploy ServiceAccount: admitted under restricted, its kubeconfig works', async () => {
    const ns = cluster.namespace;
    const controllerName = 'order-worker-deployer-rollout-controller';
    const revision = await helm.upgrade({
      ...stable('rbac', IMAGE_V1),
      release: 'order-worker-deployer',
      values: {
        deployRbac: { only: true },
        controller: { enabled: true, image: { tag: '0.1.0' }, taskQueue: 'temporal-rollout' },
      },
    });
    expect(revision.status).toBe('deployed');
    const dep = await cluster.getJson<Deployment>(['deployment', controllerName, '-n', ns]);
    expect(dep.status.readyReplicas).toBe(1);
    const running = await cluster.getJson<
      PodList & { items: { spec: { serviceAccountName: string; automountServiceAccountToken: boolean } }[] }
    >(['pods', '-n', ns, '-l', 'app.kubernetes.io/component=rollout-controller']);
    expect(running.items).toHaveLength(1);
    const pod = running.items[0]!;
    expect(pod.status.phase).toBe('Running');
    expect(pod.spec.serviceAccountName).toBe('order-worker-deployer');
    expect(pod.spec.automountServiceAccountToken).toBe(true);

    // The pod's kubeconfig, as the API server stores it, with the two paths a kubelet would provide here
    // (the API server's CA, the ServiceAccount's token file) and the test server's address.
    const map = await cluster.getJson<{ data: { config: string } }>([
      'configmap',
      `${controllerName}-kubeconfig`,
      '-n',
      ns,
    ]);
    const inCluster = parse(map.data.config);
    const admin = parse(await readFile(cluster.kubeconfig, 'utf8'));
    const adminCluster = admin.clusters[0].cluster;
    const caFile = join(cluster.workdir, 'controller-ca.crt');
    await writeFile(
      caFile,
      adminCluster['certificate-authority-data']
        ? Buffer.from(adminCluster['certificate-authority-data'], 'base64')
        : await readFile(adminCluster['certificate-authority']),
    );
    const { stdout: token } = await cluster.kubectl(['create', 'token', 'order-worker-deployer', '-n', ns]);
    const tokenFile = join(cluster.workdir, 'controller-token');
    await writeFile(tokenFile, token.trim(), { mode: 0o600 });
    inCluster.clusters[0].cluster = { server: cluster.server, 'certificate-authority': caFile };
    inCluster.users[0].user.tokenFile = tokenFile;
    const asController = join(cluster.workdir, 'controller.kubeconfig');
    await writeFile(asController, stringify(inCluster), { mode: 0o600 });

    const can = canAs(asController);
    expect(await can('patch', 'deployments.apps')).toBe('yes');
    expect(await can('update', 'configmaps')).toBe('yes');
    expect(await can('create', 'pods/exec')).toBe('no');
    expect(await can('list', 'secrets', 'kube-system')).toBe('no');
    // The steps reach the API with this kubeconfig through the client library: its tokenFile is the credential.
    const controllerStore = new ConfigMapStateStore(
      kubernetesApi({ kubeconfig: asController, namespace: ns }),
      'controller-rollout-state',
    );
    expect(await controllerStore.load()).toBeUndefined();
    await controllerStore.save(emptyState('order-worker', 'task-queue'));
    expect(await controllerStore.load()).toMatchObject({ app: 'order-worker', phase: 'stable' });
    // No --namespace: the context's namespace (the release's) is where helm looks; HELM_DRIVER as the pod sets it.
    const history = await execa(
      tool('helm'),
      ['history', RELEASE, '-o', 'json', '--kubeconfig', asController],
      { env: { HELM_DRIVER: 'configmap' } },
    );
    expect(JSON.parse(history.stdout).length).toBeGreaterThan(0);
  });
});

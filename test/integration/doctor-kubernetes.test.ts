// `temporal-rollout doctor`'s Kubernetes/Helm checks (its CLI) against a real API server (kwok cluster) and real
// Helm releases of the chart: a release left pending-upgrade and then recovered, the rollout-state ConfigMap
// agreeing or not, Pod Security labels, and the deploy identity (admin: too much; the chart's deploy Role: right).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Helm, type UpgradeRequest, upgradeArgs } from '../../actions/src/adapters/helm.js';
import { kubernetesApi } from '../../actions/src/adapters/kubernetes-api.js';
import { ConfigMapStateStore } from '../../actions/src/adapters/state-configmap.js';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import { type KubernetesCluster, startKubernetes } from '../../scripts/local-platform/kubernetes.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { deployerKubeconfig } from '../support/cluster-namespace.js';
import { killUpgradeWhilePending } from '../support/helm-stuck.js';
import { runDoctor } from './doctor-support.js';

const RELEASE = 'order-worker';
const IMAGE = `registry.example.com/acme/order-worker@sha256:${'1'.repeat(64)}`;

function stableRequest(version: string, extra: Partial<UpgradeRequest> = {}): UpgradeRequest {
  return {
    release: RELEASE,
    chart: join(repoRoot, 'charts', 'order-worker'),
    image: IMAGE,
    version,
    track: 'stable',
    orderTaskQueue: 'order-task-queue-v1',
    paymentTaskQueue: 'payment-task-queue-v1',
    replicas: 1,
    timeoutMs: 60_000,
    ...extra,
  };
}

/** `doctor --only kubernetes` as the deploy identity of `kubeconfig`, with the bootstrapped helm. */
function kubernetesArgv(config: string, kubeconfig: string, namespace: string): string[] {
  return [
    ...['--config', config, '--only', 'kubernetes', '--kubeconfig', kubeconfig],
    ...['--helm-namespace', namespace, '--helm', tool('helm')],
  ];
}

function stateOf(version: string): RolloutState {
  return {
    schema: 1,
    app: RELEASE,
    strategy: 'task-queue',
    phase: 'stable',
    stable: {
      version,
      buildId: version,
      image: IMAGE,
      orderQueue: 'order-task-queue-v1',
      paymentQueue: 'payment-task-queue-v1',
    },
    deployed: [],
    history: [],
  };
}

describe('doctor: Kubernetes/Helm checks against a real API server', () => {
  let cluster: KubernetesCluster;
  let dir: TempDir;
  let helm: Helm;
  let store: ConfigMapStateStore;
  let argv: (kubeconfig?: string) => string[];

  beforeAll(async () => {
    cluster = await startKubernetes({ nodes: 1 });
    dir = await tempDir('doctor-k8s');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      'app: order-worker\nimage: registry.example.com/acme/order-worker\ndeployer: helm\ntaskQueues: { order: { base: order-task-queue }, payment: { base: payment-task-queue } }\n',
    );
    helm = new Helm({ helm: tool('helm'), kubeconfig: cluster.kubeconfig, namespace: cluster.namespace });
    await helm.upgrade(stableRequest('1.0.0'));
    store = new ConfigMapStateStore(
      kubernetesApi({ kubeconfig: cluster.kubeconfig, namespace: cluster.namespace }),
      'order-worker-rollout-state',
    );
    await store.load();
    await store.save(stateOf('1.0.0'));
    argv = (kubeconfig = cluster.kubeconfig) => kubernetesArgv(config, kubeconfig, cluster.namespace);
  });
  afterAll(async () => {
    await cluster?.delete();
    await dir?.remove();
  });

  it('admin: releases, state and Pod Security pass; the identity fails for its cluster-wide rights', async () => {
    const run = await runDoctor(argv());
    expect(run.check('kubernetes.releases')).toMatchObject({
      status: 'pass',
      seen: 'order-worker: revision 1 deployed (1.0.0)',
    });
    expect(run.check('kubernetes.rollout-state')).toMatchObject({
      status: 'pass',
      seen: expect.stringContaining('phase stable, stable 1.0.0 — matches the releases'),
    });
    expect(run.check('kubernetes.pod-security')).toMatchObject({
      status: 'pass',
      seen: `namespace ${cluster.namespace} enforces restricted (version latest)`,
    });
    expect(run.check('kubernetes.deploy-identity')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(
        /^has cluster-wide rights: \* \*\.\* cluster-wide, list secrets cluster-wide/,
      ),
    });
    expect(run.code).toBe(1);
  });

  it("the chart's least-privilege deploy identity passes; it may not read the namespace, which only warns", async () => {
    await helm.upgrade({
      ...stableRequest('rbac'),
      release: 'order-worker-deployer',
      values: { deployRbac: { only: true } },
    });
    const deployer = await deployerKubeconfig(cluster);
    const run = await runDoctor(argv(deployer));
    expect(run.check('kubernetes.deploy-identity')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(
        /^\d+ needed permissions in rollout-test granted; none of 7 cluster-wide ones$/,
      ),
    });
    expect(run.check('kubernetes.releases').status).toBe('pass');
    expect(run.check('kubernetes.rollout-state').status).toBe('pass');
    expect(run.check('kubernetes.pod-security')).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining(`kubectl get namespace ${cluster.namespace} --show-labels`),
    });
    expect(run.code).toBe(3);

    // A real identity with no Role at all: told what it lacks.
    await cluster.kubectl(['create', 'serviceaccount', 'no-role', '-n', cluster.namespace]);
    const { stdout: bare } = await cluster.kubectl(['create', 'token', 'no-role', '-n', cluster.namespace]);
    const noRole = await runDoctor(
      argv(await cluster.writeTokenKubeconfig(bare.trim(), 'no-role.kubeconfig')),
    );
    expect(noRole.check('kubernetes.deploy-identity')).toMatchObject({
      status: 'fail',
      // Helm's records are ConfigMaps (helm.driver: configmap): no Secret is asked for at all.
      seen: expect.stringContaining('cannot get configmaps in rollout-test'),
      fix: expect.stringContaining('deployRbac.only=true'),
    });
  });

  it('a release left pending-upgrade fails with the fix; recovered, it passes', async () => {
    const target = { helm: tool('helm'), kubeconfig: cluster.kubeconfig, namespace: cluster.namespace };
    const args = upgradeArgs(target, stableRequest('1.1.0', { atomic: false, timeoutMs: 120_000 }));
    // Unschedulable pods keep --wait waiting; the deploy is then killed as a lost runner would be.
    args.push('--set', 'resources.requests.cpu=64', '--set', 'resources.limits.cpu=64');
    await killUpgradeWhilePending(helm, RELEASE, args, cluster.kubeconfig);

    const stuck = await runDoctor(argv());
    expect(stuck.check('kubernetes.releases')).toMatchObject({
      status: 'fail',
      seen: 'order-worker: revision 2 pending-upgrade',
      fix: expect.stringContaining('helm rollback order-worker <last deployed revision>'),
    });
    // The state still names what the deployed revision runs.
    expect(stuck.check('kubernetes.rollout-state').status).toBe('pass');

    await helm.recoverStuck(RELEASE, 0, 60_000);
    const recovered = await runDoctor(argv());
    expect(recovered.check('kubernetes.releases')).toMatchObject({
      status: 'pass',
      seen: 'order-worker: revision 3 deployed (1.0.0)',
    });
  });

  it('a state that disagrees with the releases fails; a namespace without Pod Security fails', async () => {
    await store.load();
    await store.save(stateOf('0.9.0'));
    try {
      const run = await runDoctor(argv());
      expect(run.check('kubernetes.rollout-state')).toMatchObject({
        status: 'fail',
        seen: `ConfigMap ${cluster.namespace}/order-worker-rollout-state: state says stable 0.9.0, order-worker runs 1.0.0`,
      });
    } finally {
      await store.load();
      await store.save(stateOf('1.0.0'));
    }

    await cluster.kubectl(['create', 'namespace', 'doctor-plain']);
    const plain = argv().map((a) => (a === cluster.namespace ? 'doctor-plain' : a));
    const unlabelled = await runDoctor(plain);
    expect(unlabelled.check('kubernetes.pod-security')).toMatchObject({
      status: 'fail',
      seen: 'namespace doctor-plain enforces no Pod Security level',
      fix: "kubectl label namespace doctor-plain pod-security.kubernetes.io/enforce=restricted (the chart's pods meet restricted)",
    });
    expect(unlabelled.check('kubernetes.releases')).toMatchObject({
      status: 'fail',
      seen: 'order-worker: not installed',
    });
    await cluster.kubectl([
      'label',
      'namespace',
      'doctor-plain',
      'pod-security.kubernetes.io/enforce=baseline',
    ]);
    expect((await runDoctor(plain)).check('kubernetes.pod-security')).toMatchObject({
      status: 'pass',
      seen: 'namespace doctor-plain enforces baseline (version latest)',
    });
  });
});

describe('doctor: Kubernetes checks against an API server that is not there', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await tempDir('doctor-k8s-dead');
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it('each check fails quickly with the reason', async () => {
    const port = await freePort();
    const kubeconfig = join(dir.path, 'dead.kubeconfig');
    await writeFile(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'dead',
            cluster: { server: `https://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true },
          },
        ],
        users: [{ name: 'token', user: { token: 'nobody' } }],
        contexts: [{ name: 'dead', context: { cluster: 'dead', user: 'token' } }],
        'current-context': 'dead',
      }),
    );
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      'app: order-worker\nimage: registry.example.com/acme/order-worker\ndeployer: helm\ntaskQueues: { order: { base: q } }\n',
    );
    const run = await runDoctor(kubernetesArgv(config, kubeconfig, 'orders'));
    expect(run.code).toBe(1);
    for (const id of [
      'kubernetes.releases',
      'kubernetes.rollout-state',
      'kubernetes.pod-security',
      'kubernetes.deploy-identity',
    ])
      expect(run.check(id), id).toMatchObject({
        status: 'fail',
        seen: expect.stringMatching(/connection refused|connection to the server .* was refused/),
      });
    expect(run.elapsedMs).toBeLessThan(20_000);
    console.log(`doctor: dead API server reported in ${run.elapsedMs} ms`);
  });
});

// canary → promote and canary → automatic rollback through the real HelmDeployer on a real API server (kwok
// nodes), with drain decisions asked of a real Temporal dev server. kwok pods run nothing, so a stand-in
// kubelet (scripts/local-platform/kwok-pods.ts) runs each Running worker pod as a real worker process with the pod's env:
// an order open on the old queue, held by a real v1 worker, holds the promotion until that worker finishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesApi } from '../../actions/src/adapters/kubernetes-api.js';
import { ConfigMapStateStore } from '../../actions/src/adapters/state-configmap.js';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import { parseRolloutConfig } from '../../actions/src/core/rollout-config.js';
import { applyOverrides } from '../../actions/src/core/rollout-overrides.js';
import { canary } from '../../actions/src/steps/canary.js';
import { promote } from '../../actions/src/steps/promote.js';
import { rollback } from '../../actions/src/steps/rollback.js';
import { type OpenRollout, openRollout } from '../../actions/src/steps/rollout-open.js';
import type { KubernetesCluster } from '../../scripts/local-platform/kubernetes.js';
import type { PodProcess, PodRunner } from '../../scripts/local-platform/kwok-pods.js';
import type { TempDir } from '../../scripts/local-platform/temp.js';
import type { TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { approveSignal, statusQuery } from '../../worker/src/workflows/definitions.js';
import { helmHistory } from '../support/cluster-namespace.js';
import { helmRolloutYaml, type KwokWorkerPlatform, startKwokWorkerPlatform } from './rollout-support.js';

const digest = (n: number) => `registry.example.com/acme/order-worker@sha256:${String(n).repeat(64)}`;

interface Deployment {
  spec: { template: { spec: { containers: { image: string; env?: { name: string; value?: string }[] }[] } } };
}

describe('HelmDeployer on a real API server, drains checked on a real dev server', () => {
  let platform: KwokWorkerPlatform;
  let cluster: KubernetesCluster;
  let server: TemporalDevServer;
  let dir: TempDir;
  let open: OpenRollout;
  let pods: PodRunner;
  const queues = (running: PodProcess[]) => running.map((p) => p.env.ORDER_TASK_QUEUE).sort();

  const deployment = (name: string) =>
    cluster.getJson<Deployment>(['deployment', name, '-n', cluster.namespace]);
  const envOf = async (name: string, key: string) =>
    (await deployment(name)).spec.template.spec.containers[0]?.env?.find((e) => e.name === key)?.value;
  const releases = async () =>
    // Helm's release records: ConfigMaps under temporal-rollout's default driver (rollout.yaml helm.driver).
    (
      await cluster.kubectl(['get', 'configmaps', '-n', cluster.namespace, '-l', 'owner=helm', '-o', 'name'])
    ).stdout
      .split('\n')
      .filter(Boolean);
  const history = (release: string) => helmHistory(cluster, release);

  beforeAll(async () => {
    platform = await startKwokWorkerPlatform('k8s-rollout', 2);
    ({ cluster, server, dir } = platform);
    const config = parseRolloutConfig(
      helmRolloutYaml({
        drain: '{ policy: wait, timeout: 2s }',
        helm: '{ release: order-worker, timeout: 90s }',
      }),
      'rollout.yaml',
    );
    open = await openRollout({
      config: applyOverrides(config, { temporalAddress: server.address }),
      stateDir: dir.path,
      helm: {
        binary: tool('helm'),
        kubeconfig: cluster.kubeconfig,
        namespace: cluster.namespace,
      },
      drain: { pollMs: 250 },
      replicas: 1,
    });
    pods = await platform.runPods();
  });
  afterAll(async () => {
    await open?.close();
    await platform?.close();
  });

  it('installs stable, runs a canary on its per-version queue, and promotes only after the old queue drains', async () => {
    const { ctx } = open;
    expect((await canary(ctx, { version: '1.0.0', image: digest(1), weight: 50 })).outcome).toBe('done');
    expect((await deployment('order-worker')).spec.template.spec.containers[0]?.image).toBe(digest(1));
    expect(await envOf('order-worker', 'ORDER_TASK_QUEUE')).toBe('order-task-queue-v1');

    const placed = await canary(ctx, { version: '2.0.0', image: digest(2), weight: 50 });
    expect(placed).toMatchObject({ outcome: 'done', canary: { version: '2.0.0', weight: 50 } });
    expect((await deployment('order-worker-canary')).spec.template.spec.containers[0]?.image).toBe(digest(2));
    expect(await envOf('order-worker-canary', 'ORDER_TASK_QUEUE')).toBe('order-task-queue-v2');
    // The deployer reads the release back from Helm: its version and the queues its values gave the workers.
    expect(await ctx.deployer.describe('canary')).toMatchObject({
      version: '2.0.0',
      queues: { order: 'order-task-queue-v2', payment: 'payment-task-queue-v2' },
    });
    const again = await canary(ctx, { version: '2.0.0', image: digest(2), weight: 50 });
    expect(again.outcome).toBe('unchanged');

    // The stand-in kubelet runs both releases' pods as real workers, each on the queue its chart values gave it.
    await pods.waitFor(
      (running) => queues(running).join() === 'order-task-queue-v1,order-task-queue-v2',
      'v1 and v2 workers',
    );

    // An order above the approval threshold, started on v1's queue: the real v1 worker reserves, charges and
    // waits for approval. Promote must not stop v1 while it is open.
    const held = await ctx.client.workflow.start('OrderWorkflow', {
      taskQueue: 'order-task-queue-v1',
      workflowId: 'k8s-held-v1',
      args: [
        {
          orderId: 'k8s-held-v1',
          customerId: 'c-1',
          items: [{ sku: 'sku-1', quantity: 1 }],
          amountCents: 150_000,
          currency: 'USD',
          paymentToken: 'tok_k8s',
          shippingAddress: '1 Cluster Street',
        },
      ],
    });
    await expect
      .poll(async () => (await held.query(statusQuery).catch(() => undefined))?.stage, { timeout: 30_000 })
      .toBe('AWAITING_APPROVAL');
    const stableBefore = await history('order-worker');
    const waiting = await promote(ctx, { version: '2.0.0' });
    expect(waiting).toMatchObject({ outcome: 'waiting', phase: 'promoting' });
    expect(waiting.drain).toMatchObject({ openRunsAtEnd: 1, drained: false });
    expect(await envOf('order-worker', 'ORDER_TASK_QUEUE')).toBe('order-task-queue-v1');
    expect(queues(pods.running())).toContain('order-task-queue-v1');

    // The approval reaches the v1 worker still running; it ships and completes the order, and only then
    // does promote move stable and let v1's pod go.
    await held.signal(approveSignal, { approver: 'k8s-test' });
    expect(await held.result()).toMatchObject({ outcome: 'COMPLETED' });
    // Visibility's zero is confirmed by the task queue: quiet once the server's 30 s window has no new start.
    const done = await promote({ ...ctx, drain: { pollMs: 250, timeoutMs: 90_000 } }, { version: '2.0.0' });
    expect(done).toMatchObject({ outcome: 'done', stable: '2.0.0', phase: 'stable' });
    expect((await deployment('order-worker')).spec.template.spec.containers[0]?.image).toBe(digest(2));
    expect(await envOf('order-worker', 'ORDER_TASK_QUEUE')).toBe('order-task-queue-v2');
    expect((await releases()).some((r) => r.includes('order-worker-canary'))).toBe(false);
    expect((await history('order-worker')).length).toBeGreaterThan(stableBefore.length);
    await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v2', 'only v2 workers');
    const v1 = pods.all().filter((p) => p.env.ORDER_TASK_QUEUE === 'order-task-queue-v1');
    expect(v1.length).toBeGreaterThan(0);
    // Each v1 worker was stopped by SIGTERM and shut down cleanly (exit 0), nothing in flight left behind.
    expect(v1.map((p) => p.exitCode)).toEqual(v1.map(() => 0));

    const revisions = (await history('order-worker')).map((r) => r.revision);
    expect((await promote(ctx, { version: '2.0.0' })).outcome).toBe('unchanged');
    expect((await history('order-worker')).map((r) => r.revision)).toEqual(revisions);
  }, 300_000);

  it('rolls a canary back automatically: canary release removed, stable release untouched', async () => {
    const { ctx } = open;
    await canary(ctx, { version: '3.0.0', image: digest(3), weight: 50 });
    expect((await deployment('order-worker-canary')).spec.template.spec.containers[0]?.image).toBe(digest(3));
    const stableImage = (await deployment('order-worker')).spec.template.spec.containers[0]?.image;
    const result = await rollback(ctx, { reason: 'test: analysis failed' });
    expect(result).toMatchObject({ outcome: 'done', stable: '2.0.0', phase: 'stable' });
    expect((await releases()).some((r) => r.includes('order-worker-canary'))).toBe(false);
    expect((await deployment('order-worker')).spec.template.spec.containers[0]?.image).toBe(stableImage);
    const revisions = (await history('order-worker')).map((r) => r.revision);
    expect((await rollback(ctx, { reason: 'again' })).outcome).toBe('unchanged');
    expect((await history('order-worker')).map((r) => r.revision)).toEqual(revisions);
  }, 300_000);

  it('keeps the rollout state in a ConfigMap every run reads, and refuses a writer that read a stale one', async () => {
    expect(open.ctx.store.where).toBe(`ConfigMap ${cluster.namespace}/order-worker-rollout-state`);
    const stored = await cluster.getJson<{ data: Record<string, string> }>([
      'configmap',
      'order-worker-rollout-state',
      '-n',
      cluster.namespace,
    ]);
    const state = JSON.parse(stored.data['state.json'] ?? '{}') as RolloutState;
    expect(state).toMatchObject({ app: 'order-worker', phase: 'stable', stable: { version: '2.0.0' } });
    expect(state.history.map((h) => `${h.event} ${h.version}`)).toEqual(
      expect.arrayContaining(['promote 2.0.0', 'rollback 3.0.0']),
    );

    // Two runs read the same state; the first to write wins, the second is told, and nothing is lost.
    const store = () =>
      new ConfigMapStateStore(
        kubernetesApi({ kubeconfig: cluster.kubeconfig, namespace: cluster.namespace }),
        'order-worker-rollout-state',
      );
    const [first, second] = [store(), store()];
    const [a, b] = [await first.load(), await second.load()];
    await first.save({
      ...a!,
      history: [...a!.history, { at: new Date().toISOString(), event: 'restore', version: 'x' }],
    });
    await expect(second.save(b!)).rejects.toThrow(/changed since this step read it/);
    expect((await store().load())?.history.at(-1)?.version).toBe('x');
  }, 60_000);
});

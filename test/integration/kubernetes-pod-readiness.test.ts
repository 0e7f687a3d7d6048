// Pod readiness on a kwok cluster with the stand-in kubelet (podReadiness: 'stand-in-kubelet'), seen through the
// Helm adapter the deployer uses: a worker pod nothing runs is Running but never Ready, so `helm upgrade --wait`
// times out; once the stand-in kubelet runs it, the pod turns Ready only after its worker passed the readiness
// probe, and a new release's `--wait` returns only after its worker serves. kwok alone would report every pod
// Ready the moment it is scheduled.
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Helm, type UpgradeRequest } from '../../actions/src/adapters/helm.js';
import { ExternalError } from '../../actions/src/core/errors.js';
import type { KubernetesCluster } from '../../scripts/local-platform/kubernetes.js';
import type { PodProcess, PodRunner } from '../../scripts/local-platform/kwok-pods.js';
import type { TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { type KwokWorkerPlatform, startKwokWorkerPlatform } from './rollout-support.js';

const digest = (n: number) => `registry.example.com/acme/order-worker@sha256:${String(n).repeat(64)}`;

/** A pod's Ready condition as the API server reports it, asked for at `askedAt` (epoch ms). */
interface ReadySample {
  askedAt: number;
  ready: boolean;
}

const readyCondition = (pod: V1Pod) => pod.status?.conditions?.find((c) => c.type === 'Ready');

describe("pod readiness with the stand-in kubelet: Ready only once the pod's worker serves", () => {
  let platform: KwokWorkerPlatform;
  let cluster: KubernetesCluster;
  let server: TemporalDevServer;
  let helm: Helm;
  let pods: PodRunner | undefined;

  const request = (
    release: string,
    version: number,
    extra: Partial<UpgradeRequest> = {},
  ): UpgradeRequest => ({
    release,
    chart: join(repoRoot, 'charts', 'order-worker'),
    image: digest(version),
    version: `${version}.0.0`,
    track: release.endsWith('-canary') ? 'canary' : 'stable',
    orderTaskQueue: `order-task-queue-v${version}`,
    paymentTaskQueue: `payment-task-queue-v${version}`,
    buildId: `order-worker-${version}.0.0`,
    replicas: 1,
    values: { temporal: { address: server.address }, preStopSleepSeconds: 0 },
    timeoutMs: 60_000,
    ...extra,
  });
  const podsOf = async (release: string): Promise<V1Pod[]> => {
    const { api, namespace } = cluster;
    const list = await api.call(`list pods of ${release}`, (o) =>
      api.core.listNamespacedPod({ namespace, labelSelector: `app.kubernetes.io/instance=${release}` }, o),
    );
    return list.items;
  };
  const workerOf = (release: string) => (running: PodProcess[]) =>
    running.find((p) => p.labels['app.kubernetes.io/instance'] === release);

  beforeAll(async () => {
    platform = await startKwokWorkerPlatform('k8s-pod-readiness');
    ({ cluster, server } = platform);
    helm = new Helm({ helm: tool('helm'), kubeconfig: cluster.kubeconfig, namespace: cluster.namespace });
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
  }, 120_000);

  it('a worker pod nothing runs is Running but not Ready, so helm upgrade --wait times out', async () => {
    const upgrade = helm.upgrade(request('order-worker-canary', 1, { timeoutMs: 10_000, atomic: false }));
    await expect(upgrade).rejects.toThrow(ExternalError);
    await expect(upgrade).rejects.toThrow(/upgrade of order-worker-canary failed/);
    const [pod, ...others] = await podsOf('order-worker-canary');
    expect(others).toEqual([]);
    // Scheduled and started by kwok, its container reported running, but not ready: no process serves it.
    expect(pod?.status?.phase).toBe('Running');
    expect(readyCondition(pod ?? {})).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(pod?.status?.containerStatuses?.map((c) => c.ready)).toEqual([false]);
    expect((await helm.history('order-worker-canary')).map((r) => r.status)).toEqual(['failed']);
  }, 120_000);

  it("the pod turns Ready only after the stand-in kubelet's worker passed its readiness probe", async () => {
    // Samples the pod's Ready condition while the stand-in kubelet starts its worker.
    const samples: ReadySample[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const askedAt = Date.now();
        const [pod] = await podsOf('order-worker-canary');
        samples.push({ askedAt, ready: pod ? readyCondition(pod)?.status === 'True' : false });
        if (samples.at(-1)?.ready) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      pods = await platform.runPods();
      await pods.waitFor((running) => !!workerOf('order-worker-canary')(running), 'the canary worker');
      await Promise.race([
        sampler,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the pod never turned Ready')), 60_000).unref(),
        ),
      ]);
    } finally {
      sampling = false;
      await sampler;
    }
    const worker = workerOf('order-worker-canary')(pods.running());
    if (!worker) throw new Error('no canary worker runs');
    expect(worker.readyAt).toBeGreaterThanOrEqual(worker.startedAt);
    // While the worker was starting, the API server said: not Ready.
    expect(samples.filter((s) => !s.ready && s.askedAt >= worker.startedAt).length).toBeGreaterThan(0);
    // Ready came after the probe passed: never seen Ready before it, and the condition's time (whole seconds) agrees.
    expect(samples.filter((s) => s.ready && s.askedAt < worker.readyAt)).toEqual([]);
    const [pod] = await podsOf('order-worker-canary');
    const ready = readyCondition(pod ?? {});
    expect(ready?.status).toBe('True');
    expect(Date.parse(String(ready?.lastTransitionTime))).toBeGreaterThanOrEqual(
      Math.floor(worker.readyAt / 1000) * 1000,
    );
    expect(pod?.status?.containerStatuses?.map((c) => c.ready)).toEqual([true]);
    const waited = Math.round(worker.readyAt - worker.startedAt);
    console.log(`pod readiness: worker spawned → probe passed in ${waited} ms; pod Ready after that`);
  }, 180_000);

  it("helm upgrade --wait of a new release returns only after its pod's worker serves", async () => {
    if (!pods) throw new Error('the stand-in kubelet is not running');
    const upgradeStarted = Date.now();
    const revision = await helm.upgrade(request('order-worker', 2));
    const returned = Date.now();
    expect(revision).toMatchObject({ revision: 1, status: 'deployed' });
    const worker = workerOf('order-worker')(pods.running());
    if (!worker) throw new Error('helm --wait returned, but no stable worker runs');
    expect(worker.env.ORDER_TASK_QUEUE).toBe('order-task-queue-v2');
    expect(worker.startedAt).toBeGreaterThanOrEqual(upgradeStarted);
    expect(worker.readyAt).toBeLessThanOrEqual(returned);
    console.log(
      `pod readiness: helm upgrade --wait took ${returned - upgradeStarted} ms; the worker was ready ${returned - worker.readyAt} ms before it returned`,
    );
  }, 180_000);
});

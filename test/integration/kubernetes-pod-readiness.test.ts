// Pod readiness on a kwok cluster with the stand-in kubelet (podReadiness: 'stand-in-kubelet'), seen through the
// Helm adapter the deployer uses: a worker pod nothing runs is Running but never Ready, so `helm upgrade --wait`
// times out; once the stand-in kubelet runs it, the pod turns Ready only after its worker passed the readiness
// probe, and a new release's `--wait` returns only after its worker serves. kwok alone would report every pod
// Ready the moment it is scheduled. A worker process that dies is restarted as a kubelet restarts a container:
// after a back-off, its pod NotReady meanwhile (CrashLoopBackOff), its restart counted, and not at all once
// the pod is deleted.
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Helm, type UpgradeRequest } from '../../actions/src/adapters/helm.js';
import { ExternalError } from '../../actions/src/core/errors.js';
import { eventually } from '../../scripts/local-platform/eventually.js';
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

/** The stand-in kubelet's first restart back-off here (10 s by default, as the kubelet's), doubling up to the cap. */
const RESTART_BACKOFF_MS = 3_000;
const MAX_RESTART_BACKOFF_MS = 12_000;

/** A pod's Ready condition and its container's status as the API server reports them at `askedAt`. */
interface ContainerSample {
  askedAt: number;
  uid: string;
  ready: boolean;
  restartCount: number;
  waiting: string | undefined;
  lastExitCode: number | undefined;
}

const sampleOf = (pod: V1Pod, askedAt: number): ContainerSample => {
  const container = pod.status?.containerStatuses?.[0];
  return {
    askedAt,
    uid: pod.metadata?.uid ?? '',
    ready: readyCondition(pod)?.status === 'True',
    restartCount: container?.restartCount ?? -1,
    waiting: container?.state?.waiting?.reason,
    lastExitCode: container?.lastState?.terminated?.exitCode,
  };
};

interface DeploymentStatus {
  items: {
    status?: {
      readyReplicas?: number;
      availableReplicas?: number;
      conditions?: { type: string; status: string }[];
    };
  }[];
}

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
      pods = await platform.runPods(undefined, {
        restartBackoffMs: RESTART_BACKOFF_MS,
        maxRestartBackoffMs: MAX_RESTART_BACKOFF_MS,
      });
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
  /** Samples the pods of `release` every 100 ms until `stop()`; returns what it saw. */
  const sampleContainers = (release: string) => {
    const samples: ContainerSample[] = [];
    let sampling = true;
    const done = (async () => {
      while (sampling) {
        const askedAt = Date.now();
        for (const pod of await podsOf(release)) samples.push(sampleOf(pod, askedAt));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    return {
      samples,
      async stop() {
        sampling = false;
        await done;
        return samples;
      },
    };
  };
  const deploymentOf = async (release: string) => {
    const { items } = await cluster.getJson<DeploymentStatus>([
      'deployment',
      '-n',
      cluster.namespace,
      '-l',
      `app.kubernetes.io/instance=${release}`,
    ]);
    return items[0]?.status;
  };

  it('a worker process killed with SIGKILL is restarted after its back-off: NotReady meanwhile, Ready again', async () => {
    if (!pods) throw new Error('the stand-in kubelet is not running');
    const before = workerOf('order-worker')(pods.running());
    if (!before) throw new Error('no stable worker runs');
    const [podBefore] = await podsOf('order-worker');
    expect(sampleOf(podBefore ?? {}, Date.now())).toMatchObject({ ready: true, restartCount: 0 });
    const sampler = sampleContainers('order-worker');
    const killedAt = Date.now();
    process.kill(before.process.pid, 'SIGKILL');
    let after: PodProcess | undefined;
    try {
      await pods.waitFor(
        (running) => {
          after = workerOf('order-worker')(running);
          return !!after && after.process.pid !== before.process.pid;
        },
        'the restarted stable worker',
        90_000,
      );
      // The pod is Ready again, its container counting one restart of an exit by SIGKILL (128 + 9).
      await eventually(
        async () => {
          const [pod] = await podsOf('order-worker');
          return pod && sampleOf(pod, 0).ready ? pod : undefined;
        },
        30_000,
        'the pod Ready again',
      );
    } finally {
      await sampler.stop();
    }
    if (!after) throw new Error('no restarted worker');
    const { readyAt } = after;
    const samples = sampler.samples;
    expect(await before.process.exited).toBeNull();
    expect(before.process.signal()).toBe('SIGKILL');
    // The same pod (the container restarted in place, no replacement pod), with the same env and ports.
    expect(new Set(samples.map((s) => s.uid))).toEqual(new Set([podBefore?.metadata?.uid]));
    expect(after).toMatchObject({ uid: before.uid, restartCount: 1, env: before.env, ports: before.ports });
    // Not restarted before its back-off.
    expect(after.startedAt - killedAt).toBeGreaterThanOrEqual(RESTART_BACKOFF_MS);
    // While it was down the pod was NotReady, waiting in CrashLoopBackOff, the restart counted.
    const down = samples.filter((s) => !s.ready);
    expect(down.length).toBeGreaterThan(0);
    expect(down.some((s) => s.waiting === 'CrashLoopBackOff' && s.restartCount === 1)).toBe(true);
    // Never Ready between the kill's being seen and the new process's readiness.
    const firstDown = down[0]?.askedAt ?? 0;
    expect(samples.filter((s) => s.ready && s.askedAt > firstDown && s.askedAt < readyAt)).toEqual([]);
    const [pod] = await podsOf('order-worker');
    expect(sampleOf(pod ?? {}, 0)).toMatchObject({ ready: true, restartCount: 1, lastExitCode: 137 });
    expect(pod?.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    // The Deployment went unavailable with its one pod, and is available again.
    const status = await eventually(
      async () => {
        const s = await deploymentOf('order-worker');
        return s?.availableReplicas === 1 ? s : undefined;
      },
      30_000,
      'the Deployment available',
    );
    expect(status.readyReplicas).toBe(1);
    expect(status.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
    const healthPort = after.ports.health;
    expect((await fetch(`http://127.0.0.1:${healthPort}/ready`)).status).toBe(200);
    console.log(
      `pod restart: SIGKILL → restarted after ${after.startedAt - killedAt} ms (back-off ${RESTART_BACKOFF_MS} ms) → ready after ${after.readyAt - killedAt} ms; NotReady samples: ${down.length}`,
    );
  }, 180_000);

  it('a pod deleted while its restart backs off is not restarted: its process stays stopped', async () => {
    if (!pods) throw new Error('the stand-in kubelet is not running');
    const before = workerOf('order-worker')(pods.running());
    if (!before) throw new Error('no stable worker runs');
    process.kill(before.process.pid, 'SIGKILL');
    // The second restart backs off twice as long: the pod is deleted meanwhile.
    await eventually(
      async () => {
        const [pod] = (await podsOf('order-worker')).filter((p) => p.metadata?.uid === before.uid);
        return pod && sampleOf(pod, 0).waiting === 'CrashLoopBackOff' && sampleOf(pod, 0).restartCount === 2
          ? true
          : undefined;
      },
      30_000,
      'the pod waiting for its second restart',
    );
    const deletedAt = Date.now();
    await cluster.kubectl(['delete', 'pod', '-n', cluster.namespace, before.pod, '--wait=false']);
    // The ReplicaSet's new pod gets a worker of its own.
    await pods.waitFor(
      (running) => {
        const worker = workerOf('order-worker')(running);
        return !!worker && worker.uid !== before.uid;
      },
      "the replacement pod's worker",
      90_000,
    );
    // Past the back-off the deleted pod's restart was due at, nothing runs for it.
    const due = deletedAt + 2 * RESTART_BACKOFF_MS + 1_000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    await pods.sync();
    const deletedPods = pods.all().filter((p) => p.uid === before.uid);
    expect(deletedPods.map((p) => p.restartCount)).toEqual([0, 1]);
    expect(deletedPods.every((p) => p.exitCode !== undefined)).toBe(true);
    expect(pods.running().filter((p) => p.uid === before.uid)).toEqual([]);
    expect((await podsOf('order-worker')).map((p) => p.metadata?.uid)).not.toContain(before.uid);
  }, 180_000);
});

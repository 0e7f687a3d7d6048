import { describe, expect, it } from 'vitest';
import type { WorkerSetSpec } from './deployer.js';
import { type Helm, upgradeArgs } from './helm.js';
import { HelmDeployer } from './helm-deployer.js';
import type { KubectlRunner } from './state-configmap.js';

const IMAGE = `registry.example.com/acme/order-worker@sha256:${'a'.repeat(64)}`;
const spec = (track: 'stable' | 'canary', versioning = false): WorkerSetSpec => ({
  app: 'order-worker',
  track,
  release: {
    version: 'v2.0.0',
    buildId: '2.0.0',
    image: IMAGE,
    orderQueue: 'order-task-queue-v2',
    paymentQueue: 'payment-task-queue-v2',
  },
  temporal: { address: 'temporal-frontend:7233', namespace: 'orders' },
  replicas: 3,
  ...(versioning
    ? { versioning: { deploymentName: 'order-worker', defaultBehavior: 'PINNED' as const } }
    : {}),
});

// Only the pure request building is exercised here; the Helm binary is never called.
const deployer = new HelmDeployer(undefined as unknown as Helm, {
  release: 'order-worker',
  chart: 'charts/order-worker',
  timeoutMs: 300_000,
  valuesFiles: ['prod.yaml'],
});

describe('HelmDeployer requests', () => {
  it('names the releases', () => {
    expect(deployer.releaseName('stable')).toBe('order-worker');
    expect(deployer.releaseName('canary')).toBe('order-worker-canary');
  });

  it('sends the canary its own queues and build id, without the routing ConfigMap', () => {
    const request = deployer.request(spec('canary'), { routes: [{ taskQueue: 'x', weight: 1 }] });
    expect(request).toMatchObject({
      release: 'order-worker-canary',
      track: 'canary',
      orderTaskQueue: 'order-task-queue-v2',
      paymentTaskQueue: 'payment-task-queue-v2',
      buildId: '2.0.0',
      replicas: 3,
      valuesFiles: ['prod.yaml'],
    });
    expect(request.values).toEqual({
      temporal: { address: 'temporal-frontend:7233', namespace: 'orders' },
      worker: { versioning: { enabled: false } },
      routing: { enabled: false, routes: [] },
    });
    const args = upgradeArgs({ helm: 'helm', kubeconfig: '/k', namespace: 'orders' }, request);
    expect(args.slice(0, 3)).toEqual(['upgrade', 'order-worker-canary', 'charts/order-worker']);
    expect(args).toContain('worker.orderTaskQueue=order-task-queue-v2');
    expect(args).toContain('track=canary');
  });

  it('puts the routes in the stable release and turns worker versioning on under that strategy', () => {
    const routes = {
      routes: [
        { taskQueue: 'order-task-queue-v1', weight: 90 },
        { taskQueue: 'order-task-queue-v2', weight: 10 },
      ],
    };
    const request = deployer.request(spec('stable', true), routes);
    expect(request.release).toBe('order-worker');
    expect(request.values).toMatchObject({
      worker: { deploymentName: 'order-worker', versioning: { enabled: true, defaultBehavior: 'PINNED' } },
      routing: { enabled: true, routes: routes.routes },
    });
  });

  it("passes the release's env as worker.releaseEnv and fingerprints it in the Helm description", () => {
    const plain = deployer.request(spec('canary'), undefined);
    const faulty = deployer.request(
      { ...spec('canary'), release: { ...spec('canary').release, env: { FAULT_PAYMENT_RATE: '0.6' } } },
      undefined,
    );
    expect(plain.values).not.toHaveProperty('worker.releaseEnv');
    expect(faulty.values).toMatchObject({ worker: { releaseEnv: { FAULT_PAYMENT_RATE: '0.6' } } });
    const target = { helm: 'helm', kubeconfig: '/k', namespace: 'orders' };
    const description = (args: string[]) => args[args.indexOf('--description') + 1];
    const faultyDescription = description(upgradeArgs(target, faulty));
    expect(description(upgradeArgs(target, plain))).toBe(`temporal-rollout version=v2.0.0 image=${IMAGE}`);
    expect(faultyDescription).toMatch(/^temporal-rollout version=v2\.0\.0 image=\S+ env=[0-9a-f]{12}$/);
    // Only a fingerprint: the values never reach `helm history`.
    expect(faultyDescription).not.toContain('0.6');
  });

  it('gives every release the deployer-wide env (worker-env input), under the release own env', () => {
    const withEnv = new HelmDeployer(undefined as unknown as Helm, {
      release: 'order-worker',
      chart: 'charts/order-worker',
      timeoutMs: 300_000,
      env: { LOG_LEVEL: 'debug', FAULT_PAYMENT_RATE: '0' },
    });
    const base = spec('stable');
    const request = withEnv.request(
      { ...base, release: { ...base.release, env: { FAULT_PAYMENT_RATE: '0.6' } } },
      undefined,
    );
    expect(request.values).toMatchObject({
      worker: { releaseEnv: { LOG_LEVEL: 'debug', FAULT_PAYMENT_RATE: '0.6' } },
    });
    expect(request.env).toEqual({ LOG_LEVEL: 'debug', FAULT_PAYMENT_RATE: '0.6' });
  });

  it('leaves replicaCount to the chart and the values files unless replicas is given', () => {
    const target = { helm: 'helm', kubeconfig: '/k', namespace: 'orders' };
    const { replicas: _r, ...unset } = spec('stable');
    const defaulted = upgradeArgs(target, deployer.request(unset, undefined));
    expect(defaulted.join(' ')).not.toContain('replicaCount');
    expect(defaulted.slice(defaulted.indexOf('--values'), defaulted.indexOf('--values') + 2)).toEqual([
      '--values',
      'prod.yaml',
    ]);
    const explicit = upgradeArgs(target, deployer.request(spec('stable'), undefined));
    expect(explicit.join(' ')).toContain('--set replicaCount=3');
  });
});

describe('HelmDeployer reads the cluster through kubectl', () => {
  /** Answers every kubectl call with `stdout` and records the arguments. */
  const answering = (stdout: string) => {
    const calls: string[][] = [];
    const run: KubectlRunner = async (args) => {
      calls.push(args);
      return { exitCode: 0, stdout, stderr: '' };
    };
    return { run, calls };
  };
  const withKubectl = (run: KubectlRunner) =>
    new HelmDeployer(undefined as unknown as Helm, {
      release: 'order-worker',
      chart: 'charts/order-worker',
      timeoutMs: 60_000,
      kubectl: run,
    });

  it("reads the routes from the stable release's routing ConfigMap, not from anything remembered", async () => {
    const routes = [{ taskQueue: 'order-task-queue-v1', weight: 100 }];
    const { run, calls } = answering(
      JSON.stringify({
        items: [
          { metadata: { name: 'order-worker-routing' }, data: { 'routes.json': JSON.stringify({ routes }) } },
        ],
      }),
    );
    expect(await withKubectl(run).readRouting()).toEqual({ routes });
    expect(calls[0]).toEqual([
      'get',
      'configmap',
      '-l',
      'temporal-rollout/routing=true,app.kubernetes.io/instance=order-worker',
      '-o',
      'json',
    ]);
    expect(await withKubectl(answering('{"items":[]}').run).readRouting()).toBeUndefined();
  });

  it('refuses a routing ConfigMap the starter would refuse, naming it and the problem', async () => {
    const configMap = (routesJson: string) =>
      answering(
        JSON.stringify({
          items: [{ metadata: { name: 'order-worker-routing' }, data: { 'routes.json': routesJson } }],
        }),
      ).run;
    const twice = JSON.stringify({
      routes: [
        { taskQueue: 'order-task-queue-v1', weight: 50 },
        { taskQueue: 'order-task-queue-v1', weight: 50 },
      ],
    });
    await expect(withKubectl(configMap(twice)).readRouting()).rejects.toThrow(
      'routing: ConfigMap order-worker-routing routes.json: routes[1]: task queue "order-task-queue-v1" is listed twice',
    );
    await expect(withKubectl(configMap('{"routes":[]}')).readRouting()).rejects.toThrow(
      /ConfigMap order-worker-routing routes\.json: needs at least one route/,
    );
    await expect(withKubectl(configMap('{routes')).readRouting()).rejects.toThrow(
      /ConfigMap order-worker-routing routes\.json: is not JSON/,
    );
  });

  it("finds why Kubernetes refused the release's pods: the newest FailedCreate of its own ReplicaSets", async () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const event = (name: string, at: string, message: string) => ({
      involvedObject: { kind: 'ReplicaSet', name },
      lastTimestamp: at,
      message,
    });
    const { run, calls } = answering(
      JSON.stringify({
        items: [
          event('order-worker-7c9f8d', '2026-11-30T12:00:05Z', 'exceeded quota: pods, requested: pods=1'),
          event('order-worker-7c9f8d', '2026-11-30T12:00:09Z', 'exceeded quota: pods, used: pods=2'),
          // The canary's ReplicaSet, and a refusal from before this deploy, are not this release's reason.
          event('order-worker-canary-5d4b6c', '2026-11-30T12:00:10Z', 'canary refused'),
          event('order-worker-7c9f8d', '2026-11-30T11:00:00Z', 'an hour old'),
        ],
      }),
    );
    expect(await withKubectl(run).refusalReason('order-worker', now)).toBe(
      'exceeded quota: pods, used: pods=2',
    );
    expect(calls[0]).toContain('reason=FailedCreate,involvedObject.kind=ReplicaSet');
    expect(await withKubectl(run).refusalReason('order-worker-canary', now)).toBe('canary refused');
  });
});

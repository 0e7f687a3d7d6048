import { describe, expect, it } from 'vitest';
import type { WorkerSetSpec } from './deployer.js';
import { type Helm, upgradeArgs } from './helm.js';
import { HelmDeployer, valuesQueues } from './helm-deployer.js';
import type { ClusterEvent, ConfigMapData, KubernetesApi } from './kubernetes-api.js';

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

describe('HelmDeployer describe', () => {
  it("reads a release's task queues from the values the deploy set, and says nothing when they are not there", () => {
    const values = deployer.request(spec('canary'), undefined);
    const deployed = {
      worker: { orderTaskQueue: values.orderTaskQueue, paymentTaskQueue: values.paymentTaskQueue },
    };
    expect(valuesQueues(deployed)).toEqual({
      order: 'order-task-queue-v2',
      payment: 'payment-task-queue-v2',
    });
    // A release installed by hand with the chart's defaults, or none at all.
    expect(valuesQueues({ worker: { orderTaskQueue: 'q' } })).toBeUndefined();
    expect(valuesQueues({})).toBeUndefined();
    expect(valuesQueues(undefined)).toBeUndefined();
  });
});

describe('HelmDeployer reads the cluster through the Kubernetes API', () => {
  /** Answers the ConfigMap and event lists with what is given and records the selectors asked for. */
  const answering = (answer: { configMaps?: ConfigMapData[]; events?: ClusterEvent[] }) => {
    const calls: string[] = [];
    const unexpected = async (): Promise<never> => {
      throw new Error('the deployer asked for something else than ConfigMaps and events');
    };
    const api: KubernetesApi = {
      namespace: 'orders',
      listConfigMaps: async (selector) => {
        calls.push(selector);
        return answer.configMaps ?? [];
      },
      listEvents: async (selector) => {
        calls.push(selector);
        return answer.events ?? [];
      },
      readConfigMap: unexpected,
      writeConfigMap: unexpected,
      reviewAccess: unexpected,
      namespaceLabels: unexpected,
    };
    return { api, calls };
  };
  const withApi = (api: KubernetesApi) =>
    new HelmDeployer(undefined as unknown as Helm, {
      release: 'order-worker',
      chart: 'charts/order-worker',
      timeoutMs: 60_000,
      kubernetes: api,
    });

  it("reads the routes from the stable release's routing ConfigMap, not from anything remembered", async () => {
    const routes = [{ taskQueue: 'order-task-queue-v1', weight: 100 }];
    const { api, calls } = answering({
      configMaps: [{ name: 'order-worker-routing', data: { 'routes.json': JSON.stringify({ routes }) } }],
    });
    expect(await withApi(api).readRouting()).toEqual({ routes });
    expect(calls[0]).toBe('temporal-rollout/routing=true,app.kubernetes.io/instance=order-worker');
    expect(await withApi(answering({ configMaps: [] }).api).readRouting()).toBeUndefined();
  });

  it('refuses a routing ConfigMap the starter would refuse, naming it and the problem', async () => {
    const configMap = (routesJson: string) =>
      answering({ configMaps: [{ name: 'order-worker-routing', data: { 'routes.json': routesJson } }] }).api;
    const twice = JSON.stringify({
      routes: [
        { taskQueue: 'order-task-queue-v1', weight: 50 },
        { taskQueue: 'order-task-queue-v1', weight: 50 },
      ],
    });
    await expect(withApi(configMap(twice)).readRouting()).rejects.toThrow(
      'routing: ConfigMap order-worker-routing routes.json: routes[1]: task queue "order-task-queue-v1" is listed twice',
    );
    await expect(withApi(configMap('{"routes":[]}')).readRouting()).rejects.toThrow(
      /ConfigMap order-worker-routing routes\.json: needs at least one route/,
    );
    await expect(withApi(configMap('{routes')).readRouting()).rejects.toThrow(
      /ConfigMap order-worker-routing routes\.json: is not JSON/,
    );
  });

  it("finds why Kubernetes refused the release's pods: the newest FailedCreate of its own ReplicaSets", async () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const event = (name: string, at: string, message: string): ClusterEvent => ({
      involvedObject: { kind: 'ReplicaSet', name },
      at: Date.parse(at),
      message,
    });
    const { api, calls } = answering({
      events: [
        event('order-worker-7c9f8d', '2026-11-30T12:00:05Z', 'exceeded quota: pods, requested: pods=1'),
        event('order-worker-7c9f8d', '2026-11-30T12:00:09Z', 'exceeded quota: pods, used: pods=2'),
        // The canary's ReplicaSet, and a refusal from before this deploy, are not this release's reason.
        event('order-worker-canary-5d4b6c', '2026-11-30T12:00:10Z', 'canary refused'),
        event('order-worker-7c9f8d', '2026-11-30T11:00:00Z', 'an hour old'),
      ],
    });
    expect(await withApi(api).refusalReason('order-worker', now)).toBe('exceeded quota: pods, used: pods=2');
    expect(calls[0]).toBe('reason=FailedCreate,involvedObject.kind=ReplicaSet');
    expect(await withApi(api).refusalReason('order-worker-canary', now)).toBe('canary refused');
  });

  it('stops waiting for a pending release at once when its rollout activity is cancelled', async () => {
    const abort = new AbortController();
    let asked = 0;
    // A deploy still running (pending-upgrade, seconds old): recover waits for it to end or age into stuck.
    const helm = {
      target: { cancelSignal: abort.signal },
      history: async () => {
        asked++;
        return [
          {
            revision: 1,
            updated: new Date().toISOString(),
            status: 'deployed',
            chart: 'order-worker-0.1.0',
            appVersion: '1.0.0',
            description: 'Install complete',
          },
          {
            revision: 2,
            updated: new Date().toISOString(),
            status: 'pending-upgrade',
            chart: 'order-worker-0.1.0',
            appVersion: '2.0.0',
            description: 'Preparing upgrade',
          },
        ];
      },
    } as unknown as Helm;
    const waiting = new HelmDeployer(helm, {
      release: 'order-worker',
      chart: 'charts/order-worker',
      timeoutMs: 300_000,
    }).recover();
    const settled = waiting.then(
      () => 'resolved',
      (err: unknown) => err,
    );
    for (let i = 0; i < 100 && asked === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(asked).toBe(1);
    const reason = new Error('TIMED_OUT');
    abort.abort(reason);
    // The reason itself, before the 5 s wait between looks is over: no second look at the history.
    expect(await settled).toBe(reason);
    expect(asked).toBe(1);
  });
});

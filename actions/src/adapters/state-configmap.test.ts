import { describe, expect, it } from 'vitest';
import { ExternalError } from '../core/errors.js';
import { emptyState } from '../core/rollout/state.js';
import { type ConfigMapData, type KubernetesApi, KubernetesApiError } from './kubernetes-api.js';
import { ConfigMapStateStore } from './state-configmap.js';

type Call = { read: string } | { write: ConfigMapData };
/** What the API server answers to one call: the ConfigMap read (or none), a new resourceVersion, or an error. */
type Answer = ConfigMapData | undefined | string | KubernetesApiError;

/** Answers ConfigMap calls in turn and records them; the other calls are not the store's business. */
function scripted(...answers: Answer[]): { api: KubernetesApi; calls: Call[] } {
  const calls: Call[] = [];
  const next = (call: Call): Answer => {
    calls.push(call);
    if (answers.length === 0) throw new Error(`unexpected call ${JSON.stringify(call)}`);
    const answer = answers.shift();
    if (answer instanceof KubernetesApiError) throw answer;
    return answer;
  };
  const unexpected = async (): Promise<never> => {
    throw new Error('the state store asked for something else than its ConfigMap');
  };
  return {
    calls,
    api: {
      namespace: 'orders',
      readConfigMap: async (name) => next({ read: name }) as ConfigMapData | undefined,
      writeConfigMap: async (map) => next({ write: map }) as string,
      listConfigMaps: unexpected,
      listEvents: unexpected,
      reviewAccess: unexpected,
      namespaceLabels: unexpected,
    },
  };
}

const configMap = (resourceVersion: string, state?: unknown): ConfigMapData => ({
  name: 'order-worker-rollout-state',
  resourceVersion,
  data: state === undefined ? {} : { 'state.json': JSON.stringify(state) },
});

describe('ConfigMapStateStore', () => {
  const state = emptyState('order-worker', 'task-queue');

  it('reads nothing when the ConfigMap does not exist, then creates it', async () => {
    const { api, calls } = scripted(undefined, '7');
    const store = new ConfigMapStateStore(api, 'order-worker-rollout-state');
    expect(store.where).toBe('ConfigMap orders/order-worker-rollout-state');
    expect(await store.load()).toBeUndefined();
    await store.save(state);
    expect(calls[0]).toEqual({ read: 'order-worker-rollout-state' });
    const written = (calls[1] as { write: ConfigMapData }).write;
    // No resourceVersion: a create, which the API server refuses if someone created it since the read.
    expect(written).toEqual({
      name: 'order-worker-rollout-state',
      labels: {
        'app.kubernetes.io/managed-by': 'temporal-rollout',
        'app.kubernetes.io/part-of': 'order-worker',
      },
      data: { 'state.json': expect.any(String) },
    });
    expect(JSON.parse(written.data['state.json'] ?? '')).toEqual(state);
  });

  it('replaces on the resourceVersion it read, and on the one its own write returned', async () => {
    const { api, calls } = scripted(configMap('41', state), '42', '43');
    const store = new ConfigMapStateStore(api, 'order-worker-rollout-state');
    expect(await store.load()).toEqual(state);
    await store.save({ ...state, phase: 'promoting' });
    await store.save({ ...state, phase: 'stable' });
    expect(calls.slice(1).map((c) => (c as { write: ConfigMapData }).write.resourceVersion)).toEqual([
      '41',
      '42',
    ]);
  });

  it('refuses to overwrite a state another run changed, saying what to do', async () => {
    const { api } = scripted(
      configMap('41', state),
      new KubernetesApiError(
        409,
        'Conflict',
        'replace configmap orders/order-worker-rollout-state: Operation cannot be fulfilled on configmaps "order-worker-rollout-state": the object has been modified; please apply your changes to the latest version and try again',
      ),
    );
    const store = new ConfigMapStateStore(api, 'order-worker-rollout-state');
    await store.load();
    await expect(store.save(state)).rejects.toThrow(
      /ConfigMap orders\/order-worker-rollout-state changed since this step read it .*wait for the other run to finish, then re-run this step/,
    );
  });

  it('names the missing permission when the deploy identity may not touch ConfigMaps', async () => {
    const { api } = scripted(
      new KubernetesApiError(
        403,
        'Forbidden',
        'get configmap orders/order-worker-rollout-state: configmaps "order-worker-rollout-state" is forbidden: User "system:serviceaccount:orders:deployer" cannot get resource "configmaps"',
      ),
    );
    const store = new ConfigMapStateStore(api, 'order-worker-rollout-state');
    await expect(store.load()).rejects.toThrow(/cannot read .*needs get, create and update on configmaps/);
  });

  it('says the kubeconfig has no credentials when the API server does not know who is asking', async () => {
    const unauthorized = scripted(new KubernetesApiError(401, 'Unauthorized', 'get configmap: Unauthorized'));
    await expect(
      new ConfigMapStateStore(unauthorized.api, 'order-worker-rollout-state').load(),
    ).rejects.toThrow(/the kubeconfig has no usable credentials/);
    const anonymous = scripted(
      new KubernetesApiError(
        403,
        'Forbidden',
        'get configmap: configmaps "order-worker-rollout-state" is forbidden: User "system:anonymous" cannot get resource "configmaps"',
      ),
    );
    await expect(new ConfigMapStateStore(anonymous.api, 'order-worker-rollout-state').load()).rejects.toThrow(
      /the kubeconfig has no usable credentials/,
    );
  });

  it('refuses a damaged state and a bad ConfigMap name, naming them', async () => {
    const { api } = scripted(configMap('5', { schema: 9 }));
    await expect(new ConfigMapStateStore(api, 'order-worker-rollout-state').load()).rejects.toThrow(
      /ConfigMap orders\/order-worker-rollout-state \(key state.json\).*schema 9, expected 1/,
    );
    expect(() => new ConfigMapStateStore(api, 'Order_State')).toThrow(
      /helm.stateConfigMap.*"Order_State" is not a valid ConfigMap name/,
    );
  });

  it('passes a cancellation on as it is (a cancelled rollout activity), wrapping only API failures', async () => {
    class Cancelled extends Error {}
    const cancelled = new Cancelled('TIMED_OUT');
    const { api } = scripted();
    const store = new ConfigMapStateStore(
      {
        ...api,
        readConfigMap: async () => {
          throw cancelled;
        },
      },
      'order-worker-rollout-state',
    );
    await expect(store.load()).rejects.toBe(cancelled);
    const unanswered = scripted();
    const failing = new ConfigMapStateStore(
      {
        ...unanswered.api,
        readConfigMap: async () => {
          throw new ExternalError('kubernetes', 'get configmap: 127.0.0.1 did not answer within 15 s');
        },
      },
      'order-worker-rollout-state',
    );
    await expect(failing.load()).rejects.toThrow(
      /cannot read ConfigMap orders\/order-worker-rollout-state: .*did not answer/,
    );
  });
});

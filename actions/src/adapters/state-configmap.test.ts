import { describe, expect, it } from 'vitest';
import { emptyState } from '../core/rollout/state.js';
import { ConfigMapStateStore, type KubectlOutput, type KubectlRunner } from './state-configmap.js';

interface Call {
  args: string[];
  input?: string;
}

/** Answers kubectl calls in turn and records them. */
function scripted(...answers: KubectlOutput[]): { run: KubectlRunner; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    run: async (args, input) => {
      calls.push({ args, ...(input !== undefined ? { input } : {}) });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected kubectl ${args.join(' ')}`);
      return answer;
    },
  };
}

const ok = (stdout: string): KubectlOutput => ({ exitCode: 0, stdout, stderr: '' });
const failed = (stderr: string): KubectlOutput => ({ exitCode: 1, stdout: '', stderr });
const configMap = (resourceVersion: string, state?: unknown) =>
  JSON.stringify({
    metadata: { name: 'order-worker-rollout-state', resourceVersion },
    data: state === undefined ? {} : { 'state.json': JSON.stringify(state) },
  });

describe('ConfigMapStateStore', () => {
  const state = emptyState('order-worker', 'task-queue');

  it('reads nothing when the ConfigMap does not exist, then creates it', async () => {
    const { run, calls } = scripted(ok(''), ok(configMap('7')));
    const store = new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders');
    expect(store.where).toBe('ConfigMap orders/order-worker-rollout-state');
    expect(await store.load()).toBeUndefined();
    await store.save(state);
    expect(calls[0]?.args).toEqual([
      'get',
      'configmap',
      'order-worker-rollout-state',
      '--ignore-not-found',
      '-o',
      'json',
    ]);
    expect(calls[1]?.args).toEqual(['create', '-f', '-', '-o', 'json']);
    const written = JSON.parse(calls[1]?.input ?? '{}');
    expect(written.metadata).toEqual({
      name: 'order-worker-rollout-state',
      labels: {
        'app.kubernetes.io/managed-by': 'temporal-rollout',
        'app.kubernetes.io/part-of': 'order-worker',
      },
    });
    expect(JSON.parse(written.data['state.json'])).toEqual(state);
  });

  it('replaces on the resourceVersion it read, and on the one its own write returned', async () => {
    const { run, calls } = scripted(ok(configMap('41', state)), ok(configMap('42')), ok(configMap('43')));
    const store = new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders');
    expect(await store.load()).toEqual(state);
    await store.save({ ...state, phase: 'promoting' });
    await store.save({ ...state, phase: 'stable' });
    expect(
      calls.slice(1).map((c) => [c.args[0], JSON.parse(c.input ?? '{}').metadata.resourceVersion]),
    ).toEqual([
      ['replace', '41'],
      ['replace', '42'],
    ]);
  });

  it('refuses to overwrite a state another run changed, saying what to do', async () => {
    const { run } = scripted(
      ok(configMap('41', state)),
      failed(
        'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "order-worker-rollout-state": the object has been modified; please apply your changes to the latest version and try again',
      ),
    );
    const store = new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders');
    await store.load();
    await expect(store.save(state)).rejects.toThrow(
      /ConfigMap orders\/order-worker-rollout-state changed since this step read it .*wait for the other run to finish, then re-run this step/,
    );
  });

  it('names the missing permission when the deploy identity may not touch ConfigMaps', async () => {
    const { run } = scripted(
      failed(
        'Error from server (Forbidden): configmaps "order-worker-rollout-state" is forbidden: User "system:serviceaccount:orders:deployer" cannot get resource "configmaps"',
      ),
    );
    const store = new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders');
    await expect(store.load()).rejects.toThrow(/cannot read .*needs get, create and update on configmaps/);
  });

  it('says the kubeconfig has no credentials when kubectl falls back to asking for a username', async () => {
    const { run } = scripted({ exitCode: 1, stdout: 'Please enter Username: ', stderr: 'error: EOF' });
    const store = new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders');
    await expect(store.load()).rejects.toThrow(/the kubeconfig has no usable credentials/);
  });

  it('refuses a damaged state and a bad ConfigMap name, naming them', async () => {
    const { run } = scripted(ok(configMap('5', { schema: 9 })));
    await expect(new ConfigMapStateStore(run, 'order-worker-rollout-state', 'orders').load()).rejects.toThrow(
      /ConfigMap orders\/order-worker-rollout-state \(key state.json\).*schema 9, expected 1/,
    );
    expect(() => new ConfigMapStateStore(run, 'Order_State', 'orders')).toThrow(
      /helm.stateConfigMap.*"Order_State" is not a valid ConfigMap name/,
    );
  });
});

// A cancelled helm call stops its helm process, and a cancelled Kubernetes API call its request. The real helm
// binary and the client-node adapter block on a Kubernetes API server that accepts connections and never
// answers (a stand-in for a hung API server or an upgrade --wait that cannot finish); then the adapters'
// cancelSignal is aborted, directly and through a rollout activity cancelled in a real activity Context (as a
// cancellation request, a heartbeat timeout or a worker shutdown cancel it).
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { CancelledFailure } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Helm } from '../../actions/src/adapters/helm.js';
import { kubernetesApi } from '../../actions/src/adapters/kubernetes-api.js';
import { createRolloutActivities } from '../../actions/src/controller/activities.js';
import { parseRolloutConfig } from '../../actions/src/core/rollout-config.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { helmRolloutYaml } from './rollout-support.js';

/** Pids of the processes whose command line holds `marker` (here: a kubeconfig path only one test uses). */
function pidsWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(marker))
        pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); its state says it has exited.
    return !/\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a cancelled helm or Kubernetes API call stops', () => {
  let dir: TempDir;
  let apiServer: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let requests = 0;
  /** The connection that brought the latest request. */
  let lastAsked: Socket | undefined;

  /** A kubeconfig of its own per test, so its helm is found by its command line. */
  const kubeconfig = async (name: string): Promise<string> => {
    const path = join(dir.path, `${name}.kubeconfig`);
    await writeFile(
      path,
      [
        'apiVersion: v1',
        'kind: Config',
        // client-node sends plain HTTP only with insecure-skip-tls-verify (there is no TLS to verify).
        `clusters: [{ name: hung, cluster: { server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true } }]`,
        'users: [{ name: nobody, user: { token: not-a-secret } }]',
        'contexts: [{ name: hung, context: { cluster: hung, user: nobody, namespace: orders } }]',
        'current-context: hung',
      ].join('\n'),
    );
    return path;
  };

  /** The one helm running with `config`, once it has sent the API server a request it will never get answered. */
  const blockedHelm = (config: string, before: number) =>
    until(`helm blocked on the API server (${config})`, () => {
      const [pid] = pidsWith(config);
      return pid !== undefined && requests > before ? pid : undefined;
    });

  beforeAll(async () => {
    dir = await tempDir('helm-cancel');
    apiServer = createServer((socket) => {
      sockets.add(socket);
      socket.once('data', () => {
        requests++;
        lastAsked = socket;
      });
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
    port = (apiServer.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => apiServer?.close(resolve));
    await dir?.remove();
  });

  it('the adapter: aborting its cancelSignal ends the blocked helm and rejects with the reason', async () => {
    const config = await kubeconfig('adapter');
    const abort = new AbortController();
    const helm = new Helm({
      helm: tool('helm'),
      kubeconfig: config,
      namespace: 'orders',
      cancelSignal: abort.signal,
    });
    const history = helm.history('order-worker');
    const settled = history.then(
      () => 'resolved',
      (err: unknown) => err,
    );
    const pid = await blockedHelm(config, requests);
    // Blocked, not failed: it is still running a second later.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(alive(pid)).toBe(true);

    abort.abort(new Error('rollout step cancelled'));
    expect(await settled).toEqual(new Error('rollout step cancelled'));
    expect(alive(pid)).toBe(false);
    expect(pidsWith(config)).toEqual([]);
  }, 60_000);

  /** The connection of the request the API server got after `before` requests, once it has one. */
  const askedAfter = (before: number) =>
    until('a request to the API server', () => (requests > before ? lastAsked : undefined));

  /** A rollout activity's placeCanary of 1.0.0 with its helm and API calls going to the hung server. */
  const placeCanary = (config: string, env: MockActivityEnvironment, state: 'file' | 'configmap') => {
    const rollout = parseRolloutConfig(
      helmRolloutYaml({
        drain: '{ policy: wait, timeout: 60s }',
        helm: `{ release: order-worker, timeout: 60s, state: ${state} }`,
      }),
      'rollout.yaml',
    );
    const activities = createRolloutActivities({
      // Never connected: installing the first version talks to helm, not to Temporal.
      client: new Client(),
      temporal: { address: '127.0.0.1:1', namespace: 'default' },
      rollout: {
        deployer: 'helm',
        helm: { binary: tool('helm'), kubeconfig: config, namespace: 'orders' },
        stateDir: join(dir.path, 'state'),
      },
    });
    return env
      .run(activities.placeCanary, {
        config: rollout,
        version: '1.0.0',
        image: `registry.example.com/acme/order-worker@sha256:${'ab'.repeat(32)}`,
        weight: 10,
      })
      .then(
        () => 'resolved',
        (err: unknown) => err,
      );
  };

  it('a rollout activity: cancelling it stops the helm it runs and reports the cancellation', async () => {
    const config = await kubeconfig('activity');
    const env = new MockActivityEnvironment({ heartbeatTimeoutMs: 3_000 });
    // The state in a file: the first call to the cluster is helm's (the install's `helm history`).
    const placing = placeCanary(config, env, 'file');
    const pid = await blockedHelm(config, requests);
    expect(alive(pid)).toBe(true);

    env.cancel('TIMED_OUT');
    const outcome = await placing;
    expect(outcome).toBeInstanceOf(CancelledFailure);
    expect((outcome as CancelledFailure).message).toBe('TIMED_OUT');
    expect(alive(pid)).toBe(false);
    expect(pidsWith(config)).toEqual([]);
  }, 60_000);

  it('the Kubernetes API adapter: aborting its cancelSignal ends the unanswered request with the reason', async () => {
    const config = await kubeconfig('api');
    const abort = new AbortController();
    const api = kubernetesApi({ kubeconfig: config, namespace: 'orders', cancelSignal: abort.signal });
    const before = requests;
    const settled = api.readConfigMap('order-worker-rollout-state').then(
      () => 'resolved',
      (err: unknown) => err,
    );
    const connection = await askedAfter(before);
    // Unanswered, not failed: the connection is still open a second later.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(connection.destroyed).toBe(false);

    abort.abort(new Error('rollout step cancelled'));
    // The reason, not the 15 s request timeout's error: the request was aborted, and its connection closed.
    expect(await settled).toEqual(new Error('rollout step cancelled'));
    await until('the aborted request to close its connection', () =>
      connection.destroyed ? true : undefined,
    );
    // A call after the cancellation is not sent.
    const after = requests;
    await expect(api.listConfigMaps('app=order-worker')).rejects.toThrow('rollout step cancelled');
    expect(requests).toBe(after);
  }, 60_000);

  it('a rollout activity with its state in a ConfigMap: cancelling it aborts the API request it waits on', async () => {
    const config = await kubeconfig('activity-state');
    const env = new MockActivityEnvironment({ heartbeatTimeoutMs: 3_000 });
    const before = requests;
    // The first call to the cluster is the API's: reading the rollout state ConfigMap.
    const placing = placeCanary(config, env, 'configmap');
    const connection = await askedAfter(before);
    expect(pidsWith(config)).toEqual([]);

    env.cancel('TIMED_OUT');
    const outcome = await placing;
    expect(outcome).toBeInstanceOf(CancelledFailure);
    expect((outcome as CancelledFailure).message).toBe('TIMED_OUT');
    await until('the aborted request to close its connection', () =>
      connection.destroyed ? true : undefined,
    );
    // Nothing went on after the cancellation: no helm was started.
    expect(pidsWith(config)).toEqual([]);
  }, 60_000);
});

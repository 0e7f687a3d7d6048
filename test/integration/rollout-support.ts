// Shared by the rollout integration tests: a dev server, the real order worker under the local deployer, the
// real starter reading the deployer's routing file, and helpers to send orders and see where they ran.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { LocalDeployer } from '../../actions/src/adapters/local-deployer.js';
import { FileStateStore } from '../../actions/src/adapters/state-file.js';
import { TemporalVisibility } from '../../actions/src/adapters/temporal-visibility.js';
import { parseRolloutConfig } from '../../actions/src/core/rollout-config.js';
import type { RolloutContext } from '../../actions/src/steps/rollout.js';
import { type KubernetesCluster, startKubernetes } from '../../scripts/local-platform/kubernetes.js';
import {
  type PodRunner,
  type PodRunnerOptions,
  startPodRunner,
} from '../../scripts/local-platform/kwok-pods.js';
import { prebuiltWorkflowBundle } from '../../scripts/local-platform/order-worker.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import { httpOk, type ManagedProcess, startProcess } from '../../scripts/local-platform/process.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';

export const WORKER_DIST = fileURLToPath(new URL('../../worker/dist/', import.meta.url));

export interface RolloutFixture {
  server: TemporalDevServer;
  dir: TempDir;
  deployer: LocalDeployer;
  ctx: RolloutContext;
  client: Client;
  close(): Promise<void>;
}

let bundled: Promise<{ path: string; code: string }> | undefined;

/**
 * The worker's workflows bundled once per test file, so each worker process starts in about a second. The
 * first call bundles into its `dir`; a later call with another `dir` (a file with several fixtures) gets a
 * copy there, so each fixture's bundle lives as long as its own folder.
 */
export async function workflowBundle(dir: string): Promise<string> {
  bundled ??= prebuiltWorkflowBundle(dir).then(async (path) => ({
    path,
    code: await readFile(path, 'utf8'),
  }));
  const first = await bundled;
  const path = join(dir, basename(first.path));
  // Written once: a worker may be reading the file already.
  await writeFile(path, first.code, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return path;
}

export async function startRolloutFixture(
  strategy: 'task-queue' | 'worker-versioning',
): Promise<RolloutFixture> {
  const server = await startTemporal();
  const dir = await tempDir(`rollout-${strategy}`);
  try {
    const config = parseRolloutConfig(
      [
        'app: order-worker',
        'image: registry.example.com/acme/order-worker',
        'taskQueues:',
        '  order: { base: order-task-queue }',
        '  payment: { base: payment-task-queue }',
        'strategy:',
        `  type: ${strategy}`,
        '  deploymentName: order-worker',
        '  steps: [ { weight: 10 }, { weight: 50 }, { weight: 100 } ]',
        '  drain: { policy: wait, timeout: 60s }',
      ].join('\n'),
      'rollout.yaml',
    );
    const deployer = new LocalDeployer({
      dir: join(dir.path, '.rollout'),
      workerEntry: join(WORKER_DIST, 'main.js'),
      env: {
        LOG_LEVEL: 'WARN',
        WORKFLOW_BUNDLE_PATH: await workflowBundle(dir.path),
        APPROVAL_THRESHOLD_CENTS: '50000',
      },
      stopGraceMs: 5_000,
    });
    const client = server.env.client;
    const ctx: RolloutContext = {
      settings: {
        app: config.app,
        taskQueues: config.taskQueues,
        strategy: config.strategy,
        temporal: { address: server.address, namespace: 'default' },
      },
      deployer,
      store: new FileStateStore(join(dir.path, '.rollout', 'state.json')),
      client,
      visibility: new TemporalVisibility(client, 'default'),
      replicas: 1,
      drain: { pollMs: 250 },
    };
    return {
      server,
      dir,
      deployer,
      ctx,
      client,
      async close() {
        await deployer.removeAll();
        await server.teardown();
        await dir.remove();
      },
    };
  } catch (err) {
    await server.teardown();
    await dir.remove();
    throw err;
  }
}

/** The real order starter, routing by the deployer's routing file. */
export async function startStarter(fixture: {
  server: { address: string };
  deployer: Pick<RolloutFixture['deployer'], 'routingFile'>;
}): Promise<{ url: string; process: ManagedProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const process = await startProcess(
    'order-starter',
    globalThis.process.execPath,
    [join(WORKER_DIST, 'starter/server.js')],
    {
      env: {
        TEMPORAL_ADDRESS: fixture.server.address,
        TEMPORAL_NAMESPACE: 'default',
        ROUTING_FILE: fixture.deployer.routingFile,
        STARTER_PORT: String(port),
        LISTEN_HOST: '127.0.0.1',
        LOG_LEVEL: 'WARN',
      },
      ready: () => httpOk(`${url}/healthz`),
    },
  );
  return { url, process };
}

export function order(orderId: string, amountCents = 1_500) {
  return {
    orderId,
    customerId: `c-${orderId}`,
    customerTier: 'standard',
    items: [{ sku: 'sku-1', quantity: 1 }],
    amountCents,
    currency: 'USD',
    paymentToken: 'tok_test',
    shippingAddress: '1 Test Street',
  };
}

/** POSTs orders to the starter; returns the task queue the starter chose for each. */
export async function postOrders(
  url: string,
  ids: string[],
  amountCents?: number,
): Promise<Map<string, string>> {
  const chosen = new Map<string, string>();
  for (const id of ids) {
    const response = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order(id, amountCents)),
    });
    const body = (await response.json()) as { taskQueue?: string; error?: string };
    if (response.status !== 202)
      throw new Error(`POST /orders ${id}: ${response.status} ${JSON.stringify(body)}`);
    chosen.set(id, body.taskQueue ?? '');
  }
  return chosen;
}

export interface RanOn {
  taskQueue: string;
  buildId: string | undefined;
  status: string;
}

/** Waits for each run to close and reads where it ran: its task queue and (under versioning) its build id. */
export async function whereRan(client: Client, ids: string[]): Promise<Map<string, RanOn>> {
  const ran = new Map<string, RanOn>();
  await Promise.all(
    ids.map(async (id) => {
      const handle = client.workflow.getHandle(id);
      await handle.result();
      const description = await handle.describe();
      const info = description.raw.workflowExecutionInfo;
      ran.set(id, {
        taskQueue: description.taskQueue,
        buildId: info?.versioningInfo?.deploymentVersion?.buildId ?? undefined,
        status: description.status.name,
      });
    }),
  );
  return ran;
}

export function countBy<T>(values: Iterable<T>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

/** Worker processes of a track that are still running. */
export async function alivePids(deployer: LocalDeployer, track: 'stable' | 'canary'): Promise<number[]> {
  const { isOurs } = await import('../../actions/src/adapters/local-deployer.js');
  return (await deployer.workers(track)).filter(isOurs).map((w) => w.pid);
}

/**
 * rollout.yaml for the order worker under the Helm deployer (this checkout's chart), ramping 50% → 100%
 * unless `steps` says otherwise; `extra` lines (an `analysis:` section, say) go at the end.
 */
export function helmRolloutYaml(settings: {
  drain: string;
  helm: string;
  steps?: string;
  extra?: string[];
}): string {
  return [
    'app: order-worker',
    'image: registry.example.com/acme/order-worker',
    `chart: ${join(fileURLToPath(new URL('../../', import.meta.url)), 'charts', 'order-worker')}`,
    'deployer: helm',
    'taskQueues:',
    '  order: { base: order-task-queue }',
    '  payment: { base: payment-task-queue }',
    'strategy:',
    `  steps: ${settings.steps ?? '[ { weight: 50 }, { weight: 100 } ]'}`,
    `  drain: ${settings.drain}`,
    `helm: ${settings.helm}`,
    ...(settings.extra ?? []),
  ].join('\n');
}

/** The stand-in kubelet running the chart's worker pods as real order workers from this checkout. */
export async function startOrderWorkerPods(
  cluster: KubernetesCluster,
  dir: string,
  /** The chart's pod components to run: its workers, and its order starter when the values enable it. */
  components: readonly ('worker' | 'starter')[] = ['worker'],
  /** Runner settings of a test's own (a shorter restart back-off, say). */
  settings: Pick<PodRunnerOptions, 'restartBackoffMs' | 'maxRestartBackoffMs'> = {},
): Promise<PodRunner> {
  return startPodRunner({
    cluster,
    selector: `app.kubernetes.io/name=order-worker,app.kubernetes.io/component in (${components.join(',')})`,
    appRoot: fileURLToPath(new URL('../../', import.meta.url)),
    entrypoint: ['node', 'worker/dist/main.js'],
    env: { WORKFLOW_BUNDLE_PATH: await workflowBundle(dir), LOG_LEVEL: 'WARN' },
    workdir: join(dir, 'pods'),
    stopGraceMs: 15_000,
    ...settings,
  });
}

/** A kwok cluster whose pods the stand-in kubelet runs, a dev server for its workers, and a temp folder. */
export interface KwokWorkerPlatform {
  cluster: KubernetesCluster;
  server: TemporalDevServer;
  dir: TempDir;
  /** Starts the stand-in kubelet (startOrderWorkerPods) for the chart's `components`; close() stops it. */
  runPods(
    components?: readonly ('worker' | 'starter')[],
    settings?: Parameters<typeof startOrderWorkerPods>[3],
  ): Promise<PodRunner>;
  /**
   * Stops the pods, then the cluster and the server, and removes the folder; throws when the cluster did not
   * stop cleanly, so a suite fails rather than leaking it.
   */
  close(): Promise<void>;
}

/** For a test file's beforeAll: a failed start stops what did start. */
export async function startKwokWorkerPlatform(name: string, nodes = 1): Promise<KwokWorkerPlatform> {
  const started = await Promise.allSettled([
    startKubernetes({ nodes, podReadiness: 'stand-in-kubelet' }),
    startTemporal(),
    tempDir(name),
  ] as const);
  const value = <T>(result: PromiseSettledResult<T>) =>
    result.status === 'fulfilled' ? result.value : undefined;
  const [cluster, server, dir] = [value(started[0]), value(started[1]), value(started[2])];
  let pods: PodRunner | undefined;
  const close = async () => {
    await pods?.stop();
    await Promise.all([cluster?.delete(), server?.teardown()]);
    await dir?.remove();
  };
  if (!cluster || !server || !dir) {
    await close();
    const failed = started.find((s) => s.status === 'rejected');
    throw failed?.reason ?? new Error('the kwok platform did not start');
  }
  return {
    cluster,
    server,
    dir,
    async runPods(components, settings) {
      pods = await startOrderWorkerPods(cluster, dir.path, components, settings);
      return pods;
    },
    close,
  };
}

// Shared by the RolloutWorkflow tests: a dev server (optionally on a database file, so it can be restarted),
// Prometheus scraping the real order workers the local deployer starts, the real order starter with a bounded
// stream of orders, and rollout workers in this process or as `temporal-rollout controller` processes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { LocalDeployer } from '../../actions/src/adapters/local-deployer.js';
import type { ControllerInfra } from '../../actions/src/controller/activities.js';
import {
  type ReleaseRequest,
  type RolloutStatus,
  type RolloutTiming,
  releaseOutcome,
  rolloutWorkflowId,
} from '../../actions/src/controller/api.js';
import { followRollout } from '../../actions/src/controller/client.js';
import { bundleRolloutWorkflows, createRolloutWorker } from '../../actions/src/controller/worker.js';
import { parseRolloutConfig, type RolloutConfig } from '../../actions/src/core/rollout-config.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import { type ManagedProcess, startProcess } from '../../scripts/local-platform/process.js';
import {
  type PrometheusServer,
  startPrometheus,
  writeFileSdTargets,
} from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { order, startStarter, WORKER_DIST, workflowBundle } from './rollout-support.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Short waits so a 2-step ramp with analysis takes well under a minute. */
export const FAST_TIMING: RolloutTiming = {
  drainPollMs: 500,
  heartbeatTimeoutMs: 5_000,
  historyLimit: 2_000,
};

/**
 * rollout.yaml's analysis block for tests: three measurements (or `count`) 2 s apart over 15 s windows, no
 * failure allowed.
 */
export function fastAnalysisYaml(
  extra: { count?: number; minSamples?: number; inconclusiveLimit?: number } = {},
): string[] {
  return [
    'analysis:',
    '  initialDelay: 6s',
    '  interval: 2s',
    `  count: ${extra.count ?? 3}`,
    '  window: 15s',
    `  minSamples: ${extra.minSamples ?? 2}`,
    '  failureLimit: 0',
    `  inconclusiveLimit: ${extra.inconclusiveLimit ?? 2}`,
    '  builtins: [non-determinism, activity-failure-rate]',
  ];
}

export const FAST_ANALYSIS_YAML = fastAnalysisYaml();

/** rollout.yaml for these tests: a 2-step ramp with short pauses and a short analysis. */
export interface ControllerYamlExtra {
  steps?: string;
  drainTimeout?: string;
  drainPolicy?: string;
  /** analysis.count, analysis.minSamples and analysis.inconclusiveLimit (default 3, 2 and 2). */
  count?: number;
  minSamples?: number;
  inconclusiveLimit?: number;
}

export function controllerYaml(extra: ControllerYamlExtra = {}): string {
  return [
    'app: order-worker',
    'image: local',
    'taskQueues:',
    '  order: { base: order-task-queue }',
    '  payment: { base: payment-task-queue }',
    'strategy:',
    '  type: task-queue',
    `  steps: ${extra.steps ?? '[ { weight: 25, pause: 1s }, { weight: 50, pause: 1s }, { weight: 100 } ]'}`,
    `  drain: { policy: ${extra.drainPolicy ?? 'wait'}, timeout: ${extra.drainTimeout ?? '60s'} }`,
    ...fastAnalysisYaml(extra),
    '',
  ].join('\n');
}

export function controllerConfig(extra: ControllerYamlExtra = {}): RolloutConfig {
  return parseRolloutConfig(controllerYaml(extra), 'rollout.yaml');
}

export interface ControllerFixture {
  dir: TempDir;
  address: string;
  client: Client;
  prometheus: PrometheusServer;
  deployer: LocalDeployer;
  infra: ControllerInfra;
  workerEnv: Record<string, string>;
  bundle: { code: string };
  /** rollout.yaml (controllerYaml()) and the prebuilt workflow bundle, for CLI processes. */
  configFile: string;
  /** Starts `temporal-rollout <command>` as a process with this fixture's connection and deployer flags. */
  cli(command: 'release' | 'controller', args: string[], name: string): Promise<ManagedProcess>;
  /** A rollout worker in this process; stopped by `close` if not before. */
  startWorker(identity?: string): Promise<{ worker: Worker; stop(): Promise<void> }>;
  release(version: string, env?: Record<string, string>, config?: RolloutConfig): ReleaseRequest;
  /**
   * Starts the order starter and a bounded stream of orders (`perSecond`, default 5; at most `max`); with
   * `maxOpen`, no order is sent while that many order runs are open (see `orderBacklog`).
   */
  startTraffic(max?: number, perSecond?: number, maxOpen?: number): Promise<void>;
  /** Orders the starter did not accept, with why (for a failing test's message). */
  rejectedOrders: string[];
  /** Waits for the status to satisfy `until` (bounded by `timeoutMs`). */
  waitFor(until: (status: RolloutStatus) => boolean, timeoutMs: number, what: string): Promise<RolloutStatus>;
  /** Waits for the release of `version` to end (promoted, rolled back, aborted …); the status with its outcome. */
  waitForOutcome(version: string, timeoutMs: number, what?: string): Promise<RolloutStatus>;
  /**
   * Stops the dev server (SIGTERM with a grace period, or SIGKILL at once) and starts it again on the same
   * database file and port (`persistent` only).
   */
  restartServer(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  close(): Promise<void>;
}

/** The rollout workflows bundled once per test file: a file whose groups run side by side starts several fixtures. */
let rolloutBundle: Promise<{ code: string }> | undefined;

export async function startControllerFixture(
  options: { persistent?: boolean; config?: ControllerYamlExtra } = {},
): Promise<ControllerFixture> {
  const dir = await tempDir('controller');
  const cleanups: (() => Promise<unknown>)[] = [() => dir.remove()];
  const close = async () => {
    for (const cleanup of cleanups.toReversed()) await cleanup().catch(() => undefined);
  };
  try {
    const server = await startDevServer(dir.path, options.persistent ?? false);
    cleanups.push(() => server.current.stop());
    const connection = await Connection.connect({ address: server.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default' });
    const stateDir = join(dir.path, '.rollout');
    const workerEnv = {
      LOG_LEVEL: 'WARN',
      WORKFLOW_BUNDLE_PATH: await workflowBundle(dir.path),
      RETRY_INITIAL_INTERVAL: '50ms',
    };
    const deployer = new LocalDeployer({
      dir: stateDir,
      workerEntry: join(WORKER_DIST, 'main.js'),
      env: workerEnv,
    });
    cleanups.push(() => deployer.removeAll());

    const fileSd = join(dir.path, 'targets.json');
    await writeFileSdTargets(fileSd, []);
    const prometheus = await startPrometheus([], { fileSd });
    cleanups.push(() => prometheus.stop());
    // Workers come and go with each step: publish them to Prometheus every second while the test runs.
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        const targets = [];
        for (const track of ['stable', 'canary'] as const) {
          for (const w of await deployer.workers(track).catch(() => [])) {
            targets.push({ address: `127.0.0.1:${w.metricsPort}`, labels: { track } });
          }
        }
        await writeFileSdTargets(fileSd, targets).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();
    cleanups.push(async () => {
      publishing = false;
      await publisher;
    });

    const infra: ControllerInfra = {
      client,
      temporal: { address: server.address, namespace: 'default' },
      rollout: {
        stateDir,
        workerEntry: join(WORKER_DIST, 'main.js'),
        workerEnv,
        drain: { pollMs: 250 },
      },
      prometheus: { url: prometheus.url },
    };
    rolloutBundle ??= bundleRolloutWorkflows();
    const bundle = await rolloutBundle;
    const bundleFile = join(dir.path, 'rollout-workflows.js');
    await writeFile(bundleFile, bundle.code);
    const configFile = join(dir.path, 'rollout.yaml');
    await writeFile(configFile, controllerYaml(options.config));
    const processes: ManagedProcess[] = [];
    const rejected: string[] = [];
    cleanups.push(async () => {
      for (const p of processes) await p.stop(2_000);
    });

    const fixture: ControllerFixture = {
      dir,
      address: server.address,
      client,
      prometheus,
      deployer,
      infra,
      workerEnv,
      bundle,
      configFile,
      rejectedOrders: rejected,
      async cli(command, args, name) {
        const flags = [
          '--config',
          configFile,
          '--temporal-address',
          server.address,
          '--state-dir',
          stateDir,
          '--worker-entry',
          join(WORKER_DIST, 'main.js'),
          ...Object.entries(workerEnv).flatMap(([k, v]) => ['--worker-env', `${k}=${v}`]),
          '--prometheus-url',
          prometheus.url,
          '--workflow-bundle',
          bundleFile,
        ];
        const proc = await startProcess(
          name,
          process.execPath,
          ['--import', 'tsx', join(REPO_ROOT, 'actions/src/entries/cli.ts'), command, ...args, ...flags],
          { cwd: REPO_ROOT, env: { LOG_LEVEL: 'WARN' } },
        );
        processes.push(proc);
        return proc;
      },
      async startWorker(identity) {
        const native = await NativeConnection.connect({ address: server.address });
        const worker = await createRolloutWorker({
          connection: native,
          infra,
          workflowBundle: bundle,
          ...(identity ? { identity } : {}),
        });
        const running = worker.run();
        let stopped = false;
        const stop = async () => {
          if (stopped) return;
          stopped = true;
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running.catch(() => undefined);
          await native.close();
        };
        cleanups.push(stop);
        return { worker, stop };
      },
      release(version, env, config) {
        return {
          config: config ?? controllerConfig(options.config),
          version,
          image: `file:${join(WORKER_DIST, 'main.js')}`,
          ...(env ? { env } : {}),
          timing: FAST_TIMING,
          requestedBy: 'test',
        };
      },
      async startTraffic(max = 4_000, perSecond = 5, maxOpen?: number) {
        const { url, process: starter } = await startStarter({ server, deployer });
        const backlog = maxOpen === undefined ? undefined : orderBacklog(client, maxOpen);
        let sent = 0;
        const timer = setInterval(() => {
          if (sent >= max || backlog?.behind()) return;
          sent++;
          void fetch(`${url}/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(order(`o-${sent}-${Date.now().toString(36)}`)),
            signal: AbortSignal.timeout(5_000),
          })
            .then(async (r) => {
              const body = await r.text();
              if (r.status !== 202) rejected.push(`${r.status} ${body}`);
            })
            .catch((err: Error) => rejected.push(err.message));
        }, 1_000 / perSecond);
        cleanups.push(async () => {
          clearInterval(timer);
          await backlog?.stop();
          await starter.stop();
        });
      },
      async waitFor(until, timeoutMs, what) {
        const abort = AbortSignal.timeout(timeoutMs);
        const status = await followRollout(client, 'order-worker', { until, pollMs: 250, signal: abort });
        if (!status || !until(status)) {
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; status: ${JSON.stringify(brief(status))}`,
          );
        }
        return status;
      },
      waitForOutcome(version, timeoutMs, what = `${version} outcome`) {
        return fixture.waitFor((s) => releaseOutcome(s, version) !== undefined, timeoutMs, what);
      },
      async restartServer(signal = 'SIGTERM') {
        await server.restart(signal);
      },
      close,
    };
    return fixture;
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Whether the order workers are behind: at least `maxOpen` order runs open on the server (counted every
 * second until `stop`). Traffic that holds back while they are keeps a loaded machine's backlog, which every
 * drain waits for, bounded; on a quiet machine an order finishes in about a second and nothing holds back.
 */
export function orderBacklog(client: Client, maxOpen: number): { behind(): boolean; stop(): Promise<void> } {
  let open = 0;
  let counting = true;
  const counter = (async () => {
    while (counting) {
      open = await client.workflow
        .count('WorkflowType="OrderWorkflow" AND ExecutionStatus="Running"')
        .then((c) => c.count)
        .catch(() => open);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();
  return {
    behind: () => open >= maxOpen,
    async stop() {
      counting = false;
      await counter;
    },
  };
}

/** The parts of a status worth printing when a test fails. */
export function brief(status: RolloutStatus | undefined) {
  if (!status) return undefined;
  return {
    phase: status.phase,
    release: status.release?.version,
    step: status.step,
    stable: status.stable,
    canary: status.canary,
    outcomes: status.outcomes,
    history: status.history.slice(-12).map((e) => `${e.event} ${e.version ?? ''} ${e.detail}`),
  };
}

export const WORKFLOW_ID = rolloutWorkflowId('order-worker');

interface DevServer {
  address: string;
  current: ManagedProcess;
  restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * `temporal server start-dev` as a process we can stop and start again: with `persistent`, on a database
 * file, so a restart keeps every workflow.
 */
async function startDevServer(dir: string, persistent: boolean): Promise<DevServer> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--log-level',
    'warn',
    // The order starter sets these on every order (as the shared test server does).
    '--search-attribute',
    'OrderID=Keyword',
    '--search-attribute',
    'CustomerTier=Keyword',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ...(persistent ? ['--db-filename', join(dir, 'temporal.db')] : []),
  ];
  const start = async () => {
    const proc = await startProcess('temporal', tool('temporal'), args, {
      ready: () => canConnect(address),
      readyTimeoutMs: 60_000,
    });
    return proc;
  };
  const server: DevServer = {
    address,
    current: await start(),
    async restart(signal) {
      if (signal === 'SIGKILL') {
        process.kill(server.current.pid, 'SIGKILL');
        await server.current.exited;
      } else {
        await server.current.stop();
      }
      server.current = await start();
    },
  };
  return server;
}

async function canConnect(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ExternalError, InputError } from '../core/errors.js';
import {
  formatRoutes,
  InvalidRoutingError,
  type RoutingTable,
  readRoutingTable,
  routingToReplace,
} from '../core/rollout/routing.js';
import { type ReleaseSpec, sameRelease } from '../core/rollout/state.js';
import { sleep } from '../core/sleep.js';
import { childEnv } from './child-env.js';
import type { ApplyResult, DeployedSet, Deployer, Track, WorkerSetSpec } from './deployer.js';
import { writeFileAtomic } from './state-file.js';
import { type Turn, withTrackLock } from './track-lock.js';

export interface LocalDeployerOptions {
  /** Where state, pid files, logs and the routing file live (`.rollout`). */
  dir: string;
  /** The worker's entry point; default `worker/dist/main.js`. A release whose image is `file:<path>` overrides it. */
  workerEntry?: string;
  /** Node binary; default the one running this code. */
  node?: string;
  /** Extra environment for every worker (LOG_LEVEL, fault injection…). Never secrets: it is written to disk. */
  env?: Record<string, string>;
  /** Environment passed to workers but never written to disk (TEMPORAL_API_KEY, TLS keys). */
  secretEnv?: Record<string, string>;
  readyTimeoutMs?: number;
  /** How long a stopped worker may take to finish in-flight tasks before SIGKILL. */
  stopGraceMs?: number;
}

/** One worker process as recorded in `<dir>/workers/<track>.json`. */
export interface LocalWorker {
  pid: number;
  /** Also in the process's environment as ROLLOUT_WORKER_ID, so a reused pid is never mistaken for ours. */
  id: string;
  healthPort: number;
  metricsPort: number;
  log: string;
}

/**
 * A worker in a track's `starting` or `retiring` list. `pid` is unset while it is listed before spawn(): a
 * kill right after spawn() leaves a process found again by its ROLLOUT_WORKER_ID.
 */
type ListedWorker = Pick<LocalWorker, 'id'> & Partial<Pick<LocalWorker, 'pid'>>;

interface TrackFile {
  track: Track;
  release: ReleaseSpec;
  versioning?: WorkerSetSpec['versioning'];
  workers: LocalWorker[];
  startedAt: string;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Alive and still the process we started (not a zombie, not a reused pid). */
export function isOurs(worker: Pick<LocalWorker, 'pid' | 'id'>): boolean {
  try {
    const stat = readFileSync(`/proc/${worker.pid}/stat`, 'latin1');
    if (/^\d+ \(.*\) Z/.test(stat)) return false;
    return readFileSync(`/proc/${worker.pid}/environ`, 'latin1')
      .split('\0')
      .includes(`ROLLOUT_WORKER_ID=${worker.id}`);
  } catch {
    return false;
  }
}

/** The live process started with ROLLOUT_WORKER_ID=`id`, looked for in /proc (its pid was never recorded). */
function findWorker(id: string): Pick<LocalWorker, 'pid' | 'id'> | undefined {
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && isOurs({ pid: Number(entry), id })) return { pid: Number(entry), id };
  }
  return undefined;
}

async function ready(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function tail(path: string, chars = 3_000): string {
  try {
    return readFileSync(path, 'utf8').slice(-chars);
  } catch {
    return '(no log)';
  }
}

/**
 * Worker processes on this machine, with the environment the Helm chart sets. Processes are detached and
 * recorded in pid files, so a later CLI call (another process) finds and stops them.
 */
export class LocalDeployer implements Deployer {
  readonly kind = 'local';
  readonly dir: string;
  readonly routingFile: string;
  private readonly entry: string;
  private readonly node: string;
  /** A worker's graceful shutdown (its SHUTDOWN_GRACE_MS). */
  private readonly stopGraceMs: number;
  /** How long a stop waits for SIGTERMed workers to exit before it SIGKILLs them. */
  private readonly stopWaitMs: number;
  private readonly readyTimeoutMs: number;

  constructor(private readonly options: LocalDeployerOptions) {
    this.dir = resolve(options.dir);
    this.routingFile = join(this.dir, 'routing.json');
    this.entry = resolve(options.workerEntry ?? 'worker/dist/main.js');
    this.node = options.node ?? process.execPath;
    this.stopGraceMs = options.stopGraceMs ?? 30_000;
    this.stopWaitMs = this.stopGraceMs + 2_000;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  }

  private trackFile(track: Track): string {
    return join(this.dir, 'workers', `${track}.json`);
  }

  /**
   * Runs a change of the track's files and processes alone (track-lock.ts): a later apply or remove of the
   * same track, in this process or another sharing the dir, makes this one stop what it started and give way.
   */
  private oneAtATime<T>(track: Track, what: string, work: (turn: Turn) => Promise<T>): Promise<T> {
    // The longest a change holds the lock once a later one waits: its leftovers and its replaced set stopped.
    const waitMs = this.readyTimeoutMs + 3 * this.stopWaitMs + 20_000;
    return withTrackLock(join(this.dir, 'workers', track), `${track} ${what}`, { waitMs }, work);
  }

  /**
   * Workers an apply is starting (listed before each spawn) and has not recorded yet, or is retiring (the
   * set the track file named before the apply switched it): a killed apply leaves them listed here.
   */
  private listFile(track: Track, list: 'starting' | 'retiring'): string {
    return join(this.dir, 'workers', `${track}.${list}.json`);
  }

  /**
   * Stops the workers a killed apply left listed that the track file does not record: the ones it started
   * while the new set got ready, and the old set it had switched away from but not stopped yet. Detached,
   * they would outlive it as a second set polling the track's queue, or the queue of a release gone by.
   */
  private async stopLeftovers(track: Track): Promise<void> {
    const recorded = new Set((await this.workers(track)).map((w) => w.id));
    for (const list of ['starting', 'retiring'] as const) {
      let listed: ListedWorker[];
      try {
        listed = JSON.parse(await readFile(this.listFile(track, list), 'utf8')) as ListedWorker[];
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const leftover = listed
        .filter((w) => !recorded.has(w.id))
        .map((w) => (w.pid === undefined ? findWorker(w.id) : { pid: w.pid, id: w.id }))
        .filter((w) => w !== undefined);
      await this.stopWorkers(leftover);
      await rm(this.listFile(track, list), { force: true });
    }
  }

  private async read(track: Track): Promise<TrackFile | undefined> {
    try {
      return JSON.parse(await readFile(this.trackFile(track), 'utf8')) as TrackFile;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** The worker processes of a track, as recorded (for Prometheus targets and tests). */
  async workers(track: Track): Promise<LocalWorker[]> {
    return (await this.read(track))?.workers ?? [];
  }

  async describe(track: Track): Promise<DeployedSet | undefined> {
    const file = await this.read(track);
    if (!file) return undefined;
    const alive = file.workers.filter(isOurs);
    return {
      track,
      version: file.release.version,
      queues: { order: file.release.orderQueue, payment: file.release.paymentQueue },
      detail: `${alive.length}/${file.workers.length} worker process(es) alive: pid ${file.workers.map((w) => w.pid).join(', ')}`,
    };
  }

  private entryFor(release: ReleaseSpec): string {
    const entry = release.image.startsWith('file:')
      ? resolve(release.image.slice('file:'.length))
      : this.entry;
    if (!existsSync(entry)) {
      throw new InputError(
        `worker entry ${entry}`,
        'does not exist',
        'build the worker first (npm run build -w worker) or pass the entry point',
      );
    }
    return entry;
  }

  private workerEnv(spec: WorkerSetSpec, healthPort: number, metricsPort: number): Record<string, string> {
    const { release } = spec;
    return {
      ...this.options.env,
      ...release.env,
      TEMPORAL_ADDRESS: spec.temporal.address,
      TEMPORAL_NAMESPACE: spec.temporal.namespace,
      ORDER_TASK_QUEUE: release.orderQueue,
      PAYMENT_TASK_QUEUE: release.paymentQueue,
      BUILD_ID: release.buildId,
      HEALTH_PORT: String(healthPort),
      METRICS_PORT: String(metricsPort),
      LISTEN_HOST: '127.0.0.1',
      SHUTDOWN_GRACE_MS: String(this.stopGraceMs),
      ...(spec.versioning
        ? {
            DEPLOYMENT_NAME: spec.versioning.deploymentName,
            DEFAULT_VERSIONING_BEHAVIOR: spec.versioning.defaultBehavior,
          }
        : {}),
    };
  }

  private async startWorker(
    spec: WorkerSetSpec,
    entry: string,
    index: number,
    id: string,
  ): Promise<LocalWorker> {
    const [healthPort, metricsPort] = [await freePort(), await freePort()];
    const log = join(
      this.dir,
      'logs',
      `${spec.track}-${spec.release.buildId}-${index}-${id.slice(0, 8)}.log`,
    );
    await mkdir(join(this.dir, 'logs'), { recursive: true });
    const fd = openSync(log, 'a');
    try {
      const child = spawn(this.node, [entry], {
        detached: true,
        stdio: ['ignore', fd, fd],
        // A worker outlives the step: it gets what it is given, never the step's inputs or tokens.
        env: childEnv({
          ...this.workerEnv(spec, healthPort, metricsPort),
          ...this.options.secretEnv,
          ROLLOUT_WORKER_ID: id,
        }),
      });
      child.unref();
      if (child.pid === undefined)
        throw new ExternalError('local deployer', `could not start ${this.node} ${entry}`);
      return { pid: child.pid, id, healthPort, metricsPort, log };
    } finally {
      closeSync(fd);
    }
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves when every process is gone. */
  private async stopWorkers(workers: Pick<LocalWorker, 'pid' | 'id'>[]): Promise<void> {
    const alive = workers.filter(isOurs);
    for (const worker of alive) {
      try {
        process.kill(worker.pid, 'SIGTERM');
      } catch {
        // exited meanwhile
      }
    }
    const deadline = Date.now() + this.stopWaitMs;
    while (alive.some(isOurs) && Date.now() < deadline) await sleep(100);
    for (const worker of alive.filter(isOurs)) {
      try {
        process.kill(worker.pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    while (alive.some(isOurs)) await sleep(50);
  }

  async apply(spec: WorkerSetSpec): Promise<ApplyResult> {
    return this.oneAtATime(spec.track, `apply of ${spec.release.version}`, (turn) =>
      this.applyAlone(spec, turn),
    );
  }

  private async applyAlone(spec: WorkerSetSpec, turn: Turn): Promise<ApplyResult> {
    await this.stopLeftovers(spec.track);
    const current = await this.read(spec.track);
    if (
      current &&
      sameRelease(current.release, spec.release) &&
      JSON.stringify(current.versioning) === JSON.stringify(spec.versioning) &&
      current.workers.length === (spec.replicas ?? 1) &&
      current.workers.every(isOurs)
    ) {
      return {
        changed: false,
        detail: `${spec.track} already runs ${spec.release.version} (${spec.replicas ?? 1} worker(s))`,
      };
    }
    const entry = this.entryFor(spec.release);
    const started: LocalWorker[] = [];
    try {
      for (let i = 0; i < (spec.replicas ?? 1); i++) {
        await turn.check();
        const id = randomUUID();
        const listed: ListedWorker[] = [...started, { id }];
        await writeFileAtomic(this.listFile(spec.track, 'starting'), `${JSON.stringify(listed)}\n`);
        started.push(await this.startWorker(spec, entry, i, id));
        await writeFileAtomic(this.listFile(spec.track, 'starting'), `${JSON.stringify(started)}\n`);
      }
      const deadline = Date.now() + this.readyTimeoutMs;
      for (const worker of started) {
        while (!(await ready(worker.healthPort))) {
          await turn.check();
          if (!isOurs(worker))
            throw new ExternalError(
              'local deployer',
              `worker exited before it was ready:\n${tail(worker.log)}`,
            );
          if (Date.now() > deadline) {
            throw new ExternalError('local deployer', `worker was not ready in time:\n${tail(worker.log)}`);
          }
          await sleep(200);
        }
      }
      // A later change that started meanwhile replaces what this one would switch to: it gives way instead.
      await turn.check();
    } catch (err) {
      await this.stopWorkers(started);
      await rm(this.listFile(spec.track, 'starting'), { force: true });
      throw err;
    }
    const file: TrackFile = {
      track: spec.track,
      release: spec.release,
      ...(spec.versioning ? { versioning: spec.versioning } : {}),
      workers: started,
      startedAt: new Date().toISOString(),
    };
    // The set being replaced is listed before the switch: once the track file names the new set, a retry
    // of a killed apply finds it "unchanged", and only this list still knows the old processes.
    if (current) {
      await writeFileAtomic(this.listFile(spec.track, 'retiring'), `${JSON.stringify(current.workers)}\n`);
    }
    await writeFileAtomic(this.trackFile(spec.track), `${JSON.stringify(file, null, 2)}\n`);
    await rm(this.listFile(spec.track, 'starting'), { force: true });
    if (current) {
      await this.stopWorkers(current.workers);
      await rm(this.listFile(spec.track, 'retiring'), { force: true });
    }
    const replaced = current ? `, replacing ${current.release.version}` : '';
    return {
      changed: true,
      detail: `${spec.track} runs ${spec.release.version} on ${spec.release.orderQueue}: pid ${started.map((w) => w.pid).join(', ')}${replaced}`,
    };
  }

  async remove(track: Track): Promise<ApplyResult> {
    return this.oneAtATime(track, 'removal', async () => {
      await this.stopLeftovers(track);
      const current = await this.read(track);
      if (!current) return { changed: false, detail: `no ${track} workers` };
      await this.stopWorkers(current.workers);
      await rm(this.trackFile(track), { force: true });
      return {
        changed: true,
        detail: `stopped ${track} ${current.release.version} (pid ${current.workers.map((w) => w.pid).join(', ')})`,
      };
    });
  }

  async readRouting(): Promise<RoutingTable | undefined> {
    let text: string;
    try {
      text = await readFile(this.routingFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new InvalidRoutingError(`${this.routingFile}: is not JSON: ${(err as Error).message}`);
    }
    return readRoutingTable(parsed, this.routingFile);
  }

  async writeRouting(table: RoutingTable, _owner?: WorkerSetSpec): Promise<ApplyResult> {
    const { live: before } = await routingToReplace(() => this.readRouting());
    const text = `${JSON.stringify(table)}\n`;
    if (before && JSON.stringify(before) === JSON.stringify(table)) {
      return { changed: false, detail: `routing unchanged in ${this.routingFile}` };
    }
    await writeFileAtomic(this.routingFile, text);
    return {
      changed: true,
      detail: `routing ${formatRoutes(table)} in ${this.routingFile}`,
    };
  }

  /** Stops every worker this deployer recorded (tests, `demo` teardown). */
  async removeAll(): Promise<void> {
    for (const track of ['canary', 'stable'] as const) await this.remove(track);
  }
}

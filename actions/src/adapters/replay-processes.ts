// Replays histories across child processes. The SDK's Runtime is one per process, so replay workers inside
// one process share one core; N processes use N cores. Each process gets the one bundle and pulls histories as
// it finishes the previous ones (long histories do not hold up a fixed shard); results come back in input
// order. Every history has a time limit: a process that does not answer in time (the SDK core can hang on a
// history) is killed, that history fails as a timeout, and a fresh process takes the rest.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ExternalError } from '../core/errors.js';
import type { FromReplayChild, ReplayErrorText, ToReplayChild } from './replay-child.js';

export interface ReplayJob {
  /** Unique among the jobs: results are matched to histories by it. */
  workflowId: string;
  /** A history in proto3-JSON form, already validated. */
  history: unknown;
}

export type ReplayJobResult =
  | { kind: 'replayed'; error: ReplayErrorText | null }
  | { kind: 'timeout' }
  | { kind: 'crashed'; how: string };

export interface ReplayProcessOptions {
  /** `file:` URL of the consumer's `@temporalio/worker` entry point: each process loads that SDK. */
  sdkEntry: string;
  /** How many processes replay side by side. */
  processes: number;
  /** A history that has not replayed after this long fails as a timeout. */
  historyTimeoutMs: number;
}

/** Histories sent ahead to a process, so it never waits for the parent between two replays. */
const AHEAD = 4;

/** Where the child entry point is: beside the bundled entry points in actions/dist, or in the sources. */
function childScript(): { path: string; execArgv: string[] } {
  const candidates = ['./replay-child.js', '../replay-child.js', '../entries/replay-child.ts'];
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (!existsSync(path)) continue;
    if (!path.endsWith('.ts')) return { path, execArgv: [] };
    // Running from the TypeScript sources (tests, `npm run cli`): the child needs the same loader.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { path, execArgv: ['--import', tsx] };
  }
  throw new ExternalError('temporal-rollout', 'replay-child.js is missing beside the bundled entry points');
}

/**
 * The environment a replay process gets: enough to run Node, none of the step's inputs or secrets
 * (`INPUT_*`, API keys, codec keys) — a replay needs only the bundle and the histories it is sent.
 */
function childEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
}

interface Lane {
  child: ChildProcess;
  /** The SDK is loaded and the bundle sent: histories may go. */
  ready: boolean;
  /** Indices of the jobs sent to this process and not answered yet, oldest first (the one replaying now). */
  inFlight: number[];
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
  /** Told `end`: it finishes what it has and exits, and takes no more histories. */
  ending: boolean;
  exited: Promise<void>;
  /** The end of what the process wrote to stderr, for an error that names why it failed to start. */
  stderrTail: string;
}

/**
 * A set of replay processes. They start (and load the SDK) as soon as the pool is made, so that work overlaps
 * with reading the histories and making the bundle; `replay` then hands them the bundle and the histories.
 */
export class ReplayProcesses {
  private readonly script = childScript();
  private readonly lanes = new Set<Lane>();
  /** Every process ever started, to wait for their exit. */
  private readonly started: Lane[] = [];
  private bundleCode: string | undefined;
  private jobs: ReplayJob[] = [];
  private pending: number[] = [];
  private results: (ReplayJobResult | undefined)[] = [];
  private fatal: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly options: ReplayProcessOptions,
    /** Processes to start now (the rest, if any, when `replay` knows how many histories there are). */
    startNow = options.processes,
  ) {
    for (let i = 0; i < Math.min(startNow, options.processes); i++) this.start();
  }

  /** Replays every job with the bundle and yields each result in input order. Call once. */
  async *replay(jobs: ReplayJob[], bundleCode: string): AsyncGenerator<ReplayJobResult> {
    this.jobs = jobs;
    this.pending = jobs.map((_, i) => i);
    this.results = new Array(jobs.length);
    this.bundleCode = bundleCode;
    let completed = false;
    try {
      for (const lane of this.lanes) this.post(lane, { type: 'bundle', code: bundleCode });
      this.refill();
      for (let next = 0; next < jobs.length; ) {
        if (this.fatal) throw this.fatal;
        const result = this.results[next];
        if (result) {
          this.results[next] = undefined;
          next++;
          yield result;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      if (this.fatal) throw this.fatal;
      completed = true;
    } finally {
      await this.close(completed);
    }
  }

  /**
   * Ends every process: idle ones are told to end and exit by themselves after a complete replay; otherwise (an
   * error, an input error before `replay`, a consumer that stopped early) they are stopped. Waits for each, so no
   * replay process outlives the step.
   */
  async close(completed = false): Promise<void> {
    for (const lane of [...this.lanes]) {
      if (completed && lane.inFlight.length === 0) this.end(lane);
      else this.stop(lane);
    }
    const grace = setTimeout(() => {
      for (const lane of this.started) lane.child.kill('SIGKILL');
    }, 10_000);
    await Promise.all(this.started.map((lane) => lane.exited));
    clearTimeout(grace);
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }

  private post(lane: Lane, message: ToReplayChild): void {
    if (lane.child.connected) lane.child.send(message);
  }

  private fail(error: Error): void {
    this.fatal ??= error;
    this.notify();
  }

  private end(lane: Lane): void {
    lane.ending = true;
    this.post(lane, { type: 'end' });
  }

  private stop(lane: Lane): void {
    lane.stopped = true;
    clearTimeout(lane.timer);
    this.lanes.delete(lane);
    lane.child.kill('SIGKILL');
  }

  private armTimer(lane: Lane): void {
    clearTimeout(lane.timer);
    lane.timer = undefined;
    if (lane.inFlight.length === 0) return;
    lane.timer = setTimeout(() => {
      const index = lane.inFlight.shift() as number;
      this.results[index] = { kind: 'timeout' };
      // The rest go back to the front of the line, for a fresh process.
      this.pending.unshift(...lane.inFlight);
      lane.inFlight = [];
      this.stop(lane);
      this.refill();
      this.notify();
    }, this.options.historyTimeoutMs);
  }

  private feed(lane: Lane): void {
    if (!lane.ready || lane.stopped || lane.ending || this.bundleCode === undefined) return;
    const wasIdle = lane.inFlight.length === 0;
    while (lane.inFlight.length < AHEAD && this.pending.length > 0) {
      const index = this.pending.shift() as number;
      lane.inFlight.push(index);
      const job = this.jobs[index] as ReplayJob;
      this.post(lane, { type: 'history', workflowId: job.workflowId, history: job.history });
    }
    if (wasIdle) this.armTimer(lane);
    if (lane.inFlight.length === 0) this.end(lane);
  }

  private refill(): void {
    if (this.fatal || this.bundleCode === undefined) return;
    // A new process only for histories that no starting process will take.
    const starting = () => [...this.lanes].filter((lane) => !lane.ready).length;
    while (this.lanes.size < this.options.processes && this.pending.length > starting()) this.start();
    for (const lane of this.lanes) this.feed(lane);
  }

  private start(): void {
    const child = fork(this.script.path, [], {
      execArgv: this.script.execArgv,
      env: childEnv(),
      // The SDK core logs to stdout; only our report may go to the parent's stdout, so both streams end on stderr.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const lane: Lane = {
      child,
      ready: false,
      inFlight: [],
      timer: undefined,
      stopped: false,
      ending: false,
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
      stderrTail: '',
    };
    this.lanes.add(lane);
    this.started.push(lane);
    const relay = (chunk: Buffer) => {
      lane.stderrTail = (lane.stderrTail + chunk.toString()).slice(-2000);
      process.stderr.write(chunk);
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    child.on('message', (message: FromReplayChild) => this.onMessage(lane, message));
    child.on('error', (err) => this.fail(new ExternalError('replay process', err.message, { cause: err })));
    child.once('exit', (code, signal) => this.onExit(lane, signal ?? `code ${code}`));
    this.post(lane, { type: 'init', sdkEntry: this.options.sdkEntry });
    if (this.bundleCode !== undefined) this.post(lane, { type: 'bundle', code: this.bundleCode });
  }

  private onMessage(lane: Lane, message: FromReplayChild): void {
    if (lane.stopped) return;
    if (message.type === 'ready') {
      lane.ready = true;
      this.feed(lane);
    } else if (message.type === 'result') {
      const index = lane.inFlight.shift();
      const job = index === undefined ? undefined : this.jobs[index];
      if (index === undefined || job?.workflowId !== message.workflowId) {
        this.fail(new ExternalError('replay process', `answered for ${message.workflowId} out of turn`));
        return;
      }
      this.results[index] = { kind: 'replayed', error: message.error };
      this.armTimer(lane);
      this.feed(lane);
      this.notify();
    } else {
      this.fail(new ExternalError('@temporalio/worker', `replay failed: ${message.message}`));
    }
  }

  private onExit(lane: Lane, how: string): void {
    clearTimeout(lane.timer);
    this.lanes.delete(lane);
    if (lane.stopped) return;
    lane.stopped = true;
    if (!lane.ready) {
      this.fail(
        new ExternalError(
          'replay process',
          `exited (${how}) before it was ready: ${lane.stderrTail.trim() || 'no output'}`,
        ),
      );
      return;
    }
    // Died in the middle of a history (the SDK core aborted, out of memory): that history fails, the rest go on.
    const index = lane.inFlight.shift();
    if (index !== undefined) this.results[index] = { kind: 'crashed', how: `exited (${how})` };
    this.pending.unshift(...lane.inFlight);
    lane.inFlight = [];
    this.refill();
    this.notify();
  }
}

/** Starts processes for the jobs, replays them with the bundle and yields each result in input order. */
export function replayInProcesses(
  jobs: ReplayJob[],
  options: ReplayProcessOptions & { bundleCode: string },
): AsyncGenerator<ReplayJobResult> {
  const pool = new ReplayProcesses(options, Math.min(options.processes, jobs.length));
  return pool.replay(jobs, options.bundleCode);
}

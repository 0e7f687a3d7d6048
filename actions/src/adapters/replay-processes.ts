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
  /** The workflow bundle (`bundleWorkflowCode().code`), made once and handed to every process. */
  bundleCode: string;
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
  ready: boolean;
  /** Indices of the jobs sent to this process and not answered yet, oldest first (the one replaying now). */
  inFlight: number[];
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
  exited: Promise<void>;
  /** The end of what the process wrote to stderr, for an error that names why it failed to start. */
  stderrTail: string;
}

/** Replays every job across `processes` child processes and yields each result in input order. */
export async function* replayInProcesses(
  jobs: ReplayJob[],
  options: ReplayProcessOptions,
): AsyncGenerator<ReplayJobResult> {
  if (jobs.length === 0) return;
  const script = childScript();
  const pending = jobs.map((_, i) => i);
  const results: (ReplayJobResult | undefined)[] = new Array(jobs.length);
  /** Processes that are replaying or starting; `started` also keeps the ones that ended, to wait for their exit. */
  const lanes = new Set<Lane>();
  const started: Lane[] = [];
  let fatal: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const post = (lane: Lane, message: ToReplayChild) => {
    if (lane.child.connected) lane.child.send(message);
  };
  const fail = (error: Error) => {
    fatal ??= error;
    notify();
  };
  const stop = (lane: Lane) => {
    lane.stopped = true;
    clearTimeout(lane.timer);
    lanes.delete(lane);
    lane.child.kill('SIGKILL');
  };
  const armTimer = (lane: Lane) => {
    clearTimeout(lane.timer);
    lane.timer = undefined;
    if (lane.inFlight.length === 0) return;
    lane.timer = setTimeout(() => {
      const index = lane.inFlight.shift() as number;
      results[index] = { kind: 'timeout' };
      // The rest go back to the front of the line, for a fresh process.
      pending.unshift(...lane.inFlight);
      lane.inFlight = [];
      stop(lane);
      refill();
      notify();
    }, options.historyTimeoutMs);
  };
  const feed = (lane: Lane) => {
    if (!lane.ready || lane.stopped) return;
    const wasIdle = lane.inFlight.length === 0;
    while (lane.inFlight.length < AHEAD && pending.length > 0) {
      const index = pending.shift() as number;
      lane.inFlight.push(index);
      const job = jobs[index] as ReplayJob;
      post(lane, { type: 'history', workflowId: job.workflowId, history: job.history });
    }
    if (wasIdle) armTimer(lane);
    if (lane.inFlight.length === 0) post(lane, { type: 'end' });
  };
  const refill = () => {
    if (fatal) return;
    // A new process only for histories that no starting process will take.
    const starting = () => [...lanes].filter((lane) => !lane.ready).length;
    while (lanes.size < options.processes && pending.length > starting()) start();
    for (const lane of lanes) feed(lane);
  };

  const start = () => {
    const child = fork(script.path, [], {
      execArgv: script.execArgv,
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
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
      stderrTail: '',
    };
    lanes.add(lane);
    started.push(lane);
    const relay = (chunk: Buffer) => {
      lane.stderrTail = (lane.stderrTail + chunk.toString()).slice(-2000);
      process.stderr.write(chunk);
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    child.on('message', (message: FromReplayChild) => {
      if (lane.stopped) return;
      if (message.type === 'ready') {
        lane.ready = true;
        feed(lane);
      } else if (message.type === 'result') {
        const index = lane.inFlight.shift();
        const job = index === undefined ? undefined : jobs[index];
        if (index === undefined || job?.workflowId !== message.workflowId) {
          fail(new ExternalError('replay process', `answered for ${message.workflowId} out of turn`));
          return;
        }
        results[index] = { kind: 'replayed', error: message.error };
        armTimer(lane);
        feed(lane);
        notify();
      } else {
        fail(new ExternalError('@temporalio/worker', `replay failed: ${message.message}`));
      }
    });
    child.on('error', (err) => fail(new ExternalError('replay process', err.message, { cause: err })));
    child.once('exit', (code, signal) => {
      clearTimeout(lane.timer);
      lanes.delete(lane);
      if (lane.stopped) return;
      lane.stopped = true;
      if (!lane.ready) {
        fail(
          new ExternalError(
            'replay process',
            `exited (${signal ?? `code ${code}`}) before it was ready: ${lane.stderrTail.trim() || 'no output'}`,
          ),
        );
        return;
      }
      // Died in the middle of a history (the SDK core aborted, out of memory): that history fails, the rest go on.
      const index = lane.inFlight.shift();
      if (index !== undefined)
        results[index] = { kind: 'crashed', how: `exited (${signal ?? `code ${code}`})` };
      pending.unshift(...lane.inFlight);
      lane.inFlight = [];
      refill();
      notify();
    });
    post(lane, { type: 'init', sdkEntry: options.sdkEntry, bundleCode: options.bundleCode });
    return lane;
  };

  let completed = false;
  try {
    refill();
    for (let next = 0; next < jobs.length; ) {
      if (fatal) throw fatal;
      const result = results[next];
      if (result) {
        results[next] = undefined;
        next++;
        yield result;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (fatal) throw fatal;
    completed = true;
  } finally {
    // Done: idle processes are told to end and exit by themselves; otherwise (an error, a consumer that stopped
    // early) they are stopped. Wait either way, so no replay process outlives the step.
    for (const lane of [...lanes]) {
      if (completed && lane.inFlight.length === 0) post(lane, { type: 'end' });
      else stop(lane);
    }
    const grace = setTimeout(() => {
      for (const lane of started) lane.child.kill('SIGKILL');
    }, 10_000);
    await Promise.all(started.map((lane) => lane.exited));
    clearTimeout(grace);
  }
}

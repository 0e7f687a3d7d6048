// The inside of one replay process (started by replay-processes.ts): it loads the consumer's own
// @temporalio/worker, which gives this process its own SDK Runtime (one per process, so processes replay in
// parallel), and replays the histories its parent sends, one at a time, answering each in the order received.
import type { ReplayHistoriesIterable } from '@temporalio/worker';
import type { WorkerSdk } from './sdk-resolver.js';

/** The error a replay ended with, as the SDK named it. */
export interface ReplayErrorText {
  name: string;
  message: string;
}

export type ToReplayChild =
  | { type: 'init'; sdkEntry: string }
  | { type: 'bundle'; code: string }
  | { type: 'history'; workflowId: string; history: unknown }
  | { type: 'end' };

export type FromReplayChild =
  | { type: 'ready' }
  | { type: 'result'; workflowId: string; error: ReplayErrorText | null }
  | { type: 'fatal'; message: string };

interface Job {
  workflowId: string;
  history: unknown;
}

/** Histories as they arrive from the parent, handed to the SDK's replay loop as an async iterable. */
class JobQueue implements AsyncIterable<Job> {
  private readonly jobs: Job[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  push(job: Job): void {
    this.jobs.push(job);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Job> {
    for (;;) {
      const job = this.jobs.shift();
      if (job) yield job;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function send(message: FromReplayChild): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, undefined, () => resolve());
  });
}

/** Runs until the parent sends `end` (or disconnects), then exits. */
export async function serveReplays(): Promise<void> {
  if (!process.send) throw new Error('replay-child runs only as a child process of the replay step');
  const queue = new JobQueue();
  let onInit: (sdkEntry: string) => void = () => {};
  let onBundle: (code: string) => void = () => {};
  const init = new Promise<string>((resolve) => (onInit = resolve));
  const bundle = new Promise<string>((resolve) => (onBundle = resolve));
  process.on('message', (message: ToReplayChild) => {
    if (message.type === 'init') onInit(message.sdkEntry);
    else if (message.type === 'bundle') onBundle(message.code);
    else if (message.type === 'history')
      queue.push({ workflowId: message.workflowId, history: message.history });
    else queue.end();
  });
  // A parent that goes away takes its replays with it.
  process.on('disconnect', () => process.exit());
  try {
    // Loading the SDK overlaps with the parent reading histories and making the bundle.
    const sdk = (await import(await init)) as WorkerSdk;
    // This process's own Runtime; its log lines go to stderr (stdout is the parent's report).
    sdk.Runtime.install({ logger: new sdk.DefaultLogger('WARN') });
    const code = await bundle;
    await send({ type: 'ready' });
    const histories = sdk.Worker.runReplayHistories(
      { workflowBundle: { code, sourceMap: '' } },
      // The SDK reads JSON histories (string event ids) as well as decoded ones; the parent validated them.
      queue as ReplayHistoriesIterable,
    );
    for await (const result of histories) {
      const error = result.error ? { name: result.error.name, message: result.error.message } : null;
      await send({ type: 'result', workflowId: result.workflowId, error });
    }
  } catch (err) {
    await send({ type: 'fatal', message: (err as Error).message });
    process.exitCode = 1;
  }
  process.disconnect();
}

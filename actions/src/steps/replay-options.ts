// What the replay step takes, and the checks a front end runs on it before the step (and the SDK it loads) is
// loaded. Errors name options by their neutral fields (options/histories.ts).
import type { LiveSource } from '../adapters/temporal-histories.js';
import { InputError } from '../core/errors.js';
import { TASK_QUEUE_BASE_PATTERN } from '../core/rollout-schema.js';

export interface LiveReplaySource extends LiveSource {
  /**
   * Visibility query; default: every open run, on the queues this worker serves when they are known (and a filter
   * can be written for them).
   */
  query?: string;
  /** At most this many runs (default 100). */
  limit?: number;
}

export interface ReplayOptions {
  /** The consumer's package directory: `@temporalio/worker` is resolved from here, globs are relative to it. */
  workspace: string;
  /** Globs of history files (`temporal workflow show -o json` format). */
  histories: string[];
  /** The workflows module (bundled once here), or a prebuilt bundle from `bundleWorkflowCode`. */
  workflowsPath?: string;
  bundlePath?: string;
  live?: LiveReplaySource;
  /**
   * Task queues this worker serves (each with its versioned queues `<name>-v<major>` and `<name>-v<version>`).
   * A live run of a workflow type the code does not export is skipped only on a queue outside these and
   * `configPath`'s; with neither given, such a run fails the gate.
   */
  taskQueues?: string[];
  /**
   * rollout.yaml (relative to the workspace): its `taskQueues` are queues this worker serves. Read only with a live
   * source; the default name (`rollout.yaml`, which the front ends pass when none is given) only when present.
   */
  configPath?: string;
  /** AES-GCM key for histories captured with encrypted payloads. */
  codecKey?: Buffer;
  /** Do not fail on replay errors that are not non-determinism. */
  allowReplayErrors?: boolean;
  /** Where to write the JSON report. */
  reportPath?: string;
  /**
   * Replay processes side by side (each has its own SDK Runtime, so they use several cores). Default: the number
   * of CPUs, at most 4.
   */
  concurrency?: number;
  /** A history that has not replayed after this long fails as a timeout (default 60 s). */
  historyTimeoutMs?: number;
}

const TASK_QUEUE = new RegExp(TASK_QUEUE_BASE_PATTERN);

/** The code to replay on, the timeout, the sources and the served queues, checked before any file is read. */
export function checkReplayOptions(options: ReplayOptions): void {
  if (!options.workflowsPath === !options.bundlePath)
    throw new InputError(
      '⟨workflows⟩ / ⟨bundle⟩',
      options.workflowsPath ? 'both are set' : 'neither is set',
      'give the workflows module or a prebuilt bundle, not both',
    );
  if (options.historyTimeoutMs !== undefined && !(options.historyTimeoutMs >= 1_000))
    throw new InputError(
      'history-timeout',
      `${options.historyTimeoutMs} ms is too short`,
      'give at least 1s',
    );
  if (options.histories.length === 0 && !options.live)
    throw new InputError(
      'histories',
      'is empty and no live source is set',
      'give history globs, or ⟨temporal-address⟩ to replay open runs',
    );
  for (const queue of options.taskQueues ?? [])
    if (!TASK_QUEUE.test(queue))
      throw new InputError(
        `task-queues: ${queue}`,
        'is not a task queue name',
        'give the base name of a queue this worker serves, e.g. order-task-queue (letters, digits, . _ -)',
      );
}

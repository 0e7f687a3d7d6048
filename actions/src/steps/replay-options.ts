// What the replay step takes, and the checks a front end runs on it before the step (and the SDK it loads) is
// loaded. Errors name options by their neutral fields (options/histories.ts).
import type { LiveSource } from '../adapters/temporal-histories.js';
import { InputError } from '../core/errors.js';

export interface LiveReplaySource extends LiveSource {
  /** Visibility query; default: every open run. */
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

/** The code to replay on, the timeout and the sources, checked before any file is read. */
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
}

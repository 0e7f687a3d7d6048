import { CancelledFailure, Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { ServiceError } from '../services/types.js';
import type { StepFailureDetails, StepResult } from './types.js';

const HEARTBEAT_EVERY_MS = 1_000;

function isCancellation(err: unknown): boolean {
  return err instanceof CancelledFailure || (err instanceof Error && err.name === 'AbortError');
}

/**
 * Runs one service call as an activity step: heartbeats while it runs (so cancellation and worker
 * shutdown reach it), reports the attempt, and turns service errors into typed ApplicationFailures
 * (non-retryable when the service says retrying cannot help).
 */
export async function runStep<T>(call: (signal: AbortSignal) => Promise<T>): Promise<StepResult<T>> {
  const ctx = Context.current();
  const attempt = ctx.info.attempt;
  const timer = setInterval(() => ctx.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    ctx.heartbeat();
    return { value: await call(ctx.cancellationSignal), attempt };
  } catch (err) {
    if (isCancellation(err)) {
      // Report the SDK's own CancelledFailure rather than the AbortError of the aborted call.
      const reason: unknown = ctx.cancellationSignal.reason;
      throw reason instanceof CancelledFailure ? reason : err;
    }
    const details: StepFailureDetails = { attempt };
    if (err instanceof ServiceError) {
      throw ApplicationFailure.create({
        type: err.type,
        message: err.message,
        nonRetryable: !err.retryable,
        details: [details],
      });
    }
    const error = err instanceof Error ? err : new Error(String(err));
    throw ApplicationFailure.create({
      type: error.name,
      message: error.message,
      details: [details],
      cause: error,
    });
  } finally {
    clearInterval(timer);
  }
}

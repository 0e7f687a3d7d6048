// A step is loaded only after its inputs were read and checked: the Temporal client alone is most of a step's
// start-up time, and a bad input should be reported before any of that is paid.
import type { RolloutContext, StepResult } from '../steps/rollout.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';

/**
 * Loads a step module, giving protobufjs long.js first (see protobuf-long.ts): any step may reach the Temporal
 * client, whose int64 fields need it before the client's modules are evaluated.
 */
export async function loadStep<T>(load: () => Promise<T>): Promise<T> {
  await import('./protobuf-long.js');
  return load();
}

/**
 * Opens the rollout (openRollout loads long.js and the Temporal client only now), runs the step in it and
 * closes it.
 */
export async function runRolloutStep<T = StepResult>(
  options: OpenRolloutOptions,
  step: (ctx: RolloutContext) => Promise<T>,
): Promise<T> {
  const { withRollout } = await import('../steps/rollout-open.js');
  return withRollout(options, step);
}

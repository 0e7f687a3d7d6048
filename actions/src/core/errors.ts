/**
 * A problem with what the user gave us: an input, a file or a field. The message names the thing and the fix,
 * and the step stops before it changes anything.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The input, file or field at fault, e.g. `input "histories"` or `rollout.yaml: strategy.steps[1]`. */
    readonly subject: string,
    problem: string,
    /** What to do about it. */
    readonly fix?: string,
  ) {
    super(`${subject}: ${problem}${fix ? ` — ${fix}` : ''}`);
  }
}

/** Something outside us (a server, a tool) failed; the message says which and how to retry. */
export class ExternalError extends Error {
  override readonly name = 'ExternalError';
  constructor(
    readonly system: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${system}: ${message}`, options);
  }
}

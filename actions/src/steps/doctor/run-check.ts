import { type CheckGroup, type CheckOutcome, type CheckResult, skip } from '../../core/doctor/checklist.js';
import { ExternalError, InputError } from '../../core/errors.js';

export interface Check {
  id: string;
  group: CheckGroup;
  title: string;
  run(): Promise<CheckOutcome>;
  /** Overrides the doctor's per-check limit (the replay check bundles code and needs longer). */
  timeoutMs?: number;
}

class CheckTimeout extends Error {}

/**
 * A check that needs a connection another check establishes: `connect` yields it (or undefined when that check
 * failed), and without it the check is skipped with `unavailable` instead of failing twice for one cause.
 */
export function needing<T>(
  connect: () => Promise<T | undefined>,
  unavailable: string,
  body: (connection: T) => Promise<CheckOutcome>,
): () => Promise<CheckOutcome> {
  return async () => {
    const connection = await connect().catch(() => undefined);
    return connection === undefined ? skip(unavailable) : body(connection);
  };
}

/**
 * Runs one check within `timeoutMs`: a check that throws or does not answer in time fails with the reason, so
 * one dead endpoint never hangs the doctor or hides the other checks.
 */
export async function runCheck(check: Check, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  const limit = check.timeoutMs ?? timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), limit);
  });
  let outcome: CheckOutcome;
  try {
    outcome = await Promise.race([check.run(), deadline]);
  } catch (err) {
    outcome =
      err instanceof CheckTimeout
        ? {
            status: 'fail',
            seen: `no answer within ${limit} ms`,
            fix: `check that the ${check.group} endpoint is reachable from here and answers`,
          }
        : {
            status: 'fail',
            seen: (err as Error).message,
            fix:
              err instanceof InputError
                ? (err.fix ?? 'fix the setting it names')
                : err instanceof ExternalError
                  ? `check the ${err.system} address, credentials and that it is up`
                  : 'see the message; re-run with the same settings to reproduce',
          };
  } finally {
    clearTimeout(timer);
  }
  return {
    id: check.id,
    group: check.group,
    title: check.title,
    ...outcome,
    durationMs: Date.now() - started,
  };
}

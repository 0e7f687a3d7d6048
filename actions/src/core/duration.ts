import { DURATION_EXAMPLES, readDuration, unitFix } from '../../../worker/src/duration.js';
import { InputError } from './errors.js';

/**
 * Parses a duration (the grammar: worker/src/duration.ts; `500ms`, `30s`, `1m30s`, `1.5h`, `7d`, or `0`) into
 * milliseconds. `subject` names the input, flag or field for the error. A bare number other than 0 is refused
 * with a fix; `bareNumberMeant` is the unit the field read a bare number in before, so the fix keeps its meaning.
 */
export function parseDuration(value: unknown, subject: string, bareNumberMeant?: 's' | 'ms'): number {
  const read = readDuration(value);
  if ('ms' in read) return read.ms;
  if (read.problem === 'no-unit') {
    throw new InputError(subject, `${read.amount} has no unit`, unitFix(read.amount, bareNumberMeant));
  }
  throw new InputError(
    subject,
    `${JSON.stringify(value)} is not a duration`,
    `write it like ${DURATION_EXAMPLES}`,
  );
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';

// The one duration grammar of temporal-rollout: rollout.yaml, the analysis spec, action inputs, CLI flags and
// this worker's env all read durations with it. It lives in the worker's source because the worker image
// compiles worker/ alone; the toolkit wraps it in actions/src/core/duration.ts. No imports, no I/O.
//
// A duration is one or more <number><unit> parts, units ms, s, m, h, d: 500ms, 30s, 1m30s, 1.5h, 7d (spaces
// between parts and units are ignored). 0 alone is zero. Any other bare number is refused: its unit would be a
// guess (rollout.yaml used to read one as seconds, this worker's env as milliseconds).
const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000
};
const DURATION = /^(?:\d+(?:\.\d+)?\s*(?:ms|s|m|h|d)\s*)+$/;
const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** Examples for messages. */ const DURATION_EXAMPLES = '500ms, 30s, 5m, 1h or 1m30s';
/** Reads a duration as written (a YAML number arrives as a number) into milliseconds, or says what is wrong. */ function readDuration(value) {
    let text;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) text = String(value);
    else if (typeof value === 'string') text = value.trim();
    else return {
        problem: 'not-a-duration'
    };
    if (BARE_NUMBER.test(text)) return Number(text) === 0 ? {
        ms: 0
    } : {
        problem: 'no-unit',
        amount: text
    };
    if (!DURATION.test(text)) return {
        problem: 'not-a-duration'
    };
    let ms = 0;
    for (const [, amount, unit] of text.matchAll(PART))ms += Number(amount) * UNIT_MS[unit];
    return {
        ms
    };
}
/**
 * The fix for a bare number: the amount with a unit. `meant` is the unit the place read a bare number in
 * before durations always carried one, so the fix keeps what the value meant.
 */ function unitFix(amount, meant) {
    if (meant === undefined) return `give it a unit: ${amount}s for seconds, ${amount}ms for milliseconds`;
    const name = meant === 's' ? 'seconds' : 'milliseconds';
    return `write ${amount}${meant}: a bare number here used to mean ${name}, and durations now always carry a unit`;
}

/**
 * Parses a duration (the grammar: worker/src/duration.ts; `500ms`, `30s`, `1m30s`, `1.5h`, `7d`, or `0`) into
 * milliseconds. `subject` names the input, flag or field for the error. A bare number other than 0 is refused
 * with a fix; `bareNumberMeant` is the unit the field read a bare number in before, so the fix keeps its meaning.
 */ function parseDuration(value, subject, bareNumberMeant) {
    const read = readDuration(value);
    if ('ms' in read) return read.ms;
    if (read.problem === 'no-unit') {
        throw new InputError(subject, `${read.amount} has no unit`, unitFix(read.amount, bareNumberMeant));
    }
    throw new InputError(subject, `${JSON.stringify(value)} is not a duration`, `write it like ${DURATION_EXAMPLES}`);
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
    if (ms % 1_000 === 0) return `${ms / 1_000}s`;
    return `${ms}ms`;
}

export { formatDuration as f, parseDuration as p };

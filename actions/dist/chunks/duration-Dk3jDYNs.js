import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Bt1yA7Sc.js';

const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000
};
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
/** Parses `500ms`, `30s`, `5m`, `1h` (or a bare number of seconds) into milliseconds. */ function parseDuration(value, subject) {
    if (typeof value === 'number') {
        if (Number.isFinite(value) && value >= 0) return value * 1_000;
    } else {
        const match = DURATION.exec(value.trim());
        if (match?.[1] && match[2]) return Number(match[1]) * UNIT_MS[match[2]];
    }
    throw new InputError(subject, `"${value}" is not a duration`, 'write it like 500ms, 30s, 5m or 1h');
}
function formatDuration(ms) {
    if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
    if (ms % 1_000 === 0) return `${ms / 1_000}s`;
    return `${ms}ms`;
}

export { formatDuration as f, parseDuration as p };

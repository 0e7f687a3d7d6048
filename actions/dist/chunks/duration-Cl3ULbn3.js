import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000
};
/** `"30s"`, `"1m30s"`, `"500ms"`, `"2h"` → milliseconds; undefined when the text is not such a duration. */ function parseDuration(text) {
    const trimmed = text.trim();
    if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed)) return undefined;
    let total = 0;
    for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))total += Number(amount) * UNIT_MS[unit];
    return total;
}
/** Milliseconds → a PromQL range duration (whole seconds, at least 1s), e.g. 90000 → `"90s"`. */ function promDuration(ms) {
    return `${Math.max(1, Math.round(ms / 1000))}s`;
}
/** Milliseconds → short human text: 1500 → `"1.5s"`, 90000 → `"1m30s"`. */ function formatDuration(ms) {
    if (ms < 1000) return `${Math.round(ms)}ms`;
    if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round(ms % 60_000 / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}

export { parseDuration as a, formatDuration as f, promDuration as p };

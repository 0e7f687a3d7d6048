import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Bt1yA7Sc.js';
import { c as canonicalVersion } from './queues-BDWPX1q-.js';

// One parser per kind of value a user types, shared by the action's inputs and the CLI's flags. Each takes the
// raw text and the subject to name in an error (`input "weight"` or `--weight`), and refuses anything it would
// otherwise have to guess at.
const DECIMAL_INTEGER = /^[+-]?\d+$/;
/**
 * A whole number written in decimal digits: `0x10`, `50.5`, `1e2` and ` ` are refused, though `Number()`
 * would take each of them.
 */ function parseInteger(value, subject, range = {}) {
    const text = value.trim();
    const n = DECIMAL_INTEGER.test(text) ? Number(text) : Number.NaN;
    const bounds = [
        range.min !== undefined ? `≥ ${range.min}` : '',
        range.max !== undefined ? `≤ ${range.max}` : ''
    ].filter(Boolean).join(' and ');
    if (!Number.isSafeInteger(n) || range.min !== undefined && n < range.min || range.max !== undefined && n > range.max) {
        throw new InputError(subject, `"${value}" is not a whole number${bounds ? ` ${bounds}` : ''}`, `write it in decimal digits${bounds ? `, ${bounds}` : ''}`);
    }
    return n;
}
// YAML 1.2 core-schema booleans, the set @actions/core's getBooleanInput accepts.
const TRUE = [
    'true',
    'True',
    'TRUE'
];
const FALSE = [
    'false',
    'False',
    'FALSE'
];
/** `true` or `false` as YAML writes them; `yes`, `1` or `maybe` are refused rather than guessed. */ function parseBoolean(value, subject) {
    const text = value.trim();
    if (TRUE.includes(text)) return true;
    if (FALSE.includes(text)) return false;
    throw new InputError(subject, `"${value}" is not a boolean`, 'use true or false');
}
/** One of a fixed set of words. */ function parseChoice(value, subject, allowed) {
    const text = value.trim();
    if (!allowed.includes(text)) {
        throw new InputError(subject, `"${value}" is not one of ${allowed.join(', ')}`, `use ${allowed.join(' or ')}`);
    }
    return text;
}
/** The entries of a multi-line value, one per line, trimmed, blank lines dropped (as getMultilineInput). */ function splitLines(text) {
    return text.split(/\r?\n/).map((line)=>line.trim()).filter(Boolean);
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `KEY=VALUE` entries: everything after the first `=` is the value, commas and all (`JAVA_OPTS=-Xa,-Xb`).
 * The key must be a variable name.
 */ function parseKeyValues(entries, subject) {
    const pairs = {};
    for (const entry of entries){
        const at = entry.indexOf('=');
        const key = at < 0 ? entry : entry.slice(0, at);
        if (at < 1 || !ENV_NAME.test(key)) {
            throw new InputError(subject, `"${at < 0 ? entry : `${key}=…`}" is not KEY=VALUE with KEY a variable name`, 'write one KEY=VALUE per entry, e.g. LOG_LEVEL=debug');
        }
        pairs[key] = entry.slice(at + 1);
    }
    return pairs;
}
/** A release version, normalised (`v1.4.0` → `1.4.0`); build metadata refused (see parseVersion). */ function parseReleaseVersion(value, subject) {
    return canonicalVersion(value, subject);
}

export { parseChoice as a, parseInteger as b, parseReleaseVersion as c, parseBoolean as d, parseKeyValues as p, splitLines as s };

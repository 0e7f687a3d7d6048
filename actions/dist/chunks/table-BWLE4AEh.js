import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { p as parseDuration } from './duration-C-1UD4yS.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { c as canonicalVersion } from './queues-BMU_gztj.js';

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

// One table per command describes each option once: its neutral field name, the action input and the CLI flag
// that carry it, its default and its help. The action reads its inputs from it, the CLI builds its parseArgs
// options and --help from it, both name the option in errors from it, and a test checks action.yml against it.
function inputName(spec) {
    return spec.input === false ? undefined : spec.input ?? spec.field;
}
function flagName(spec) {
    return spec.flag === false ? undefined : spec.flag ?? spec.field;
}
/** The default the action applies: its own, else the shared one. */ function inputDefaultOf(spec) {
    return spec.inputDefault ?? spec.default;
}
/** How the action names a field in errors. */ function inputSubject(table) {
    return (field)=>{
        const spec = table.find((s)=>s.field === field);
        const name = spec ? inputName(spec) : undefined;
        return name ? `input "${name}"` : undefined;
    };
}
/** How the CLI names a field in errors: its flag, or the environment variable it reads instead. */ function flagSubject(table) {
    return (field)=>{
        const spec = table.find((s)=>s.field === field);
        const name = spec ? flagName(spec) : undefined;
        return name ? `--${name}` : spec?.env;
    };
}
/** node:util parseArgs options for the table's flags. */ function parseArgsOptions(table) {
    const options = {};
    for (const spec of table){
        const flag = flagName(spec);
        if (!flag) continue;
        const short = spec.short ? {
            short: spec.short
        } : {};
        const fallback = spec.flagDefault ?? spec.default;
        options[flag] = spec.kind === 'switch' ? {
            type: 'boolean',
            default: false,
            ...short
        } : {
            type: 'string',
            ...spec.kind === 'list' ? {
                multiple: true
            } : {},
            ...fallback !== undefined ? {
                default: fallback
            } : {},
            ...short
        };
    }
    return options;
}
/** parseArgs values (by flag) as the table's fields; a field the flag leaves unset comes from its `env`. */ function valuesByField(table, byFlag, env = {}) {
    const values = {};
    for (const spec of table){
        const flag = flagName(spec);
        const value = flag ? byFlag[flag] : undefined;
        values[spec.field] = value ?? (spec.env ? env[spec.env] : undefined);
    }
    return values;
}
/** The --help lines of the table's flags. */ function helpLines(table) {
    return table.filter((spec)=>flagName(spec) && (spec.help ?? spec.description)).map((spec)=>{
        const head = `  --${flagName(spec)}${spec.arg ? ` ${spec.arg}` : ''}`;
        const text = spec.help ?? spec.description ?? '';
        return head.length < 28 ? `${head.padEnd(28)}${text}` : `${head}   ${text}`;
    }).join('\n');
}
/** An optional text value; undefined when absent or empty. */ function textOf(values, field) {
    const value = values[field];
    if (typeof value !== 'string') return undefined;
    return value.trim() === '' ? undefined : value.trim();
}
function listOf(values, field) {
    const value = values[field];
    return Array.isArray(value) ? value : [];
}
function switchOf(values, field) {
    return values[field] === true;
}
/** A CLI switch, or the action's `true`/`false` text (anything else refused); `fallback` when neither is given. */ function booleanOf(values, field, fallback) {
    const value = values[field];
    if (typeof value === 'boolean') return value;
    const text = textOf(values, field);
    return text === undefined ? fallback : parseBoolean(text, field);
}
/** --json and --help, which every command takes (the action has neither). */ function outputFlags(json = 'print the result as JSON') {
    return [
        {
            field: 'json',
            kind: 'switch',
            input: false,
            help: json
        },
        {
            field: 'help',
            kind: 'switch',
            input: false,
            short: 'h'
        }
    ];
}
function durationOf(values, field) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseDuration(text, field);
}
/** A whole number within range, or undefined when not given. */ function integerOf(values, field, range) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseInteger(text, field, range);
}
function versionOf(values, field) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseReleaseVersion(text, field);
}

export { valuesByField as a, inputSubject as b, inputName as c, inputDefaultOf as d, splitLines as e, flagSubject as f, parseChoice as g, helpLines as h, integerOf as i, parseKeyValues as j, booleanOf as k, listOf as l, durationOf as m, parseInteger as n, outputFlags as o, parseArgsOptions as p, switchOf as s, textOf as t, versionOf as v };

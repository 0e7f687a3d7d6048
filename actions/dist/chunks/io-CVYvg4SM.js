import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { s as setFailed, d as debug, c as setSecret, g as getInput, f as setOutput, a as summary } from './core-BZnLh8et.js';
import { p as parseDuration } from './duration-BkClXdL9.js';
import { I as InputError, E as ExternalError } from './errors-Brz47dcM.js';

// The edge between GitHub Actions and the steps: inputs are read and validated here, outputs and the job
// summary written here. Steps never see @actions/core.
/** An optional input; `undefined` when empty. */ function optionalInput(name) {
    const value = getInput(name).trim();
    return value === '' ? undefined : value;
}
function requiredInput(name, fix) {
    const value = optionalInput(name);
    if (value === undefined) throw new InputError(`input "${name}"`, 'is required', fix);
    return value;
}
/** A secret input: masked in every later log line before anything can print it. */ function secretInput(name) {
    const value = optionalInput(name);
    if (value !== undefined) setSecret(value);
    return value;
}
function booleanInput(name, fallback) {
    const value = optionalInput(name);
    if (value === undefined) return fallback;
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    throw new InputError(`input "${name}"`, `"${value}" is not a boolean`, 'use true or false');
}
function numberInput(name, fallback, range = {}) {
    const value = optionalInput(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || range.min !== undefined && n < range.min || range.max !== undefined && n > range.max) {
        const bounds = [
            range.min !== undefined ? `≥ ${range.min}` : '',
            range.max !== undefined ? `≤ ${range.max}` : ''
        ].filter(Boolean).join(' and ');
        throw new InputError(`input "${name}"`, `"${value}" is not a number${bounds ? ` ${bounds}` : ''}`, 'fix the value');
    }
    return n;
}
function durationInput(name) {
    const value = optionalInput(name);
    return value === undefined ? undefined : parseDuration(value, `input "${name}"`);
}
/** One entry per line or comma-separated. */ function listInput(name) {
    return getInput(name).split(/[\n,]/).map((s)=>s.trim()).filter(Boolean);
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)){
        if (value !== undefined) setOutput(name, value);
    }
}
/** Appends to the job summary when the runner provides one (it does on GitHub; a laptop run has none). */ async function writeSummary(build) {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await build(summary).write();
}
/**
 * Runs an action body: a bad input or an outside failure fails the step with its message; anything else also
 * fails it, with the stack in the debug log.
 */ async function runAction(body) {
    try {
        await body();
    } catch (err) {
        if (err instanceof InputError || err instanceof ExternalError) {
            setFailed(err.message);
            return;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        debug(error.stack ?? error.message);
        setFailed(`unexpected error: ${error.message}`);
    }
}

export { requiredInput as a, setOutputs as b, booleanInput as c, durationInput as d, listInput as l, numberInput as n, optionalInput as o, runAction as r, secretInput as s, writeSummary as w };

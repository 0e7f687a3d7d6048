import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { s as setFailed, d as debug, b as setOutput, a as summary, g as getInput, c as setSecret } from './core-almxvjU4.js';
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { b as inputSubject, c as inputName, d as inputDefaultOf, e as splitLines } from './table-BWLE4AEh.js';

// The edge between GitHub Actions and the steps: inputs are read and validated here, outputs and the job
// summary written here. Steps never see @actions/core.
/** An optional input; `undefined` when empty. */ function optionalInput(name) {
    const value = getInput(name).trim();
    return value === '' ? undefined : value;
}
/** A secret input: masked in every later log line before anything can print it. */ function secretInput(name) {
    const value = optionalInput(name);
    if (value !== undefined) setSecret(value);
    return value;
}
/**
 * One entry per line (as getMultilineInput): commas belong to the entry, so a glob like
 * `histories/{a,b}/*.json` or a value like `JAVA_OPTS=-Xa,-Xb` stays whole.
 */ function listInput(name) {
    return splitLines(getInput(name));
}
/** The table's inputs by field (secrets masked first); the table's defaults apply where action.yml's did not. */ function readInputs(table) {
    const values = {};
    for (const spec of table){
        const name = inputName(spec);
        if (!name) continue;
        if (spec.kind === 'list') values[spec.field] = listInput(name);
        else values[spec.field] = (spec.secret ? secretInput(name) : optionalInput(name)) ?? inputDefaultOf(spec);
    }
    return values;
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
 * fails it, with the stack in the debug log. A field-named error (see InputError.named) names the action's input,
 * as `table` calls it.
 */ async function runAction(body, table = []) {
    try {
        await body();
    } catch (err) {
        if (err instanceof InputError) {
            setFailed(err.named(inputSubject(table), (field)=>`input "${field}"`).message);
            return;
        }
        if (err instanceof ExternalError) {
            setFailed(err.message);
            return;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        debug(error.stack ?? error.message);
        setFailed(`unexpected error: ${error.message}`);
    }
}

export { readInputs as a, secretInput as b, optionalInput as o, runAction as r, setOutputs as s, writeSummary as w };

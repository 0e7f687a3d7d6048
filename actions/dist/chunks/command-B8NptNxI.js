import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { p as parseArgsOptions, a as valuesByField, f as flagSubject } from './table-BWLE4AEh.js';

// How every command starts: parse the flags (unknown ones refused), print --help and stop, or run the body with
// the values. A command with an option table also says every option-field error with its own flag names.
/**
 * Runs a command whose options come from `table`: `body` gets the values by field and the positionals; an
 * InputError it throws names the CLI's flags (`--step`, not the action's `ramp-step`).
 */ async function runTableCommand(argv, table, help, body, allowPositionals = false) {
    const { values, positionals } = parseArgs({
        args: argv,
        options: parseArgsOptions(table),
        strict: true,
        allowPositionals
    });
    const byField = valuesByField(table, values, process.env);
    if (byField.help === true) {
        console.log(help);
        return 0;
    }
    return withFlagNames(table, ()=>body(byField, positionals));
}
/** Runs `body`; an InputError it throws names the fields of `table` (and any ⟨field⟩) as the CLI's flags. */ async function withFlagNames(table, body) {
    try {
        return await body();
    } catch (err) {
        if (err instanceof InputError) throw err.named(flagSubject(table), (field)=>`--${field}`);
        throw err;
    }
}

export { runTableCommand as r };

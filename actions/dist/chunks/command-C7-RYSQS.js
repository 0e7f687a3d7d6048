import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { I as InputError } from './errors-5XkxSMbp.js';
import { c as parseArgsOptions, v as valuesByField, f as flagSubject } from './table-CAmxcAk9.js';

// How every command starts: parse the flags (unknown ones refused), print --help and stop, or run the body with
// the values. A command with an option table also says every option-field error with its own flag names.
/** --json and --help, which every command takes. */ const OUTPUT_SWITCHES = {
    json: {
        type: 'boolean',
        default: false
    },
    help: {
        type: 'boolean',
        short: 'h',
        default: false
    }
};
/** The flags' values, or undefined after --help was printed (the command then exits 0). */ function parseCommand(argv, options, help) {
    const { values } = parseArgs({
        args: argv,
        options,
        strict: true
    });
    if (values.help) {
        console.log(help);
        return undefined;
    }
    return values;
}
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
    const byField = valuesByField(table, values);
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

export { OUTPUT_SWITCHES as O, parseCommand as p, runTableCommand as r, withFlagNames as w };

// How every command starts: parse the flags (unknown ones refused), print --help and stop, or run the body with
// the values. A command with an option table also says every option-field error with its own flag names.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../core/errors.js';
import {
  flagSubject,
  type OptionTable,
  type OptionValues,
  parseArgsOptions,
  valuesByField,
} from '../options/table.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** --json and --help, which every command takes. */
export const OUTPUT_SWITCHES = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The flags' values, or undefined after --help was printed (the command then exits 0). */
export function parseCommand<O extends Options>(
  argv: string[],
  options: O,
  help: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>['values'] | undefined {
  const { values } = parseArgs({ args: argv, options, strict: true });
  if ((values as { help?: boolean }).help) {
    console.log(help);
    return undefined;
  }
  return values;
}

/**
 * Runs a command whose options come from `table`: `body` gets the values by field and the positionals; an
 * InputError it throws names the CLI's flags (`--step`, not the action's `ramp-step`).
 */
export async function runTableCommand(
  argv: string[],
  table: OptionTable,
  help: string,
  body: (values: OptionValues, positionals: string[]) => Promise<number>,
  allowPositionals = false,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: parseArgsOptions(table),
    strict: true,
    allowPositionals,
  });
  const byField = valuesByField(table, values, process.env);
  if (byField.help === true) {
    console.log(help);
    return 0;
  }
  return withFlagNames(table, () => body(byField, positionals));
}

/** Runs `body`; an InputError it throws names the fields of `table` (and any ⟨field⟩) as the CLI's flags. */
export async function withFlagNames<T>(table: OptionTable, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof InputError) throw err.named(flagSubject(table), (field) => `--${field}`);
    throw err;
  }
}

// One table per command describes each option once: its neutral field name, the action input and the CLI flag
// that carry it, its default and its help. The action reads its inputs from it, the CLI builds its parseArgs
// options and --help from it, both name the option in errors from it, and a test checks action.yml against it.
import { parseDuration } from '../core/duration.js';
import { parseBoolean, parseInteger, parseReleaseVersion } from '../core/inputs.js';

/** `text`: one value; `list`: one per line (action) or a repeatable flag (CLI); `switch`: a CLI boolean. */
export type OptionKind = 'text' | 'list' | 'switch';

export interface OptionSpec {
  /** The neutral name steps and parsers use in errors (see InputError.named). */
  field: string;
  kind?: OptionKind;
  /** The action input (default: the field); false when the action has none. */
  input?: string | false;
  /** The CLI flag without `--` (default: the field); false when the CLI has none. */
  flag?: string | false;
  /** Its description in action.yml. */
  description?: string;
  /** Its line in the CLI's --help (default: the description); the flag's argument goes first, e.g. `FILE …`. */
  help?: string;
  /** The placeholder after the flag in --help, e.g. `FILE`. */
  arg?: string;
  /** The default both front ends apply (action.yml states it too). */
  default?: string;
  /** The action's default where the CLI has none or another (action.yml states it; readInputs applies it). */
  inputDefault?: string;
  /** The CLI's default where the action has none or another. */
  flagDefault?: string;
  /** Masked in the action's log (the CLI takes secrets from the environment only, so there is no flag). */
  secret?: boolean;
  /** The environment variable the CLI reads it from instead of a flag (a secret), named so in its errors. */
  env?: string;
  short?: string;
}

export type OptionTable = readonly OptionSpec[];

/** What the front end read, by field: the text, the lines, or a switch. */
export type OptionValues = Record<string, string | string[] | boolean | undefined>;

export function inputName(spec: OptionSpec): string | undefined {
  return spec.input === false ? undefined : (spec.input ?? spec.field);
}

export function flagName(spec: OptionSpec): string | undefined {
  return spec.flag === false ? undefined : (spec.flag ?? spec.field);
}

/** The default the action applies: its own, else the shared one. */
export function inputDefaultOf(spec: OptionSpec): string | undefined {
  return spec.inputDefault ?? spec.default;
}

/** How the action names a field in errors. */
export function inputSubject(table: OptionTable): (field: string) => string | undefined {
  return (field) => {
    const spec = table.find((s) => s.field === field);
    const name = spec ? inputName(spec) : undefined;
    return name ? `input "${name}"` : undefined;
  };
}

/** How the CLI names a field in errors: its flag, or the environment variable it reads instead. */
export function flagSubject(table: OptionTable): (field: string) => string | undefined {
  return (field) => {
    const spec = table.find((s) => s.field === field);
    const name = spec ? flagName(spec) : undefined;
    return name ? `--${name}` : spec?.env;
  };
}

type ParseArgsOption =
  | { type: 'string'; multiple?: boolean; default?: string; short?: string }
  | { type: 'boolean'; default?: boolean; short?: string };

/** node:util parseArgs options for the table's flags. */
export function parseArgsOptions(table: OptionTable): Record<string, ParseArgsOption> {
  const options: Record<string, ParseArgsOption> = {};
  for (const spec of table) {
    const flag = flagName(spec);
    if (!flag) continue;
    const short = spec.short ? { short: spec.short } : {};
    const fallback = spec.flagDefault ?? spec.default;
    options[flag] =
      spec.kind === 'switch'
        ? { type: 'boolean', default: false, ...short }
        : {
            type: 'string',
            ...(spec.kind === 'list' ? { multiple: true } : {}),
            ...(fallback !== undefined ? { default: fallback } : {}),
            ...short,
          };
  }
  return options;
}

/** parseArgs values (by flag) as the table's fields; a field the flag leaves unset comes from its `env`. */
export function valuesByField(
  table: OptionTable,
  byFlag: Record<string, unknown>,
  env: Record<string, string | undefined> = {},
): OptionValues {
  const values: OptionValues = {};
  for (const spec of table) {
    const flag = flagName(spec);
    const value = flag ? (byFlag[flag] as OptionValues[string]) : undefined;
    values[spec.field] = value ?? (spec.env ? env[spec.env] : undefined);
  }
  return values;
}

/** The --help lines of the table's flags. */
export function helpLines(table: OptionTable): string {
  return table
    .filter((spec) => flagName(spec) && (spec.help ?? spec.description))
    .map((spec) => {
      const head = `  --${flagName(spec)}${spec.arg ? ` ${spec.arg}` : ''}`;
      const text = spec.help ?? spec.description ?? '';
      return head.length < 28 ? `${head.padEnd(28)}${text}` : `${head}   ${text}`;
    })
    .join('\n');
}

/** An optional text value; undefined when absent or empty. */
export function textOf(values: OptionValues, field: string): string | undefined {
  const value = values[field];
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value.trim();
}

export function listOf(values: OptionValues, field: string): string[] {
  const value = values[field];
  return Array.isArray(value) ? value : [];
}

export function switchOf(values: OptionValues, field: string): boolean {
  return values[field] === true;
}

/** A CLI switch, or the action's `true`/`false` text (anything else refused); `fallback` when neither is given. */
export function booleanOf(values: OptionValues, field: string, fallback: boolean): boolean {
  const value = values[field];
  if (typeof value === 'boolean') return value;
  const text = textOf(values, field);
  return text === undefined ? fallback : parseBoolean(text, field);
}

/** --json and --help, which every command takes (the action has neither). */
export function outputFlags(json = 'print the result as JSON'): OptionTable {
  return [
    { field: 'json', kind: 'switch', input: false, help: json },
    { field: 'help', kind: 'switch', input: false, short: 'h' },
  ];
}

export function durationOf(values: OptionValues, field: string): number | undefined {
  const text = textOf(values, field);
  return text === undefined ? undefined : parseDuration(text, field);
}

/** A whole number within range, or undefined when not given. */
export function integerOf(
  values: OptionValues,
  field: string,
  range: { min?: number; max?: number },
): number | undefined {
  const text = textOf(values, field);
  return text === undefined ? undefined : parseInteger(text, field, range);
}

export function versionOf(values: OptionValues, field: string): string | undefined {
  const text = textOf(values, field);
  return text === undefined ? undefined : parseReleaseVersion(text, field);
}

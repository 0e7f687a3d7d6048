// The edge between GitHub Actions and the steps: inputs are read and validated here, outputs and the job
// summary written here. Steps never see @actions/core.
import * as core from '@actions/core';
import { ExternalError, InputError } from '../core/errors.js';
import { splitLines } from '../core/inputs.js';
import {
  inputDefaultOf,
  inputName,
  inputSubject,
  type OptionTable,
  type OptionValues,
} from '../options/table.js';

/** An optional input; `undefined` when empty. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

/** A secret input: masked in every later log line before anything can print it. */
export function secretInput(name: string): string | undefined {
  const value = optionalInput(name);
  if (value !== undefined) core.setSecret(value);
  return value;
}

/**
 * One entry per line (as getMultilineInput): commas belong to the entry, so a glob like
 * `histories/{a,b}/*.json` or a value like `JAVA_OPTS=-Xa,-Xb` stays whole.
 */
export function listInput(name: string): string[] {
  return splitLines(core.getInput(name));
}

/** The table's inputs by field (secrets masked first); the table's defaults apply where action.yml's did not. */
export function readInputs(table: OptionTable): OptionValues {
  const values: OptionValues = {};
  for (const spec of table) {
    const name = inputName(spec);
    if (!name) continue;
    if (spec.kind === 'list') values[spec.field] = listInput(name);
    else values[spec.field] = (spec.secret ? secretInput(name) : optionalInput(name)) ?? inputDefaultOf(spec);
  }
  return values;
}

export function setOutputs(outputs: Record<string, string | number | boolean | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, value);
  }
}

/** Appends to the job summary when the runner provides one (it does on GitHub; a laptop run has none). */
export async function writeSummary(
  build: (summary: typeof core.summary) => typeof core.summary,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await build(core.summary).write();
}

/**
 * Runs an action body: a bad input or an outside failure fails the step with its message; anything else also
 * fails it, with the stack in the debug log. A field-named error (see InputError.named) names the action's input,
 * as `table` calls it.
 */
export async function runAction(body: () => Promise<void>, table: OptionTable = []): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof InputError) {
      core.setFailed(err.named(inputSubject(table), (field) => `input "${field}"`).message);
      return;
    }
    if (err instanceof ExternalError) {
      core.setFailed(err.message);
      return;
    }
    const error = err instanceof Error ? err : new Error(String(err));
    core.debug(error.stack ?? error.message);
    core.setFailed(`unexpected error: ${error.message}`);
  }
}

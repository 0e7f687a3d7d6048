// The edge between GitHub Actions and the steps: inputs are read and validated here, outputs and the job
// summary written here. Steps never see @actions/core.
import * as core from '@actions/core';
import { parseDuration } from '../core/duration.js';
import { ExternalError, InputError } from '../core/errors.js';

/** An optional input; `undefined` when empty. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

export function requiredInput(name: string, fix: string): string {
  const value = optionalInput(name);
  if (value === undefined) throw new InputError(`input "${name}"`, 'is required', fix);
  return value;
}

/** A secret input: masked in every later log line before anything can print it. */
export function secretInput(name: string): string | undefined {
  const value = optionalInput(name);
  if (value !== undefined) core.setSecret(value);
  return value;
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new InputError(`input "${name}"`, `"${value}" is not a boolean`, 'use true or false');
}

export function numberInput(
  name: string,
  fallback: number,
  range: { min?: number; max?: number } = {},
): number {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (
    !Number.isFinite(n) ||
    (range.min !== undefined && n < range.min) ||
    (range.max !== undefined && n > range.max)
  ) {
    const bounds = [
      range.min !== undefined ? `≥ ${range.min}` : '',
      range.max !== undefined ? `≤ ${range.max}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new InputError(
      `input "${name}"`,
      `"${value}" is not a number${bounds ? ` ${bounds}` : ''}`,
      'fix the value',
    );
  }
  return n;
}

export function durationInput(name: string): number | undefined {
  const value = optionalInput(name);
  return value === undefined ? undefined : parseDuration(value, `input "${name}"`);
}

/** One entry per line or comma-separated. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
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
 * fails it, with the stack in the debug log.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof InputError || err instanceof ExternalError) {
      core.setFailed(err.message);
      return;
    }
    const error = err instanceof Error ? err : new Error(String(err));
    core.debug(error.stack ?? error.message);
    core.setFailed(`unexpected error: ${error.message}`);
  }
}

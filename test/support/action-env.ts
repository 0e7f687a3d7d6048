// Runs an action's entry function in this process the way the runner would: INPUT_* env, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files; returns what it wrote and logged, and whether it failed the step.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vi } from 'vitest';
import { parseOutputFile } from './run-action.js';

/** What an action run in this process left (see run-action.ts for a bundled action in its own process). */
export interface InProcessActionRun {
  failed: boolean;
  outputs: Record<string, string>;
  /** Everything written to stdout (workflow commands such as ::error:: included). */
  log: string;
  summary: string;
}

/** Sets INPUT_* the way the runner does, plus the output and summary files; returns what the action wrote. */
export async function runAs(
  action: () => Promise<void>,
  dir: string,
  inputs: Record<string, string>,
): Promise<InProcessActionRun> {
  const output = join(dir, `output-${Date.now()}`);
  const summary = join(dir, `summary-${Date.now()}`);
  await writeFile(output, '');
  await writeFile(summary, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  let log = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  });
  try {
    await action();
  } finally {
    stdout.mockRestore();
    vi.unstubAllEnvs();
  }
  const failed = process.exitCode === 1;
  process.exitCode = undefined;
  const outputs = parseOutputFile(await readFile(output, 'utf8'));
  return { failed, outputs, log, summary: await readFile(summary, 'utf8') };
}

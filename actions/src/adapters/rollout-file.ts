import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { RolloutConfig } from '../core/rollout-config.js';

async function readConfigFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`,
      'pass the path of your rollout.yaml (⟨config⟩)',
    );
  }
}

/** Reads and validates rollout.yaml (or the file the user named), parsed once into the typed config. */
export async function loadRolloutConfig(path: string): Promise<RolloutConfig> {
  const text = await readConfigFile(path);
  // The YAML parser and schema validator load only once there is a file to read.
  const { parseRolloutConfig } = await import('../core/rollout-config.js');
  return parseRolloutConfig(text, path);
}

/**
 * The `analysis:` section of rollout.yaml or of a file that holds only that section (the analyze step takes
 * either), as written, so overrides apply before it is parsed; undefined when the file has none.
 */
export async function loadAnalysisSection(path: string): Promise<Record<string, unknown> | undefined> {
  const text = await readConfigFile(path);
  const { analysisSectionOf } = await import('../core/rollout-config.js');
  return analysisSectionOf(text, path);
}

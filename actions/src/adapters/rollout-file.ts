import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { RolloutConfig } from '../core/rollout-config.js';

/** Reads and validates rollout.yaml (or the file the user named). */
export async function loadRolloutConfig(path: string): Promise<RolloutConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`,
      'pass the path of your rollout.yaml (input "config" / --config)',
    );
  }
  // The YAML parser and schema validator load only once there is a file to read.
  const { parseRolloutConfig } = await import('../core/rollout-config.js');
  return parseRolloutConfig(text, path);
}

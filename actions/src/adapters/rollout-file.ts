import { readFile } from 'node:fs/promises';
import { DEFAULTS } from '../core/defaults.js';
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
 * rollout.yaml, or a file that holds only an `analysis:` section (the analyze step takes either), read once: its
 * analysis section as written (so overrides apply before it is parsed), and the typed config from the same text
 * when asked (a file with only the section fails there).
 */
export interface RolloutFile {
  path: string;
  /** Undefined when the file has no `analysis:` section. */
  analysis: Record<string, unknown> | undefined;
  config(): RolloutConfig;
  /** rollout.yaml's `temporal.namespace` (its default when unset); the default for a file with only `analysis:`. */
  namespace(): string;
}

export async function readRolloutFile(path: string): Promise<RolloutFile> {
  const text = await readConfigFile(path);
  const { analysisSectionOf, parseRolloutConfig, readYaml } = await import('../core/rollout-config.js');
  let config: RolloutConfig | undefined;
  const typed = () => {
    config ??= parseRolloutConfig(text, path);
    return config;
  };
  const doc = readYaml(text, path);
  const analysisOnly =
    typeof doc === 'object' && doc !== null && Object.keys(doc).every((key) => key === 'analysis');
  return {
    path,
    analysis: analysisSectionOf(text, path),
    config: typed,
    namespace: () => (analysisOnly ? DEFAULTS.namespace : typed().temporal.namespace),
  };
}

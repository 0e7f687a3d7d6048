// The CLI's secrets for replay, capture and doctor: PEM files the flags name, the codec key from the environment variable
// --codec-key-env names, the API key from TEMPORAL_API_KEY. None is ever taken from argv.
import { parseCodecKey } from '../adapters/history-codec.js';
import { readInputFile } from '../adapters/input-file.js';
import { InputError } from '../core/errors.js';
import type { Secrets } from '../options/histories.js';
import { type OptionValues, textOf } from '../options/table.js';

/** `keyRequired`: a --codec-key-env naming an unset variable is an error (else: no key). */
export async function flagSecrets(values: OptionValues, keyRequired: boolean): Promise<Secrets> {
  const [cert, key, ca] = await Promise.all(
    ['tls-cert', 'tls-key', 'tls-ca'].map((field) => readInputFile(textOf(values, field), field)),
  );
  const keyEnv = textOf(values, 'codec-key');
  const keyText = keyEnv ? process.env[keyEnv] : undefined;
  if (keyEnv && !keyText && keyRequired)
    throw new InputError(`⟨codec-key⟩ ${keyEnv}`, 'names an unset variable', 'export it, or drop the option');
  const apiKey = process.env.TEMPORAL_API_KEY || undefined;
  return {
    tls: { ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(ca ? { ca } : {}) },
    ...(apiKey ? { apiKey } : {}),
    ...(keyText ? { codecKey: parseCodecKey(keyText, `env ${keyEnv}`) } : {}),
  };
}

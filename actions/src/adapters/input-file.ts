import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/**
 * A file a flag names (a certificate, a key): undefined when the flag is absent, an InputError naming the flag
 * when it cannot be read. The error never quotes the file's content.
 */
export async function readInputFile(path: string | undefined, subject: string): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      subject,
      `cannot read ${path} (${code === 'ENOENT' ? 'it does not exist' : code})`,
      'pass the path of a readable file',
    );
  }
}

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { I as InputError } from './errors-5XkxSMbp.js';

/**
 * A file a flag names (a certificate, a key): undefined when the flag is absent, an InputError naming the flag
 * when it cannot be read. The error never quotes the file's content.
 */ async function readInputFile(path, subject) {
    if (path === undefined) return undefined;
    try {
        return await readFile(path, 'utf8');
    } catch (err) {
        const code = err.code;
        throw new InputError(subject, `cannot read ${path} (${code === 'ENOENT' ? 'it does not exist' : code})`, 'pass the path of a readable file');
    }
}

export { readInputFile as r };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as parseCodecKey } from './history-codec-JxvfVN6M.js';
import { readFile } from 'node:fs/promises';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { t as textOf } from './table-BWLE4AEh.js';

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

// The CLI's secrets for replay, capture and doctor: PEM files the flags name, the codec key from the environment variable
// --codec-key-env names, the API key from TEMPORAL_API_KEY. None is ever taken from argv.
/** `keyRequired`: a --codec-key-env naming an unset variable is an error (else: no key). */ async function flagSecrets(values, keyRequired) {
    const [cert, key, ca] = await Promise.all([
        'tls-cert',
        'tls-key',
        'tls-ca'
    ].map((field)=>readInputFile(textOf(values, field), field)));
    const keyEnv = textOf(values, 'codec-key');
    const keyText = keyEnv ? process.env[keyEnv] : undefined;
    if (keyEnv && !keyText && keyRequired) throw new InputError(`⟨codec-key⟩ ${keyEnv}`, 'names an unset variable', 'export it, or drop the option');
    const apiKey = process.env.TEMPORAL_API_KEY || undefined;
    return {
        tls: {
            ...cert ? {
                cert
            } : {},
            ...key ? {
                key
            } : {},
            ...ca ? {
                ca
            } : {}
        },
        ...apiKey ? {
            apiKey
        } : {},
        ...keyText ? {
            codecKey: parseCodecKey(keyText, `env ${keyEnv}`)
        } : {}
    };
}

export { flagSecrets as f };

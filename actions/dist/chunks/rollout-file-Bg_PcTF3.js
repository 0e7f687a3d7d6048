import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { I as InputError } from './errors-Bt1yA7Sc.js';

/** Reads and validates rollout.yaml (or the file the user named). */ async function loadRolloutConfig(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    } catch (err) {
        const code = err.code;
        throw new InputError(path, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`, 'pass the path of your rollout.yaml (input "config" / --config)');
    }
    // The YAML parser and schema validator load only once there is a file to read.
    const { parseRolloutConfig } = await import('./rollout-config-CTW18fpN.js');
    return parseRolloutConfig(text, path);
}

export { loadRolloutConfig as l };

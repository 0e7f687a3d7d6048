import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { a as parseChoice } from './table-CAmxcAk9.js';

// The builders a user may name, parsed where inputs are read (before the builders themselves are loaded).
const BUILDERS = [
    'auto',
    'buildah',
    'podman',
    'docker'
];
function parseBuilder(value, subject = 'input "builder"') {
    return parseChoice(value, subject, BUILDERS);
}

export { parseBuilder as p };

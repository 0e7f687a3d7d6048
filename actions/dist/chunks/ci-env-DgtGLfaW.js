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

/**
 * What a GitHub Actions job says about the build through its environment (GITHUB_*). Read by the front ends
 * only (the action, and the CLI when it runs in a job), so the build step itself reads no environment.
 */ function ciBuildContext(env) {
    return {
        ...env.GITHUB_SHA ? {
            sha: env.GITHUB_SHA
        } : {},
        ...env.GITHUB_REF ? {
            ref: env.GITHUB_REF
        } : {},
        ...env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? {
            sourceUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        } : {},
        actionsCache: env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RUNTIME_TOKEN)
    };
}

export { ciBuildContext as c, parseBuilder as p };

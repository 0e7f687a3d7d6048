import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';

// What the capture step takes, and the checks a front end runs on it before the step (and the Temporal
// client) is loaded.
/** Workflow type names only: each becomes a directory and a visibility query. */ function checkWorkflowTypes(types, subject) {
    for (const type of types){
        if (!/^[\w.-]+$/.test(type)) {
            throw new InputError(subject, `"${type}" is not a workflow type name`, 'use letters, digits, _, . or -');
        }
    }
}

export { checkWorkflowTypes as c };

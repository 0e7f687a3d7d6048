import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/**
 * A problem with what the user gave us: an input, a file or a field. The message names the thing and the fix,
 * and the step stops before it changes anything.
 */ class InputError extends Error {
    constructor(/** The input, file or field at fault, e.g. `input "histories"` or `rollout.yaml: strategy.steps[1]`. */ subject, problem, /** What to do about it. */ fix){
        super(`${subject}: ${problem}${fix ? ` — ${fix}` : ''}`), this.subject = subject, this.fix = fix, this.name = 'InputError';
    }
}
/** Something outside us (a server, a tool) failed; the message says which and how to retry. */ class ExternalError extends Error {
    constructor(system, message, options){
        super(`${system}: ${message}`, options), this.system = system, this.name = 'ExternalError';
    }
}

export { ExternalError as E, InputError as I };

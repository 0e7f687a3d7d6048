import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/**
 * A problem with what the user gave us: an input, a file or a field. The message names the thing and the fix,
 * and the step stops before it changes anything.
 *
 * Steps and parsers shared by the action and the CLI name an option by its neutral field name: the subject is
 * the bare field (`kubeconfig`), and another option named in the problem or the fix is written `⟨field⟩`. Each
 * front end calls `named` to speak of its own input or flag (`input "kubeconfig"`, `--kubeconfig`).
 */ class InputError extends Error {
    constructor(/**
     * The field, file or value at fault, e.g. `histories`, `histories: ../*.json` (a field and the entry in it)
     * or `rollout.yaml: strategy.steps[1]`.
     */ subject, problem, /** What to do about it. */ fix){
        super(`${fill(subject, (f)=>f)}: ${fill(problem, (f)=>f)}${fix ? ` — ${fill(fix, (f)=>f)}` : ''}`), this.subject = subject, this.problem = problem, this.fix = fix, this.name = 'InputError';
    }
    /**
   * The same error as a front end says it: `nameOf(field)` gives its name for a field of its option table
   * (undefined for any other subject), and `placeholder` names a `⟨field⟩` outside the table.
   */ named(nameOf, placeholder) {
        const name = (f)=>nameOf(f) ?? placeholder(f);
        const renamed = new InputError(namedSubject(this.subject, nameOf, name), fill(this.problem, name), this.fix === undefined ? undefined : fill(this.fix, name));
        renamed.stack = this.stack;
        return renamed;
    }
}
/**
 * A field (`histories`), a field and what in it is at fault (`histories: ../*.json`), or fields together
 * (`⟨workflows⟩ / ⟨bundle⟩`), as a front end names them.
 */ function namedSubject(subject, nameOf, name) {
    const whole = nameOf(subject);
    if (whole) return whole;
    const part = /^([a-z][a-z0-9-]*): (.*)$/s.exec(subject);
    const head = part?.[1] ? nameOf(part[1]) : undefined;
    return head ? `${head}: ${part?.[2]}` : fill(subject, name);
}
function fill(text, name) {
    return text.replace(/⟨([a-z][a-z0-9-]*)⟩/g, (_, field)=>name(field));
}
/** Something outside us (a server, a tool) failed; the message says which and how to retry. */ class ExternalError extends Error {
    constructor(system, message, options){
        super(`${system}: ${message}`, options), this.system = system, this.name = 'ExternalError';
    }
}

export { ExternalError as E, InputError as I };

/**
 * A problem with what the user gave us: an input, a file or a field. The message names the thing and the fix,
 * and the step stops before it changes anything.
 *
 * Steps and parsers shared by the action and the CLI name an option by its neutral field name: the subject is
 * the bare field (`kubeconfig`), and another option named in the problem or the fix is written `⟨field⟩`. Each
 * front end calls `named` to speak of its own input or flag (`input "kubeconfig"`, `--kubeconfig`).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /**
     * The field, file or value at fault, e.g. `histories`, `histories: ../*.json` (a field and the entry in it)
     * or `rollout.yaml: strategy.steps[1]`.
     */
    readonly subject: string,
    readonly problem: string,
    /** What to do about it. */
    readonly fix?: string,
  ) {
    super(`${fill(subject, (f) => f)}: ${fill(problem, (f) => f)}${fix ? ` — ${fill(fix, (f) => f)}` : ''}`);
  }

  /**
   * The same error as a front end says it: `nameOf(field)` gives its name for a field of its option table
   * (undefined for any other subject), and `placeholder` names a `⟨field⟩` outside the table.
   */
  named(nameOf: (field: string) => string | undefined, placeholder: (field: string) => string): InputError {
    const name = (f: string) => nameOf(f) ?? placeholder(f);
    const renamed = new InputError(
      namedSubject(this.subject, nameOf, name),
      fill(this.problem, name),
      this.fix === undefined ? undefined : fill(this.fix, name),
    );
    renamed.stack = this.stack;
    return renamed;
  }
}

/**
 * A field (`histories`), a field and what in it is at fault (`histories: ../*.json`), or fields together
 * (`⟨workflows⟩ / ⟨bundle⟩`), as a front end names them.
 */
function namedSubject(
  subject: string,
  nameOf: (field: string) => string | undefined,
  name: (field: string) => string,
): string {
  const whole = nameOf(subject);
  if (whole) return whole;
  const part = /^([a-z][a-z0-9-]*): (.*)$/s.exec(subject);
  const head = part?.[1] ? nameOf(part[1]) : undefined;
  return head ? `${head}: ${part?.[2]}` : fill(subject, name);
}

function fill(text: string, name: (field: string) => string): string {
  return text.replace(/⟨([a-z][a-z0-9-]*)⟩/g, (_, field: string) => name(field));
}

/** Something outside us (a server, a tool) failed; the message says which and how to retry. */
export class ExternalError extends Error {
  override readonly name = 'ExternalError';
  constructor(
    readonly system: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${system}: ${message}`, options);
  }
}

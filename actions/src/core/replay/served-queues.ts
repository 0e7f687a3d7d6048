// The task queues one worker serves, as the replay gate needs them: to tell a live run of a workflow type the new
// code does not export that belongs to another worker (its queue is not one of these) from one of this worker's
// own runs that the new code would strand (its queue is).
import { escapeRegExp } from '../escape-regexp.js';
import { OWN_QUEUE_TEMPLATE } from '../rollout/queues.js';
import type { QueueSpec } from '../rollout-config.js';

/** What a version placeholder of a queue template stands for in a queue name. */
const VERSION_PARTS: Record<string, string> = {
  '{major}': '\\d+',
  '{minor}': '\\d+',
  '{patch}': '\\d+',
  '{version}': '\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?',
};

/** One family of queue names: a base alone, or a template with the base filled in (`order-task-queue-v{major}`). */
interface QueuePattern {
  /** As a person reads it: the template with `{base}` filled in. */
  text: string;
  match: RegExp;
  /** The literal start every name of the family shares; the whole name when it has no version placeholder. */
  prefix: string;
  exact: boolean;
}

function patternOf(template: string, base: string): QueuePattern {
  const parts = template.split(/(\{[a-z]+\})/).filter((part) => part !== '');
  let source = '';
  let prefix = '';
  let exact = true;
  for (const part of parts) {
    const literal = part === '{base}' ? base : VERSION_PARTS[part] === undefined ? part : undefined;
    if (literal === undefined) exact = false;
    else if (exact) prefix += literal;
    source += literal === undefined ? VERSION_PARTS[part] : escapeRegExp(literal);
  }
  return { text: template.replaceAll('{base}', base), match: new RegExp(`^${source}$`), prefix, exact };
}

/** A name that can stand inside a visibility query's double quotes as it is. */
const QUOTABLE = /^[^"\\]+$/;

/**
 * The queues of each spec: its base (a stable queue from before any versioned release, and every build's queue
 * under worker versioning), the names its template gives any version, and `{base}-v{version}` (a release whose
 * template gives stable's queue under a new-queue verdict; see the task-queue strategy).
 */
export class ServedQueues {
  private readonly patterns: QueuePattern[];

  constructor(readonly specs: readonly QueueSpec[]) {
    const patterns = new Map<string, QueuePattern>();
    for (const { base, template } of specs)
      for (const t of ['{base}', template, OWN_QUEUE_TEMPLATE]) {
        const pattern = patternOf(t, base);
        if (!patterns.has(pattern.text)) patterns.set(pattern.text, pattern);
      }
    this.patterns = [...patterns.values()];
  }

  serves(queue: string): boolean {
    return this.patterns.some((p) => p.match.test(queue));
  }

  /** `order-task-queue, order-task-queue-v{major}, order-task-queue-v{version}` */
  describe(): string {
    return this.list().join(', ');
  }

  list(): string[] {
    return this.patterns.map((p) => p.text);
  }

  /**
   * A visibility filter (`TaskQueue = … OR TaskQueue STARTS_WITH …`) that every served queue matches, or
   * undefined when none can be written (a template that starts with a version, a name with a quote). It may
   * match more (STARTS_WITH "order-task-queue-v" also matches `order-task-queue-vx`): `serves` still decides.
   */
  visibilityFilter(): string | undefined {
    const clauses = new Set<string>();
    for (const { prefix, exact } of this.patterns) {
      if (prefix === '' || !QUOTABLE.test(prefix)) return undefined;
      clauses.add(exact ? `TaskQueue = "${prefix}"` : `TaskQueue STARTS_WITH "${prefix}"`);
    }
    return clauses.size === 0 ? undefined : [...clauses].join(' OR ');
  }
}

import { ExternalError } from '../core/errors.js';
import type { KubectlOutput, KubectlRunner } from './state-configmap.js';

/** One question for the API server: may the current identity `verb` `resource` (in `namespace`, or cluster-wide)? */
export interface AccessQuestion {
  verb: string;
  /** Plural resource, optionally with a subresource: `deployments`, `pods/exec`. */
  resource: string;
  group?: string;
  /** Omitted: cluster-wide (every namespace, or a cluster-scoped resource). */
  namespace?: string;
}

export interface AccessAnswer extends AccessQuestion {
  allowed: boolean;
}

/** `verb group/resource in ns` for messages. */
export function describeAccess(q: AccessQuestion): string {
  const resource = q.group ? `${q.resource}.${q.group}` : q.resource;
  return `${q.verb} ${resource} ${q.namespace ? `in ${q.namespace}` : 'cluster-wide'}`;
}

// Every call is bounded: kubectl's own default is to wait for ever on an API server that does not answer.
const REQUEST_TIMEOUT = '--request-timeout=15s';

function failure(what: string, output: KubectlOutput): ExternalError {
  const detail = (output.stderr || output.stdout).trim().split('\n').at(-1) ?? `exit ${output.exitCode}`;
  return new ExternalError('kubectl', `${what} failed: ${detail}`);
}

/**
 * Asks the API server, in one request per question but one kubectl run in all, through SelfSubjectAccessReviews
 * (what `kubectl auth can-i` sends): any authenticated identity may create them.
 */
export async function reviewAccess(
  run: KubectlRunner,
  questions: readonly AccessQuestion[],
): Promise<AccessAnswer[]> {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: questions.map((q) => ({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: q.verb,
          resource: q.resource.split('/')[0],
          ...(q.resource.includes('/') ? { subresource: q.resource.split('/')[1] } : {}),
          group: q.group ?? '',
          ...(q.namespace ? { namespace: q.namespace } : {}),
        },
      },
    })),
  };
  // kubectl prints each created object on its own; one line per review keeps them apart.
  const output = await run(
    ['create', '-f', '-', '-o', 'jsonpath={.status.allowed}{"\\n"}', REQUEST_TIMEOUT],
    JSON.stringify(list),
  );
  if (output.exitCode !== 0) throw failure('access review', output);
  const answers = output.stdout.split('\n').filter((line) => line.trim() !== '');
  if (answers.length !== questions.length)
    throw new ExternalError(
      'kubectl',
      `access review returned ${answers.length} answers for ${questions.length} questions`,
    );
  return questions.map((q, i) => ({ ...q, allowed: answers[i]?.trim() === 'true' }));
}

/** A namespace's labels; undefined when it does not exist, `forbidden` when this identity may not read it. */
export async function namespaceLabels(
  run: KubectlRunner,
  name: string,
): Promise<Record<string, string> | undefined | 'forbidden'> {
  const output = await run(['get', 'namespace', name, '--ignore-not-found', '-o', 'json', REQUEST_TIMEOUT]);
  if (output.exitCode !== 0) {
    if (/forbidden/i.test(output.stderr)) return 'forbidden';
    throw failure(`reading namespace ${name}`, output);
  }
  if (output.stdout.trim() === '') return undefined;
  return (
    (JSON.parse(output.stdout) as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {}
  );
}

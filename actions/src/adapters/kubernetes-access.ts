import { type AccessQuestion, type KubernetesApi, KubernetesApiError } from './kubernetes-api.js';

export type { AccessQuestion } from './kubernetes-api.js';

export interface AccessAnswer extends AccessQuestion {
  allowed: boolean;
}

/** `verb group/resource in ns` for messages. */
export function describeAccess(q: AccessQuestion): string {
  const resource = q.group ? `${q.resource}.${q.group}` : q.resource;
  return `${q.verb} ${resource} ${q.namespace ? `in ${q.namespace}` : 'cluster-wide'}`;
}

/** Asks the API server whether the current identity may do each thing (SelfSubjectAccessReviews). */
export async function reviewAccess(
  api: KubernetesApi,
  questions: readonly AccessQuestion[],
): Promise<AccessAnswer[]> {
  const allowed = await api.reviewAccess(questions);
  return questions.map((q, i) => ({ ...q, allowed: allowed[i] === true }));
}

/** A namespace's labels; undefined when it does not exist, `forbidden` when this identity may not read it. */
export async function namespaceLabels(
  api: KubernetesApi,
  name: string,
): Promise<Record<string, string> | undefined | 'forbidden'> {
  try {
    return await api.namespaceLabels(name);
  } catch (error) {
    if (error instanceof KubernetesApiError && error.status === 403) return 'forbidden';
    throw error;
  }
}

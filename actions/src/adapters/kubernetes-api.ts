/**
 * What the steps ask the Kubernetes API server directly (helm does the releases): ConfigMaps, events, access
 * reviews, namespaces. Small and injected, so the callers' error mapping is tested without a cluster; the real
 * one (`kubernetesApi`) is @kubernetes/client-node, loaded on first use so a step that stops on a bad input
 * never pays for it.
 */

import { ExternalError } from '../core/errors.js';

/** Where and as whom the API is called: the same kubeconfig, context and namespace as helm. */
export interface KubernetesTarget {
  /** A kubeconfig file (a CI identity's, or the controller's in-cluster one with a `tokenFile`). */
  kubeconfig: string;
  namespace: string;
  kubeContext?: string;
  /**
   * Aborts the requests in flight when aborted (a rollout activity passes its cancellation signal), which then
   * reject with the signal's reason; later calls reject at once.
   */
  cancelSignal?: AbortSignal;
}

/** The API server refused or failed a request; `status` is the HTTP status, `reason` the Status reason. */
export class KubernetesApiError extends Error {
  override readonly name = 'KubernetesApiError';
  constructor(
    readonly status: number,
    /** `Conflict`, `AlreadyExists`, `Forbidden`, `NotFound`, `Unauthorized`, … (empty when the body had none). */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }

  /** 409: the object changed since it was read (resourceVersion), or someone created it first. */
  get conflict(): boolean {
    return this.status === 409;
  }
}

/**
 * True for what a KubernetesApi rejects with when a call failed (the API server's refusal, or no answer); false
 * for the reason of a cancellation (KubernetesTarget.cancelSignal), which callers pass on as it is.
 */
export function isKubernetesFailure(error: unknown): boolean {
  return error instanceof KubernetesApiError || error instanceof ExternalError;
}

export interface ConfigMapData {
  name: string;
  /** Set on what the server returns; on a write, the version the write is conditional on (none: create). */
  resourceVersion?: string;
  labels?: Record<string, string>;
  data: Record<string, string>;
}

export interface ClusterEvent {
  message: string;
  /** Epoch ms of the last occurrence; NaN when the event carries no time. */
  at: number;
  involvedObject: { kind: string; name: string };
}

/** One question for the API server: may the current identity `verb` `resource` (in `namespace`, or cluster-wide)? */
export interface AccessQuestion {
  verb: string;
  /** Plural resource, optionally with a subresource: `deployments`, `pods/exec`. */
  resource: string;
  group?: string;
  /** Omitted: cluster-wide (every namespace, or a cluster-scoped resource). */
  namespace?: string;
}

export interface KubernetesApi {
  /** The target's namespace, where the namespaced calls below go. */
  readonly namespace: string;
  /** undefined when it does not exist. */
  readConfigMap(name: string): Promise<ConfigMapData | undefined>;
  /** Creates it (no resourceVersion) or replaces it conditionally on `resourceVersion`; the new resourceVersion. */
  writeConfigMap(map: ConfigMapData): Promise<string>;
  listConfigMaps(labelSelector: string): Promise<ConfigMapData[]>;
  listEvents(fieldSelector: string): Promise<ClusterEvent[]>;
  /** SelfSubjectAccessReviews (what `kubectl auth can-i` sends; any authenticated identity may create them). */
  reviewAccess(questions: readonly AccessQuestion[]): Promise<boolean[]>;
  /** A namespace's labels; undefined when it does not exist. */
  namespaceLabels(name: string): Promise<Record<string, string> | undefined>;
}

/** The API over @kubernetes/client-node, loaded (and the kubeconfig read) at the first call. */
export function kubernetesApi(target: KubernetesTarget): KubernetesApi {
  let loaded: Promise<KubernetesApi> | undefined;
  const api = (): Promise<KubernetesApi> => {
    loaded ??= import('./kubernetes-client.js').then(({ clientNodeApi }) => clientNodeApi(target));
    return loaded;
  };
  return {
    namespace: target.namespace,
    readConfigMap: async (name) => (await api()).readConfigMap(name),
    writeConfigMap: async (map) => (await api()).writeConfigMap(map),
    listConfigMaps: async (selector) => (await api()).listConfigMaps(selector),
    listEvents: async (selector) => (await api()).listEvents(selector),
    reviewAccess: async (questions) => (await api()).reviewAccess(questions),
    namespaceLabels: async (name) => (await api()).namespaceLabels(name),
  };
}

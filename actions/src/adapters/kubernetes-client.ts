// The KubernetesApi over @kubernetes/client-node. Imported only by `kubernetesApi` (kubernetes-api.ts), lazily:
// the client and its generated models are a large share of a bundle's start-up.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  ApiException,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
  type V1ConfigMap,
} from '@kubernetes/client-node';
import { parse } from 'yaml';
import { ExternalError } from '../core/errors.js';
import {
  type ClusterEvent,
  type ConfigMapData,
  type KubernetesApi,
  KubernetesApiError,
  type KubernetesTarget,
} from './kubernetes-api.js';

// Every request is bounded: an API server that accepts the connection and never answers must not hang a step.
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Per-request options (the generated APIs' last argument) that abort a call after REQUEST_TIMEOUT_MS, or
 * as soon as `cancelSignal` is aborted.
 */
export function boundedBy(cancelSignal?: AbortSignal) {
  const abort: ObservableMiddleware = {
    pre: (context: RequestContext) => {
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      context.setSignal(cancelSignal ? AbortSignal.any([timeout, cancelSignal]) : timeout);
      return new Observable(Promise.resolve(context));
    },
    post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [abort], middlewareMergeStrategy: 'append' as const };
}
/** Per-request options that abort a call after REQUEST_TIMEOUT_MS. */
export const bounded = boundedBy();

/** What a call rejects with once `signal` was aborted: its reason (a rollout activity's CancelledFailure). */
export function cancellation(signal: AbortSignal, what: string): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new ExternalError('kubernetes', `${what} was cancelled`);
}

/**
 * The user names whose kubeconfig entry has a `tokenFile` (client-go's key; the chart's in-cluster kubeconfig
 * uses it), resolved against the kubeconfig's folder. client-node reads only `token-file`, and only once.
 */
function tokenFiles(path: string): Map<string, string> {
  const raw = parse(readFileSync(path, 'utf8')) as {
    users?: { name?: unknown; user?: { tokenFile?: unknown } | null }[] | null;
  } | null;
  const files = new Map<string, string>();
  for (const entry of raw?.users ?? []) {
    const file = entry?.user?.tokenFile;
    if (typeof entry?.name === 'string' && typeof file === 'string' && file !== '') {
      files.set(entry.name, isAbsolute(file) ? file : resolve(dirname(path), file));
    }
  }
  return files;
}

/** Reads the kubeconfig as kubectl and helm do: the file, the context asked for (else its current one). */
export function loadKubeConfig(target: KubernetesTarget): KubeConfig {
  const config = new KubeConfig();
  try {
    config.loadFromFile(target.kubeconfig);
    if (target.kubeContext) config.setCurrentContext(target.kubeContext);
    const files = tokenFiles(target.kubeconfig);
    if (files.size > 0) {
      // The file is read again when the token it gave has aged a minute: the kubelet rotates it in place.
      config.users = config.users.map((user) => {
        const tokenFile = files.get(user.name);
        return tokenFile && !user.token
          ? { ...user, authProvider: { name: 'tokenFile', config: { tokenFile } } }
          : user;
      });
    }
  } catch (error) {
    throw new ExternalError(
      'kubernetes',
      `cannot load kubeconfig ${target.kubeconfig}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (!config.getContextObject(config.getCurrentContext())) {
    throw new ExternalError(
      'kubernetes',
      `kubeconfig ${target.kubeconfig} has no context ${target.kubeContext ? `"${target.kubeContext}"` : '(no current-context)'}`,
    );
  }
  return config;
}

const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused by',
  ECONNRESET: 'connection reset by',
  ENOTFOUND: 'no such host:',
  EAI_AGAIN: 'cannot resolve the host of',
  ETIMEDOUT: 'connection timed out to',
  EHOSTUNREACH: 'no route to',
};

/** The API server's answer as a KubernetesApiError (its Status reason and message), anything else as it came. */
export function apiError(error: unknown, what: string, server: string): Error {
  if (error instanceof ApiException) {
    const status = error.code as number;
    let reason = '';
    let message = '';
    try {
      const body = (typeof error.body === 'string' ? JSON.parse(error.body) : error.body) as {
        reason?: unknown;
        message?: unknown;
      } | null;
      reason = typeof body?.reason === 'string' ? body.reason : '';
      message = typeof body?.message === 'string' ? body.message : '';
    } catch {
      message = String(error.body).slice(0, 300);
    }
    return new KubernetesApiError(status, reason, `${what}: ${message || `HTTP ${status}`}`);
  }
  const failure = error as Error & { type?: string; code?: string };
  if (failure?.name === 'AbortError' || failure?.type === 'aborted') {
    return new ExternalError(
      'kubernetes',
      `${what}: ${server} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
    );
  }
  const network = failure?.code ? NETWORK_FAILURES[failure.code] : undefined;
  if (network) {
    return new ExternalError('kubernetes', `${what}: ${network} ${server} (${failure.code})`, {
      cause: error,
    });
  }
  return new ExternalError('kubernetes', `${what}: ${server}: ${failure?.message ?? String(error)}`, {
    cause: error,
  });
}

function configMapData(map: V1ConfigMap): ConfigMapData {
  return {
    name: map.metadata?.name ?? '',
    ...(map.metadata?.resourceVersion ? { resourceVersion: map.metadata.resourceVersion } : {}),
    ...(map.metadata?.labels ? { labels: map.metadata.labels } : {}),
    data: map.data ?? {},
  };
}

export function clientNodeApi(target: KubernetesTarget): KubernetesApi {
  const config = loadKubeConfig(target);
  const server = config.getCurrentCluster()?.server ?? 'the API server';
  const core = config.makeApiClient(CoreV1Api);
  const authorization = config.makeApiClient(AuthorizationV1Api);
  const { namespace, cancelSignal } = target;
  const bounded = boundedBy(cancelSignal);
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    if (cancelSignal?.aborted) throw cancellation(cancelSignal, what);
    try {
      return await request();
    } catch (error) {
      if (cancelSignal?.aborted) throw cancellation(cancelSignal, what);
      throw apiError(error, what, server);
    }
  };
  const notFound = (error: unknown) => error instanceof KubernetesApiError && error.status === 404;

  return {
    namespace,
    async readConfigMap(name) {
      try {
        const map = await call(`get configmap ${namespace}/${name}`, () =>
          core.readNamespacedConfigMap({ name, namespace }, bounded),
        );
        return configMapData(map);
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
    },
    async writeConfigMap(map) {
      const body: V1ConfigMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: map.name,
          ...(map.labels ? { labels: map.labels } : {}),
          ...(map.resourceVersion ? { resourceVersion: map.resourceVersion } : {}),
        },
        data: map.data,
      };
      // create fails (409 AlreadyExists) if someone created it since; replace (409 Conflict) if it changed since.
      const written = map.resourceVersion
        ? await call(`replace configmap ${namespace}/${map.name}`, () =>
            core.replaceNamespacedConfigMap({ name: map.name, namespace, body }, bounded),
          )
        : await call(`create configmap ${namespace}/${map.name}`, () =>
            core.createNamespacedConfigMap({ namespace, body }, bounded),
          );
      return written.metadata?.resourceVersion ?? '';
    },
    async listConfigMaps(labelSelector) {
      const list = await call(`list configmaps in ${namespace} (${labelSelector})`, () =>
        core.listNamespacedConfigMap({ namespace, labelSelector }, bounded),
      );
      return list.items.map(configMapData);
    },
    async listEvents(fieldSelector) {
      const list = await call(`list events in ${namespace} (${fieldSelector})`, () =>
        core.listNamespacedEvent({ namespace, fieldSelector }, bounded),
      );
      return list.items.map(
        (event): ClusterEvent => ({
          message: event.message ?? '',
          at: new Date(event.lastTimestamp ?? event.eventTime ?? Number.NaN).getTime(),
          involvedObject: { kind: event.involvedObject.kind ?? '', name: event.involvedObject.name ?? '' },
        }),
      );
    },
    async reviewAccess(questions) {
      return Promise.all(
        questions.map(async (q) => {
          const [resource, subresource] = q.resource.split('/');
          const review = await call(`access review (${q.verb} ${q.resource})`, () =>
            authorization.createSelfSubjectAccessReview(
              {
                body: {
                  apiVersion: 'authorization.k8s.io/v1',
                  kind: 'SelfSubjectAccessReview',
                  spec: {
                    resourceAttributes: {
                      verb: q.verb,
                      resource: resource ?? q.resource,
                      ...(subresource ? { subresource } : {}),
                      group: q.group ?? '',
                      ...(q.namespace ? { namespace: q.namespace } : {}),
                    },
                  },
                },
              },
              bounded,
            ),
          );
          return review.status?.allowed === true;
        }),
      );
    },
    async namespaceLabels(name) {
      try {
        const found = await call(`get namespace ${name}`, () => core.readNamespace({ name }, bounded));
        return found.metadata?.labels ?? {};
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
    },
  };
}

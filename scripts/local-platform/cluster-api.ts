// The local cluster's API as tests and the stand-in kubelet call it: @kubernetes/client-node with the product's
// own kubeconfig loading, request bound and error messages (actions/src/adapters/kubernetes-client.ts), so
// nothing here needs a kubectl process per call.
import {
  ApiextensionsV1Api,
  CoreV1Api,
  type KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { KubernetesApiError } from '../../actions/src/adapters/kubernetes-api.js';
import { apiError, bounded, loadKubeConfig } from '../../actions/src/adapters/kubernetes-client.js';

/** Who owns the fields the local platform applies (server-side apply needs a field manager). */
const FIELD_MANAGER = 'temporal-rollout-local-platform';

export interface ClusterApi {
  core: CoreV1Api;
  extensions: ApiextensionsV1Api;
  /** Creates or updates any object by server-side apply (forced: the local platform owns what it applies). */
  apply<T extends KubernetesObject>(manifest: T): Promise<void>;
  /** Deletes any object; false when it was not there. */
  remove(manifest: KubernetesObject): Promise<boolean>;
  /** Sets annotations on a pod of the namespace (a merge patch); false when the pod is gone. */
  annotatePod(name: string, annotations: Record<string, string>): Promise<boolean>;
  /** Runs one request, turning a refusal into a KubernetesApiError that names `what`. */
  call<T>(what: string, request: (options: typeof bounded) => Promise<T>): Promise<T>;
}

export function clusterApi(kubeconfig: string, namespace: string): ClusterApi {
  const config = loadKubeConfig({ kubeconfig, namespace });
  const server = config.getCurrentCluster()?.server ?? 'the API server';
  const objects = KubernetesObjectApi.makeApiClient(config);
  const call = async <T>(what: string, request: (options: typeof bounded) => Promise<T>): Promise<T> => {
    try {
      return await request(bounded);
    } catch (error) {
      throw apiError(error, what, server);
    }
  };
  const notFound = (error: unknown) => error instanceof KubernetesApiError && error.status === 404;
  const core = config.makeApiClient(CoreV1Api);
  const named = (m: KubernetesObject) =>
    `${m.kind} ${m.metadata?.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata?.name}`;
  return {
    core,
    extensions: config.makeApiClient(ApiextensionsV1Api),
    call,
    async apply(manifest) {
      // The generic object API takes no per-request options: these calls go unbounded to the local server.
      await call(`apply ${named(manifest)}`, () =>
        objects.patch(manifest, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply),
      );
    },
    async remove(manifest) {
      try {
        await call(`delete ${named(manifest)}`, () => objects.delete(manifest));
        return true;
      } catch (error) {
        if (notFound(error)) return false;
        throw error;
      }
    },
    async annotatePod(name, annotations) {
      try {
        await call(`annotate pod ${namespace}/${name}`, (o) =>
          core.patchNamespacedPod(
            { name, namespace, body: { metadata: { annotations } } },
            setHeaderOptions('Content-Type', PatchStrategy.MergePatch, o),
          ),
        );
        return true;
      } catch (error) {
        if (notFound(error)) return false;
        throw error;
      }
    },
  };
}

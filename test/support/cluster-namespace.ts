// What the Kubernetes tests read from and do to the test namespace of a local cluster: through the cluster's
// client-node API, the chart's ConfigMaps as the starter and the rollout read them, the pod count, and a
// ResourceQuota that refuses the next pod (a deploy that never gets ready), a token kubeconfig of the chart's
// deploy ServiceAccount; through helm, a release's history.
import { Helm, type HelmRevision } from '../../actions/src/adapters/helm.js';
import type { RoutingTable } from '../../actions/src/core/rollout/routing.js';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import { eventually } from '../../scripts/local-platform/eventually.js';
import type { KubernetesCluster } from '../../scripts/local-platform/kubernetes.js';
import { tool } from '../../scripts/local-platform/tools.js';

const QUOTA = 'pods';

/** `key` of ConfigMap `name`, parsed as JSON ({} when the key is missing). */
async function configMapJson(cluster: KubernetesCluster, name: string, key: string): Promise<unknown> {
  const { api, namespace } = cluster;
  const map = await api.call(`get configmap ${name}`, (o) =>
    api.core.readNamespacedConfigMap({ name, namespace }, o),
  );
  return JSON.parse(map.data?.[key] ?? '{}') as unknown;
}

/** The routes the starter reads: the routing ConfigMap, straight from the API server. */
export async function clusterRoutes(cluster: KubernetesCluster): Promise<RoutingTable['routes']> {
  return ((await configMapJson(cluster, 'order-worker-routing', 'routes.json')) as RoutingTable).routes;
}

/** The rollout state every run reads: the state ConfigMap, straight from the API server. */
export async function clusterState(cluster: KubernetesCluster): Promise<RolloutState> {
  return (await configMapJson(cluster, 'order-worker-rollout-state', 'state.json')) as RolloutState;
}

export async function podCount(cluster: KubernetesCluster): Promise<number> {
  const { api, namespace } = cluster;
  return (await api.call('list pods', (o) => api.core.listNamespacedPod({ namespace }, o))).items.length;
}

/**
 * A ResourceQuota admitting `hard` pods, in force once the namespace holds exactly `present` pods (default:
 * as many as now) and the quota has counted them: from then on, a pod beyond `hard` is refused.
 */
export async function limitPods(cluster: KubernetesCluster, hard: number, present?: number): Promise<void> {
  const { api, namespace } = cluster;
  const count = present ?? (await podCount(cluster));
  await eventually(
    async () => ((await podCount(cluster)) === count ? true : undefined),
    60_000,
    `${count} pods in ${namespace}`,
    250,
  );
  await api.apply({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: QUOTA, namespace },
    spec: { hard: { pods: String(hard) } },
  });
  await eventually(
    async () => {
      const quota = await api.call(`get resourcequota ${QUOTA}`, (o) =>
        api.core.readNamespacedResourceQuota({ name: QUOTA, namespace }, o),
      );
      return quota.status?.used?.pods === String(count) ? true : undefined;
    },
    60_000,
    `ResourceQuota ${QUOTA} counting ${count} pods`,
    250,
  );
}

/** Removes the quota `limitPods` set. */
export async function unlimitPods(cluster: KubernetesCluster): Promise<void> {
  await cluster.api.remove({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: QUOTA, namespace: cluster.namespace },
  });
}

/**
 * `helm history` of a release in the test namespace, oldest first, as the deployer reads it (the Helm adapter,
 * configmap driver, admin kubeconfig); [] when the release does not exist.
 */
export async function helmHistory(cluster: KubernetesCluster, release: string): Promise<HelmRevision[]> {
  const helm = new Helm({ helm: tool('helm'), kubeconfig: cluster.kubeconfig, namespace: cluster.namespace });
  return helm.history(release);
}

/**
 * A kubeconfig that acts as the chart's least-privilege deploy ServiceAccount (`deployRbac`, installed by the
 * caller) in the test namespace, by a token `kubectl create token` issues: valid for `duration`, or the API
 * server's default when not given.
 */
export async function deployerKubeconfig(cluster: KubernetesCluster, duration?: string): Promise<string> {
  const { stdout: token } = await cluster.kubectl([
    'create',
    'token',
    'order-worker-deployer',
    '-n',
    cluster.namespace,
    ...(duration ? ['--duration', duration] : []),
  ]);
  return cluster.writeTokenKubeconfig(token.trim(), 'deployer.kubeconfig');
}

/**
 * The test files that start a kwok cluster (kube-apiserver, etcd, kwok). On a machine whose tool cache lacks those
 * tools, `npm test` builds them beside the other files (cluster-tools-build.ts): these files run last and wait for
 * that build first. test/unit/cluster-files.test.ts keeps the list complete.
 */
export const CLUSTER_FILES = [
  'test/e2e/act-release.test.ts',
  'test/e2e/act-rollback.test.ts',
  'test/integration/doctor-kubernetes.test.ts',
  'test/integration/kubernetes-chart.test.ts',
  'test/integration/kubernetes-cluster.test.ts',
  'test/integration/kubernetes-controller.test.ts',
  'test/integration/kubernetes-faults.test.ts',
  'test/integration/kubernetes-pod-readiness.test.ts',
  'test/integration/kubernetes-rollout.test.ts',
];

/** The functions that start a kwok cluster: startKubernetes and the test helpers around it. */
export const CLUSTER_STARTERS = ['startKubernetes', 'useSharedCluster', 'startKwokWorkerPlatform'];

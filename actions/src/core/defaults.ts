// Every default a user may see, in one table: rollout.yaml's fields (also in the JSON schema), the front ends'
// options and what the steps fall back to. Change one here and it changes everywhere.
export const DEFAULTS = {
  /** The rollout file the action input `config` and the CLI's --config name when not given. */
  configFile: 'rollout.yaml',
  /** rollout.yaml `taskQueues.*.template`, and the template of the replay step's `task-queues`. */
  queueTemplate: '{base}-v{major}',
  /** rollout.yaml `chart`. */
  chart: 'charts/order-worker',
  /** rollout.yaml `temporal.namespace`, and the namespace of the commands that read no rollout.yaml. */
  namespace: 'default',
  /** The frontend when neither an option, rollout.yaml nor TEMPORAL_ADDRESS names one. */
  temporalAddress: 'localhost:7233',
  /** The local deployer's state, pid files, logs and routing file. */
  stateDir: '.rollout',
  helm: 'helm',
  /** Kubernetes namespace of the releases when neither an option nor rollout.yaml `helm.namespace` names one. */
  kubernetesNamespace: 'default',
  gateCount: 1,
  gateTimeout: '2m',
} as const;

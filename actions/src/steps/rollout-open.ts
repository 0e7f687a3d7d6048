import { join } from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import type { Deployer, StateStore } from '../adapters/deployer.js';
import { Helm } from '../adapters/helm.js';
import { HelmDeployer } from '../adapters/helm-deployer.js';
import { kubernetesApi } from '../adapters/kubernetes-api.js';
import { LocalDeployer } from '../adapters/local-deployer.js';
import { ConfigMapStateStore } from '../adapters/state-configmap.js';
import { FileStateStore } from '../adapters/state-file.js';
import { TemporalVisibility } from '../adapters/temporal-visibility.js';
import { DEFAULTS } from '../core/defaults.js';
import { ExternalError, InputError } from '../core/errors.js';
import type { RolloutConfig } from '../core/rollout-config.js';
import type { RolloutContext } from './rollout.js';

export interface OpenRolloutOptions {
  /** rollout.yaml with the run's overrides applied (`applyOverrides`). */
  config: RolloutConfig;
  /**
   * A rollout worker's deployer for every release it runs, whatever the release's rollout.yaml says (the
   * front ends set it with the `deployer` override); a step alone uses `config.deployer`, the same.
   */
  deployer?: 'local' | 'helm';
  /** Temporal Cloud API key: used for the client and handed to local workers, never written or logged. */
  apiKey?: string;
  /** Local deployer and state directory (DEFAULTS.stateDir). */
  stateDir?: string;
  /** Workers per track; unset = the deployer's default (Helm: the chart's replicaCount; locally 1). */
  replicas?: number;
  workerEntry?: string;
  /** Non-secret env for every worker (LOG_LEVEL, fault injection): local processes, or Helm's worker.releaseEnv. */
  workerEnv?: Record<string, string>;
  /** helm runs the releases; the same kubeconfig reaches the Kubernetes API (state ConfigMap, routing, events). */
  helm?: { binary: string; kubeconfig: string; namespace?: string; kubeContext?: string };
  /** How often a drain counts open runs, and how long a zero must hold (policy and timeout: rollout.yaml). */
  drain?: { pollMs?: number; settleMs?: number };
  versioningBehavior?: 'PINNED' | 'AUTO_UPGRADE';
  /**
   * Aborted when the work is cancelled (a rollout activity's cancellation): stops a running helm, the
   * Kubernetes API requests in flight, and the waits between them.
   */
  cancelSignal?: AbortSignal;
  log?: (line: string) => void;
}

export interface OpenRollout {
  ctx: RolloutContext;
  close(): Promise<void>;
}

/** The deployer and state store rollout.yaml and the options ask for (no connection needed). */
export function buildDeployment(options: OpenRolloutOptions): { deployer: Deployer; store: StateStore } {
  const { config } = options;
  const stateDir = options.stateDir ?? DEFAULTS.stateDir;
  const kind = options.deployer ?? config.deployer;
  let deployer: Deployer;
  let store: StateStore = new FileStateStore(join(stateDir, 'state.json'));
  if (kind === 'helm') {
    if (!options.helm) {
      throw new InputError('kubeconfig', 'is required by the helm deployer', 'pass the kubeconfig file');
    }
    const namespace = options.helm.namespace ?? config.helm.namespace ?? DEFAULTS.kubernetesNamespace;
    const kubeContext = options.helm.kubeContext;
    // The same identity reads the routing ConfigMap and pod events, and (helm.state: configmap) keeps the state.
    const kubernetes = kubernetesApi({
      kubeconfig: options.helm.kubeconfig,
      namespace,
      ...(kubeContext ? { kubeContext } : {}),
      ...(options.cancelSignal ? { cancelSignal: options.cancelSignal } : {}),
    });
    if (config.helm.state === 'configmap') {
      store = new ConfigMapStateStore(kubernetes, config.helm.stateConfigMap);
    }
    deployer = new HelmDeployer(
      new Helm({
        helm: options.helm.binary,
        kubeconfig: options.helm.kubeconfig,
        namespace,
        driver: config.helm.driver,
        ...(kubeContext ? { kubeContext } : {}),
        ...(options.cancelSignal ? { cancelSignal: options.cancelSignal } : {}),
      }),
      {
        release: config.helm.release,
        chart: config.chart,
        timeoutMs: config.helm.timeoutMs,
        valuesFiles: config.helm.valuesFiles,
        ...(options.workerEnv ? { env: options.workerEnv } : {}),
        kubernetes,
        ...(options.log ? { log: options.log } : {}),
      },
    );
  } else {
    deployer = new LocalDeployer({
      dir: stateDir,
      ...(options.workerEntry ? { workerEntry: options.workerEntry } : {}),
      ...(options.workerEnv ? { env: options.workerEnv } : {}),
      ...(options.apiKey ? { secretEnv: { TEMPORAL_API_KEY: options.apiKey } } : {}),
    });
  }
  return { deployer, store };
}

/** Where the rollout's Temporal is: rollout.yaml (overrides applied), then TEMPORAL_ADDRESS, then the default. */
export function temporalOf(config: RolloutConfig): { address: string; namespace: string } {
  return {
    address: config.temporal.address ?? process.env.TEMPORAL_ADDRESS ?? DEFAULTS.temporalAddress,
    namespace: config.temporal.namespace,
  };
}

/** Connects to Temporal and builds the deployer and state store a rollout step runs with. */
export async function openRollout(options: OpenRolloutOptions): Promise<OpenRollout> {
  const { config } = options;
  const { address, namespace } = temporalOf(config);
  // Loaded only now, after every input was read and checked: the client is most of a step's start-up time.
  await import('../adapters/protobuf-long.js');
  const { Client, Connection } = await import('@temporalio/client');
  let connection: Connection;
  try {
    connection = await Connection.connect({
      address,
      ...(options.apiKey ? { apiKey: options.apiKey, tls: true } : {}),
      connectTimeout: 10_000,
    });
  } catch (err) {
    throw new ExternalError('Temporal', `cannot connect to ${address}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const client = new Client({ connection, namespace });
  const ctx = rolloutContext(options, client, { address, namespace });
  return { ctx, close: () => connection.close() };
}

/** The context a step runs in, over a client the caller owns (the rollout worker shares one). */
export function rolloutContext(
  options: OpenRolloutOptions,
  client: Client,
  temporal: { address: string; namespace: string },
): RolloutContext {
  const { config } = options;
  const { deployer, store } = buildDeployment(options);
  return {
    settings: {
      app: config.app,
      taskQueues: config.taskQueues,
      strategy: config.strategy,
      temporal,
    },
    deployer,
    store,
    client,
    visibility: new TemporalVisibility(client, temporal.namespace),
    ...(options.replicas !== undefined ? { replicas: options.replicas } : {}),
    ...(options.versioningBehavior ? { versioningBehavior: options.versioningBehavior } : {}),
    ...(options.drain ? { drain: options.drain } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
}

/** Opens the rollout, runs `body` in it and closes it, also when `body` throws. */
export async function withRollout<T>(
  options: OpenRolloutOptions,
  body: (ctx: RolloutContext) => Promise<T>,
): Promise<T> {
  const { ctx, close } = await openRollout(options);
  try {
    return await body(ctx);
  } finally {
    await close();
  }
}

import type { StateStore } from '../../adapters/deployer.js';
import type { PrometheusAuth } from '../../adapters/prometheus.js';
import type { LiveSource } from '../../adapters/temporal-histories.js';
import type { UsedSearchAttribute } from '../../core/doctor/search-attributes.js';
import type { RolloutState } from '../../core/rollout/state.js';
import type { RolloutConfig } from '../../core/rollout-config.js';

/** Everything the checks read, resolved once from rollout.yaml, the inputs and the environment. */
export interface DoctorContext {
  config: RolloutConfig;
  /** The repository (or workspace) the relative paths start from. */
  root: string;
  /** Undefined when no address is known (rollout.yaml, input, TEMPORAL_ADDRESS). */
  temporal?: LiveSource;
  prometheus?: { url: string; auth?: PrometheusAuth };
  kubernetes?: {
    kubeconfig: string;
    namespace: string;
    kubeContext?: string;
    helm: string;
  };
  /** Where the rollout state is read from: the state file, or the ConfigMap beside the Helm releases. */
  state: StateStore;
  historiesDir: string;
  historiesMaxAgeMs: number;
  metricsMaxAgeMs: number;
  /** The workflows module replayed against the stored histories; undefined: not configured. */
  workflowsPath?: string;
  /** Declared in rollout.yaml `doctor.searchAttributes`, besides those found in the histories. */
  searchAttributes: UsedSearchAttribute[];
  /** Runbook alert names; undefined: read them from the chart's templates. */
  alerts?: string[];
  now: () => Date;
  /** How the front end names an option (see DoctorOptions.optionName). */
  optionName: (field: string) => string;
  /** The stable release's state, read at most once. */
  rolloutState(): Promise<RolloutState | undefined>;
}

/** Caches one async read for every check that needs it. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

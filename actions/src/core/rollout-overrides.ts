// What the action's inputs, the CLI's flags and the demo may change of rollout.yaml for one run, applied in one
// place and without touching the config that was read.
import type { DrainPolicy, RolloutConfig, StrategyType } from './rollout-config.js';

export interface RolloutOverrides {
  deployer?: RolloutConfig['deployer'];
  strategy?: StrategyType;
  temporalAddress?: string;
  namespace?: string;
  drainPolicy?: DrainPolicy;
  drainTimeoutMs?: number;
}

/** `config` with every override that is set; the config given is left as it was. */
export function applyOverrides(config: RolloutConfig, overrides: RolloutOverrides): RolloutConfig {
  const { deployer, strategy, temporalAddress, namespace, drainPolicy, drainTimeoutMs } = overrides;
  return {
    ...config,
    ...(deployer ? { deployer } : {}),
    temporal: {
      ...config.temporal,
      ...(temporalAddress ? { address: temporalAddress } : {}),
      ...(namespace ? { namespace } : {}),
    },
    strategy: {
      ...config.strategy,
      ...(strategy ? { type: strategy } : {}),
      drain: {
        ...config.strategy.drain,
        ...(drainPolicy ? { policy: drainPolicy } : {}),
        ...(drainTimeoutMs !== undefined ? { timeoutMs: drainTimeoutMs } : {}),
      },
    },
  };
}

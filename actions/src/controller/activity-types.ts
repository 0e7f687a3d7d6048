// What the rollout workflow asks its activities (types only: the workflow bundle imports no activity code).
import type { Measurement } from '../core/analysis/judge.js';
import type { ReplayDeploy } from '../core/replay/verdict.js';
import type { RolloutState } from '../core/rollout/state.js';
import type { DrainPolicy, RolloutConfig } from '../core/rollout-config.js';
import type { StepResult } from '../steps/rollout.js';
import type { StepSelectors } from './api.js';

export interface StateSummary {
  phase: RolloutState['phase'];
  stable?: string;
  canary?: { version: string; weight: number };
  /** Versions that were ever stable, oldest first: where a manual rollback may go. */
  deployed: string[];
}

export interface PlaceCanaryInput {
  config: RolloutConfig;
  version: string;
  image: string;
  env?: Record<string, string>;
  weight: number;
  /** The replay gate's verdict: it chooses the canary's queue (see `CanaryInput.replayDeploy`). */
  replayDeploy?: ReplayDeploy;
}

export interface PlacedCanary {
  result: StepResult;
  /** What tells the canary's metrics from stable's (see `chooseSelectors`); empty values when nothing is stable. */
  selectors: StepSelectors;
}

export interface MeasureInput {
  config: RolloutConfig;
  selectors: StepSelectors;
  /** 1-based; the first tick also checks every query is valid PromQL. */
  tick: number;
}

export interface MeasuredCheck {
  check: string;
  measurement: Measurement;
}

export interface PromoteInput {
  config: RolloutConfig;
  version: string;
}

export interface RollbackInput {
  config: RolloutConfig;
  to?: string;
  reason: string;
  drainPolicy?: DrainPolicy;
}

/**
 * Thin, idempotent wrappers over the steps. Promote and rollback count open runs once and answer `waiting`
 * rather than wait: the workflow's timer loop does the waiting, so a drain may last days.
 */
export interface RolloutActivities {
  readState(input: { config: RolloutConfig }): Promise<StateSummary>;
  placeCanary(input: PlaceCanaryInput): Promise<PlacedCanary>;
  measureAnalysis(input: MeasureInput): Promise<MeasuredCheck[]>;
  promote(input: PromoteInput): Promise<StepResult>;
  rollback(input: RollbackInput): Promise<StepResult>;
}

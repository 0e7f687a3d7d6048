import type { StrategyType } from '../rollout-config.js';
import { sameVersion } from './queues.js';

/** One worker release: what runs and where it polls. */
export interface ReleaseSpec {
  version: string;
  buildId: string;
  /** An image reference (`repo@sha256:…`) for Helm; locally, the worker entry point or a label. */
  image: string;
  orderQueue: string;
  paymentQueue: string;
  /** Extra non-secret environment for the workers (e.g. WORKFLOW_BUNDLE_PATH locally). */
  env?: Record<string, string>;
}

export type Phase =
  /** Only the stable release runs. */
  | 'stable'
  /** A canary runs beside stable and receives `canary.weight` percent of new work. */
  | 'canary'
  /** All new work goes to the canary; the old release is draining before it stops. */
  | 'promoting'
  /** No new work goes to the canary; it is draining before it stops. */
  | 'rolling-back';

export type Outcome = 'stable' | 'promoted' | 'rolled-back' | 'restored';

export interface HistoryEntry {
  at: string;
  event: 'install' | 'canary' | 'weight' | 'promote' | 'rollback' | 'restore';
  version: string;
  detail?: string;
}

export interface RolloutState {
  schema: 1;
  app: string;
  strategy: StrategyType;
  phase: Phase;
  stable?: ReleaseSpec;
  canary?: ReleaseSpec & { weight: number };
  /**
   * While `phase` is `promoting`: whether the canary is a new release being promoted, or an earlier stable
   * release a manual rollback is restoring (re-running that rollback continues it). Absent = promote.
   */
  promotion?: 'promote' | 'restore';
  /** Every release that ever became stable, newest last: the versions a manual rollback may return to. */
  deployed: ReleaseSpec[];
  history: HistoryEntry[];
}

export function emptyState(app: string, strategy: StrategyType): RolloutState {
  return { schema: 1, app, strategy, phase: 'stable', deployed: [], history: [] };
}

/** Same version and same placement: re-applying it changes nothing. */
export function sameRelease(a: ReleaseSpec | undefined, b: ReleaseSpec | undefined): boolean {
  if (!a || !b) return false;
  return (
    sameVersion(a.version, b.version) &&
    a.buildId === b.buildId &&
    a.image === b.image &&
    a.orderQueue === b.orderQueue &&
    a.paymentQueue === b.paymentQueue &&
    JSON.stringify(sortedEnv(a.env)) === JSON.stringify(sortedEnv(b.env))
  );
}

function sortedEnv(env: Record<string, string> | undefined): [string, string][] {
  return Object.entries(env ?? {}).sort(([x], [y]) => x.localeCompare(y));
}

/** Records `release` as deployed stable (keeping one entry per version, newest last). */
export function withDeployed(state: RolloutState, release: ReleaseSpec): ReleaseSpec[] {
  const { weight: _weight, ...spec } = release as ReleaseSpec & { weight?: number };
  return [...state.deployed.filter((r) => r.version !== release.version), spec];
}

import type { RoutingTable } from '../core/rollout/routing.js';
import type { ReleaseSpec, RolloutState } from '../core/rollout/state.js';

/** The two worker sets a rollout keeps: the release serving most work, and the one on trial. */
export type Track = 'stable' | 'canary';

/** Everything a deployer needs to run one track's workers. */
export interface WorkerSetSpec {
  app: string;
  track: Track;
  release: ReleaseSpec;
  temporal: { address: string; namespace: string };
  /** Set under the worker-versioning strategy: workers declare this deployment and the release's build id. */
  versioning?: { deploymentName: string; defaultBehavior: 'PINNED' | 'AUTO_UPGRADE' };
  /** Workers for the track; unset = the deployer's default (Helm: the chart's replicaCount from the values files). */
  replicas?: number;
}

/** A track's workers as the target runs them now, read back from it. */
export interface DeployedSet {
  track: Track;
  /** The release version they run; undefined when the target does not say (a release deployed by hand). */
  version: string | undefined;
  /** The task queues they poll; undefined when the target does not say (a release deployed by hand). */
  queues: { order: string; payment: string } | undefined;
  /** Where it runs, for the report: pids, a Helm revision. */
  detail: string;
}

export interface ApplyResult {
  /** false when the track already ran exactly this release (a re-run). */
  changed: boolean;
  detail: string;
}

/**
 * Runs worker sets somewhere (Kubernetes through Helm, or processes on this machine) and publishes the
 * starter's routing table. Every method is idempotent, and `apply` is atomic: when the new workers do not
 * become ready, the track is left as it was and the call throws.
 */
export interface Deployer {
  readonly kind: 'local' | 'helm';
  /** Installs or replaces the track's workers, new ones ready before old ones stop. */
  apply(spec: WorkerSetSpec): Promise<ApplyResult>;
  /** Stops and removes the track's workers (callers drain first). */
  remove(track: Track): Promise<ApplyResult>;
  /** The track's workers as running now; undefined when the track runs none. */
  describe(track: Track): Promise<DeployedSet | undefined>;
  /** Publishes the starter's routing; `owner` is the stable worker set (Helm keeps the routes in its release). */
  writeRouting(table: RoutingTable, owner: WorkerSetSpec): Promise<ApplyResult>;
  /** The routing the target serves now, read back from it (never a copy the deployer remembers). */
  readRouting(): Promise<RoutingTable | undefined>;
  /**
   * Unblocks what an interrupted (killed) deploy left half-done, e.g. a Helm release stuck `pending-*`, and
   * says what it did. Absent or [] when there is nothing such a deployer can leave behind.
   */
  recover?(): Promise<string[]>;
}

/** Where the rollout state lives between step runs (a file locally; any durable place in CI). */
export interface StateStore {
  /** For messages: the file or object holding the state. */
  readonly where: string;
  load(): Promise<RolloutState | undefined>;
  save(state: RolloutState): Promise<void>;
}

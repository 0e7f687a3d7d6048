// The rollout controller's contract: the workflow's id and task queue, what a request carries, what the
// `status` Query answers and the Updates a person or a job sends. Clients (the CLI, the GitHub actions) and
// the workflow import this one module; it is workflow-safe (no Node, no clock). Extend it compatibly only:
// rollouts in flight were started with these shapes.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CheckResult, Verdict } from '../core/analysis/judge.js';
import type { ReplayDeploy } from '../core/replay/verdict.js';
import type { RoutingTable } from '../core/rollout/routing.js';
import type { DrainPolicy, RolloutConfig } from '../core/rollout-config.js';

/** The task queue every rollout worker polls (attached jobs, the in-cluster controller, the CLI). */
export const ROLLOUT_TASK_QUEUE = 'temporal-rollout';
/** The workflow type name, for clients that start it without importing the workflow code. */
export const ROLLOUT_WORKFLOW_TYPE = 'rolloutWorkflow';

/** One rollout per app: the server refuses a second run with this id, so it is the lock. */
export function rolloutWorkflowId(app: string): string {
  return `rollout/${app}`;
}

/** Durations the workflow waits; production leaves them unset, tests shorten them. */
export interface RolloutTiming {
  /** How often a drain counts the open runs of the release being left (default 30 s). */
  drainPollMs?: number;
  /** A long activity (helm upgrade --wait, a drain count) is retried on another worker this long after its worker went silent (default 30 s). */
  heartbeatTimeoutMs?: number;
  /** The workflow continues as new once its history has this many events (default 2,000). */
  historyLimit?: number;
}

/** Who asked, recorded in the rollout's history: a GitHub run URL, a user name, `cli`. */
export interface Requester {
  requestedBy?: string;
}

/**
 * Release `version`: install it when nothing is stable; otherwise canary it at each ramp step of
 * `config.strategy.steps`, analyse each step, pause, promote (draining the old release), roll back on `fail`,
 * hold on `inconclusive`. `config` is rollout.yaml as parsed at the release's commit: the controller keeps
 * no copy of its own.
 */
export interface ReleaseRequest extends Requester {
  config: RolloutConfig;
  version: string;
  /** `repo@sha256:…` for Helm; locally a label or `file:<entry.js>`. */
  image: string;
  /** Extra non-secret env for this release's workers. */
  env?: Record<string, string>;
  /**
   * The replay gate's verdict (its `deploy` output): `same-queue` takes over stable's task queue (no drain),
   * `new-queue` gets a versioned queue and stable's drains. Unset: rollout.yaml's queue template decides.
   */
  replayDeploy?: ReplayDeploy;
  timing?: RolloutTiming;
}

/**
 * Roll back. Without `to`: stop the running canary (no new work to it, drain it per `drainPolicy`, remove it).
 * With `to`: make that once-stable version stable again. A version that was never stable is refused, naming
 * the ones that were.
 */
export interface RollbackRequest extends Requester {
  config: RolloutConfig;
  to?: string;
  reason: string;
  /** Overrides `strategy.drain.policy` for this rollback: wait for open runs, restart them on stable, or terminate them. */
  drainPolicy?: DrainPolicy;
  timing?: RolloutTiming;
}

/** `promote-now`, `abort` and `resume` carry only who and why. */
export interface ActionRequest extends Requester {
  reason?: string;
}

/** An accepted Update's answer, given at once; the work it started shows in `status`. */
export interface UpdateAnswer {
  message: string;
  phase: RolloutPhase;
  /** The release the rollout is working on after the Update, if any. */
  version?: string;
}

export type RolloutPhase =
  /** Reading the recorded state before anything else. */
  | 'starting'
  /** Nothing was stable: the release is installed as stable. */
  | 'installing'
  /** Placing the canary or moving its weight. */
  | 'canary'
  | 'analyzing'
  /** Waiting out a ramp step's pause. */
  | 'paused'
  /** The analysis was inconclusive: the canary stays where it is until a person sends resume, promote-now, abort or rollback. */
  | 'held'
  /** All new work goes to the new release; the old one drains. */
  | 'promoting'
  /** No new work goes to the canary; it drains before it stops. */
  | 'rolling-back'
  /** Nothing left to do: the run ends. */
  | 'done';

/**
 * What one ramp step's analysis compares: each side's value of `label` (comma-separated values match any), extra
 * matchers for both sides, and the rule that chose them. `label`, `matchers` and `rule` are unset in requests
 * recorded before the rule chose the label: then rollout.yaml's `analysis.selector` names it.
 */
export interface StepSelectors {
  canary: string;
  baseline: string;
  label?: string;
  matchers?: string;
  rule?: string;
}

export interface StepAnalysis {
  version: string;
  /** 1-based ramp step and its weight. */
  step: number;
  weight: number;
  /** Label values of each side, the label and why it was chosen (see `StepSelectors`). */
  selectors: StepSelectors;
  /** Unset while the analysis runs. */
  verdict?: Verdict;
  reasons: string[];
  ticks: number;
  count: number;
  /** Every measurement of every check so far. */
  checks: CheckResult[];
  startedAt: string;
  finishedAt?: string;
}

export interface DrainStatus {
  kind: 'promote' | 'rollback' | 'restore';
  /** The release whose open runs are waited for, and the one taking all new work. */
  leaving?: string;
  staying: string;
  policy: DrainPolicy;
  /** What is counted: a task queue or a build. */
  label?: string;
  openRuns?: number;
  oldestStart?: string;
  since: string;
  polls: number;
}

export interface StatusEvent {
  /** Increases by one per event across the whole rollout (continue-as-new included): follow by it. */
  seq: number;
  at: string;
  /** `request`, `install`, `canary`, `analysis`, `pause`, `hold`, `promote`, `rollback`, `restore`, `drain`, `supersede`, `abort`, `refused`, `continue-as-new`… */
  event: string;
  version?: string;
  detail: string;
}

export type OutcomeResult =
  | 'installed'
  | 'promoted'
  | 'rolled-back'
  | 'restored'
  | 'aborted'
  | 'superseded'
  | 'unchanged'
  | 'failed';

export interface ReleaseOutcome {
  operation: 'release' | 'rollback';
  version: string;
  result: OutcomeResult;
  reasons: string[];
  at: string;
}

export interface RolloutStatus {
  app: string;
  workflowId: string;
  phase: RolloutPhase;
  /** The release in flight (or last worked on). */
  release?: {
    version: string;
    image: string;
    requestedBy?: string;
    /** The replay gate's verdict the release was handed, if any. */
    replayDeploy?: ReplayDeploy;
    /** Where its workers poll, and the rule that chose it (the replay verdict, or the queue template). */
    queue?: { orderQueue: string; paymentQueue: string; rule: string };
  };
  /** The ramp step the canary is on (1-based, of the steps below 100%). */
  step?: { index: number; of: number; weight: number; pauseUntil?: string };
  stable?: string;
  canary?: { version: string; weight: number };
  /** The starter's routing (task-queue strategy) after the last step. */
  routing?: RoutingTable;
  /** The server's routing (worker-versioning) after the last step. */
  versioning?: { current?: string; ramping?: string; percent: number };
  /** Every analysis of this run, each with every measurement. */
  analyses: StepAnalysis[];
  drain?: DrainStatus;
  /** Why the rollout holds (phase `held`). */
  hold?: { reasons: string[]; since: string };
  /** A newer release waiting for the running promotion or rollback to finish (see README: two releases). */
  queued?: { version: string; requestedBy?: string };
  /** A rollback accepted while a promotion drains: it runs when the promotion is done. */
  queuedRollback?: { to?: string; reason: string };
  outcomes: ReleaseOutcome[];
  /** Newest last; the oldest entries are dropped beyond 200. */
  history: StatusEvent[];
  /** Runs of this rollout before the current one (continue-as-new keeps each history small). */
  continuedAsNew: number;
  /** Events in the current run's history when the status was read. */
  historyLength: number;
}

export const statusQuery = defineQuery<RolloutStatus>('status');
export const releaseUpdate = defineUpdate<UpdateAnswer, [ReleaseRequest]>('release');
export const rollbackUpdate = defineUpdate<UpdateAnswer, [RollbackRequest]>('rollback');
export const promoteNowUpdate = defineUpdate<UpdateAnswer, [ActionRequest]>('promote-now');
export const abortUpdate = defineUpdate<UpdateAnswer, [ActionRequest]>('abort');
export const resumeUpdate = defineUpdate<UpdateAnswer, [ActionRequest]>('resume');

/** The Updates by the names a CLI or workflow_dispatch input uses. */
export const ACTION_UPDATES = {
  'promote-now': promoteNowUpdate,
  abort: abortUpdate,
  resume: resumeUpdate,
} as const;
export type ActionName = keyof typeof ACTION_UPDATES;

/** Phases in which the release in flight still ramps (a newer release supersedes it; see README). */
export const RAMPING_PHASES: readonly RolloutPhase[] = ['canary', 'analyzing', 'paused', 'held'];

/** The outcome of `version`'s release in this rollout, once it has one. */
/** The answer to a release of the version already in flight (the job attaches to it). */
export function attachedAnswer(version: string): string {
  return `attached to the release of ${version} in progress`;
}

export function releaseOutcome(status: RolloutStatus, version: string): ReleaseOutcome | undefined {
  return status.outcomes.findLast((o) => o.operation === 'release' && o.version === version);
}

/** A request waiting its turn inside the workflow. */
export type PendingOperation =
  | { kind: 'release'; request: ReleaseRequest }
  | { kind: 'rollback'; request: RollbackRequest };

/** What a run hands to the next when it continues as new in the middle of a drain. */
export interface RolloutCarry {
  status: RolloutStatus;
  pending: PendingOperation[];
  /** The drain to keep polling, the operation it belongs to, and what to record once it is over. */
  resume?: {
    drain: DrainStatus['kind'];
    operation: PendingOperation;
    version: string;
    /** Recorded in `outcomes` once the drain is over: which request it answers, and how it ended. */
    recordAs: ReleaseOutcome['operation'];
    result: OutcomeResult;
    reasons: string[];
  };
}

export interface RolloutWorkflowInput {
  app: string;
  carry?: RolloutCarry;
}

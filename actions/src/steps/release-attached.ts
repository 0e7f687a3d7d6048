// A release job attached to its rollout: it hands the release to the workflow `rollout/<app>` (starting it,
// or joining the one in flight), follows `status` until this release has an outcome, and leaves early only
// when someone else will finish: a drain that a controller (a worker other than this job's) will see through.
// At the attach bound it leaves either way, saying who finishes or exactly what to run.
import type { Client } from '@temporalio/client';
import {
  type ReleaseOutcome,
  type ReleaseRequest,
  type RolloutPhase,
  type RolloutStatus,
  releaseOutcome,
  type StatusEvent,
  type UpdateAnswer,
} from '../controller/api.js';
import { followRollout, otherRolloutPollers, startOrAttachRelease } from '../controller/client.js';
import { controllersOf, type HandoverAdvice, handoverAdvice } from '../core/rollout/handover.js';

export interface AttachedReleaseInput {
  client: Client;
  namespace: string;
  taskQueue: string;
  request: ReleaseRequest;
  /** The identity of the rollout worker this process runs: it never counts as a controller. */
  ownIdentity: string;
  /** How long the job stays attached at most. */
  attachTimeoutMs: number;
  /** How often `status` is read (default 2 s). */
  pollMs?: number;
  /** How often a draining rollout asks whether a controller polls (default 30 s). */
  controllerCheckMs?: number;
  /** For the advice when no controller is there: the rollout.yaml path the job used. */
  configPath: string;
  onEvent?: (event: StatusEvent, status: RolloutStatus) => void;
  /** After each `status` read, with this release's outcome once it has one. */
  onStatus?: (status: RolloutStatus, outcome: ReleaseOutcome | undefined) => Promise<void>;
  now?: () => number;
}

export interface AttachedReleaseResult {
  answer: UpdateAnswer;
  status: RolloutStatus | undefined;
  /** This release's outcome; unset when the job left before it had one. */
  outcome?: ReleaseOutcome;
  /** Why the job left early, and who finishes (or what to run). */
  left?: { because: 'held' | 'draining' | 'attach-timeout'; advice: HandoverAdvice };
}

/** Phases in which only the drain of the release being left remains: a controller can finish them alone. */
const DRAINING: readonly RolloutPhase[] = ['promoting', 'rolling-back'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function attachRelease(input: AttachedReleaseInput): Promise<AttachedReleaseResult> {
  const now = input.now ?? Date.now;
  const { client, request } = input;
  const app = request.config.app;
  const answer = await startOrAttachRelease(client, request, { taskQueue: input.taskQueue });
  const deadline = now() + input.attachTimeoutMs;
  const advise = async (): Promise<HandoverAdvice> => {
    const pollers = await otherRolloutPollers(client, input.namespace, input.ownIdentity, {
      taskQueue: input.taskQueue,
    });
    const controllers = controllersOf(
      pollers.map((p) => ({
        identity: p.identity,
        lastAccessMs: p.lastAccessTime ? Date.parse(p.lastAccessTime) : undefined,
      })),
      new Set([input.ownIdentity]),
      now(),
    );
    return handoverAdvice(`rollout/${app}`, input.taskQueue, controllers, {
      namespace: input.namespace,
      config: input.configPath,
    });
  };

  let afterSeq = -1;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let status: RolloutStatus | undefined;
  for (;;) {
    // One read per turn: followRollout reports each history event once and returns at once.
    status =
      (await followRollout(client, app, {
        afterSeq,
        until: () => true,
        onEvent: (event, current) => {
          afterSeq = event.seq;
          input.onEvent?.(event, current);
        },
      })) ?? status;
    const outcome = status ? releaseOutcome(status, request.version) : undefined;
    if (status) await input.onStatus?.(status, outcome);
    if (outcome) return { answer, status, outcome };
    if (status?.phase === 'held') {
      // Only a person moves a held rollout on; the job does not wait hours for one.
      return { answer, status, left: { because: 'held', advice: await advise() } };
    }
    if (
      status &&
      DRAINING.includes(status.phase) &&
      now() - checkedAt >= (input.controllerCheckMs ?? 30_000)
    ) {
      checkedAt = now();
      const advice = await advise();
      if (advice.handedOver) return { answer, status, left: { because: 'draining', advice } };
    }
    if (now() >= deadline)
      return { answer, status, left: { because: 'attach-timeout', advice: await advise() } };
    await sleep(input.pollMs ?? 2_000);
  }
}

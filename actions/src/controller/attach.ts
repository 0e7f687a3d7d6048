// An attached release: a job (the CLI's `release`, the GitHub `release` action) starts or attaches to the
// app's rollout, runs a rollout worker while it follows the progress, and leaves once the release has an
// outcome, holds for a person, or only drains — and then only when another rollout worker is there to finish
// the drain (DescribeTaskQueue pollers), or its own time is up, saying exactly what finishes it.
import { hostname } from 'node:os';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import {
  type ReleaseOutcome,
  type ReleaseRequest,
  ROLLOUT_TASK_QUEUE,
  type RolloutStatus,
  releaseOutcome,
  type StatusEvent,
  type UpdateAnswer,
} from './api.js';
import { followRollout, otherRolloutPollers, startOrAttachRelease } from './client.js';

export interface AttachOptions {
  client: Client;
  namespace: string;
  request: ReleaseRequest;
  /** Starts this process's rollout worker (unset: rely on a controller alone). */
  startWorker?: (identity: string) => Promise<Worker>;
  taskQueue?: string;
  /** Progress lines. */
  log: (line: string) => void;
  pollMs?: number;
  /**
   * How long this job may follow the rollout (a GitHub job lives 6 hours). While a drain goes on and no other
   * rollout worker polls, the job keeps its worker running until then.
   */
  maxWaitMs?: number;
  /** How often to look for another rollout worker while draining alone (default 10 s). */
  pollerCheckMs?: number;
  signal?: AbortSignal;
}

export type AttachEnd =
  /** The release has an outcome (promoted, installed, rolled back…). */
  | { kind: 'outcome'; outcome: ReleaseOutcome }
  /** The analysis was inconclusive: a person decides (resume, promote-now, abort, rollback). */
  | { kind: 'held'; reasons: string[] }
  /** Only a drain is left and another rollout worker finishes it. */
  | { kind: 'handed-over'; to: string[] }
  /** This job's time is up with nobody else to finish the rollout. */
  | { kind: 'left-alone' };

export interface AttachResult {
  answer: UpdateAnswer;
  end: AttachEnd;
  status?: RolloutStatus;
  /** What a person reads in the log and the job summary: who finishes the rollout, or what to run. */
  message: string;
}

function eventLine(event: StatusEvent): string {
  return `${event.at.slice(11, 19)} ${event.event}${event.version ? ` ${event.version}` : ''}: ${event.detail}`;
}

function drainingOnly(status: RolloutStatus, version: string): boolean {
  return (
    status.release?.version === version &&
    (status.phase === 'promoting' || status.phase === 'rolling-back') &&
    status.drain !== undefined
  );
}

/** What the job says about its release's outcome; a superseded release says it was not shipped. */
export function outcomeMessage(version: string, outcome: ReleaseOutcome): string {
  const reasons = outcome.reasons.join('; ');
  if (outcome.result !== 'superseded') return `${version}: ${outcome.result} — ${reasons}`;
  return `${version} was not shipped: ${reasons}, which goes on in its place (normal when releases follow each other). Do not re-run this job to ship ${version}: while the newer release is in flight the rollout refuses it, and after that it would roll ${version} out over the newer one; release a newer version instead`;
}

export async function attachRelease(options: AttachOptions): Promise<AttachResult> {
  const { client, request, log } = options;
  const { app } = request.config;
  const { version } = request;
  const identity = `attached-${process.pid}@${hostname()}`;
  const attachedAt = Date.now();
  const deadline = attachedAt + (options.maxWaitMs ?? Number.POSITIVE_INFINITY);
  const worker = options.startWorker ? await options.startWorker(identity) : undefined;
  const running = worker?.run();
  try {
    const answer = await startOrAttachRelease(client, request, {
      ...(options.taskQueue ? { taskQueue: options.taskQueue } : {}),
    });
    log(`rollout/${app}: ${answer.message}`);
    let afterSeq = -1;
    const follow = (until: (status: RolloutStatus) => boolean, stopAt: number) =>
      followRollout(client, app, {
        until: (status) => until(status) || Date.now() >= stopAt,
        onEvent: (event) => {
          afterSeq = event.seq;
          log(eventLine(event));
        },
        afterSeq,
        ...(options.pollMs ? { pollMs: options.pollMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    const finished = (status: RolloutStatus) =>
      releaseOutcome(status, version) !== undefined || status.phase === 'held';
    for (;;) {
      const status = await follow((s) => finished(s) || drainingOnly(s, version), deadline);
      if (!status) throw new Error(`the status of rollout/${app} could not be read`);
      const outcome = releaseOutcome(status, version);
      if (outcome) {
        // Stay until the run has closed its books (or moved on to a queued request), so this job's worker
        // does not stop in the middle of the run's last workflow task.
        await follow((s) => s.phase === 'done' || s.release?.version !== version, Date.now() + 30_000);
        return {
          answer,
          end: { kind: 'outcome', outcome },
          status,
          message: outcomeMessage(version, outcome),
        };
      }
      if (status.phase === 'held') {
        const reasons = status.hold?.reasons ?? [];
        return {
          answer,
          end: { kind: 'held', reasons },
          status,
          message: `${version} holds at ${status.canary?.weight ?? '?'}% (${reasons.join('; ')}): a person decides with \`temporal-rollout send resume|promote-now|abort --app ${app}\` or a rollback; a rollout worker must be running to carry it out (\`temporal-rollout controller\`)`,
        };
      }
      if (options.signal?.aborted) throw new Error('stopped');
      if (drainingOnly(status, version)) {
        const others = (
          await otherRolloutPollers(client, options.namespace, identity, {
            ...(options.taskQueue ? { taskQueue: options.taskQueue } : {}),
          })
        )
          // The server lists a poller for minutes after it stopped (an earlier job's worker, say): only one
          // that has polled since this job attached is alive. lastAccessTime has whole seconds.
          .filter(
            (p) => p.lastAccessTime !== undefined && Date.parse(p.lastAccessTime) >= attachedAt - 1_000,
          );
        const drain = status.drain;
        const what = `${drain?.kind} of ${version}: ${drain?.openRuns ?? '?'} open run(s) on ${drain?.label ?? drain?.leaving}`;
        if (others.length > 0) {
          const to = others.map((p) => p.identity);
          return {
            answer,
            end: { kind: 'handed-over', to },
            status,
            message: `leaving the ${what} to the rollout worker(s) ${to.join(', ')} on task queue ${options.taskQueue ?? ROLLOUT_TASK_QUEUE}: they finish it with no one involved; follow it with \`temporal-rollout status --app ${app}\``,
          };
        }
        if (Date.now() >= deadline) {
          return {
            answer,
            end: { kind: 'left-alone' },
            status,
            message: `the ${what} is still going and no other rollout worker polls task queue ${options.taskQueue ?? ROLLOUT_TASK_QUEUE}: it waits, durably, until one does — run \`temporal-rollout controller --config rollout.yaml\` (or enable the chart's controller) to finish it`,
          };
        }
        // Nobody else yet: keep our worker draining, and look again shortly.
        await follow(finished, Math.min(deadline, Date.now() + (options.pollerCheckMs ?? 10_000)));
        continue;
      }
      if (Date.now() >= deadline) {
        return {
          answer,
          end: { kind: 'left-alone' },
          status,
          message: `this job's time is up in phase ${status.phase}; the rollout goes on when a rollout worker polls: run \`temporal-rollout controller --config rollout.yaml\``,
        };
      }
    }
  } finally {
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
  }
}

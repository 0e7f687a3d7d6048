// Talking to a rollout from outside: start or attach a release, send an Update, read and follow `status`,
// and ask the server whether a rollout worker other than ours polls the queue.
import {
  type Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
// CommonJS: its namespace is on the default export under Node's ESM loader.
import proto from '@temporalio/proto';
import { ExternalError, InputError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import {
  ACTION_UPDATES,
  type ActionName,
  type ActionRequest,
  attachedAnswer,
  type ReleaseRequest,
  ROLLOUT_TASK_QUEUE,
  ROLLOUT_WORKFLOW_TYPE,
  type RollbackRequest,
  type RolloutStatus,
  type RolloutWorkflowInput,
  releaseOutcome,
  releaseUpdate,
  rollbackUpdate,
  rolloutWorkflowId,
  type StatusEvent,
  statusQuery,
  type UpdateAnswer,
} from './api.js';

export interface RolloutClientOptions {
  /** Default `temporal-rollout`. */
  taskQueue?: string;
}

/** An Update the workflow refused (its validator said no, or the request could not be carried out): nothing changed. */
export class RolloutRefused extends InputError {
  constructor(update: string, reason: string) {
    super(`rollout ${update}`, `was refused: ${reason}`);
  }
}

function startOperation(app: string, options: RolloutClientOptions) {
  const input: RolloutWorkflowInput = { app };
  return new WithStartWorkflowOperation(ROLLOUT_WORKFLOW_TYPE, {
    workflowId: rolloutWorkflowId(app),
    taskQueue: options.taskQueue ?? ROLLOUT_TASK_QUEUE,
    // The server is the lock: a request for an app whose rollout runs goes to that run.
    workflowIdConflictPolicy: 'USE_EXISTING',
    // A rollout worker on a busy machine (or a cold one replaying a long history) may need more than the
    // default 10 s for a workflow task; a timed-out task is only retried later.
    workflowTaskTimeout: '30s',
    args: [input],
  });
}

/** How long an Update waits for a rollout whose last workflow task failed (its worker died) to be picked up again. */
const TASK_RETRY_MS = 60_000;

function workflowTaskFailed(err: unknown): boolean {
  const details = (err as { details?: string; message?: string; cause?: { message?: string } }) ?? {};
  const text = `${details.message ?? ''} ${details.details ?? ''} ${details.cause?.message ?? ''}`;
  return /Workflow Task in failed state|Update-with-Start could not be executed/.test(text);
}

async function refusedAs<T>(update: string, send: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + TASK_RETRY_MS;
  for (;;) {
    try {
      return await send();
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        throw new RolloutRefused(update, (err.cause as Error | undefined)?.message ?? err.message);
      }
      // The server takes no Update while the run's last workflow task failed (a rollout worker stopped in
      // the middle of one); it is retried as soon as a worker polls.
      if (!workflowTaskFailed(err) || Date.now() >= deadline) throw err;
      await sleep(1_000);
    }
  }
}

/**
 * Starts the app's rollout with this release, or hands the release to the rollout already running (which
 * attaches to it when it is the same version). Answers once the workflow accepted or refused it.
 */
export async function startOrAttachRelease(
  client: Client,
  request: ReleaseRequest,
  options: RolloutClientOptions = {},
): Promise<UpdateAnswer> {
  const attached = await releaseInFlight(client, request.config.app, request.version);
  if (attached) return attached;
  return refusedAs('release', () =>
    client.workflow.executeUpdateWithStart(releaseUpdate, {
      args: [request],
      startWorkflowOperation: startOperation(request.config.app, options),
    }),
  );
}

/** How long a re-run waits for the running rollout to answer `status` before it falls back to the Update. */
const ATTACH_QUERY_MS = 60_000;

/**
 * A re-run of a release job whose release is already in flight attaches by reading `status`, without an
 * Update: @temporalio/worker 1.24 can order an Update accepted in the same workflow task as a timer's
 * follow-on activity differently on replay when the task before it timed out (the killed job's worker held
 * it), and the run then fails every later task with TMPRL1100. A re-run is exactly that case.
 */
async function releaseInFlight(
  client: Client,
  app: string,
  version: string,
): Promise<UpdateAnswer | undefined> {
  const handle = client.workflow.getHandle(rolloutWorkflowId(app));
  try {
    const described = await handle.describe();
    if (described.status.name !== 'RUNNING') return undefined;
    const status = await client.withDeadline(Date.now() + ATTACH_QUERY_MS, () => handle.query(statusQuery));
    const working =
      status.release?.version === version && status.phase !== 'done' && status.phase !== 'starting';
    if (!working || releaseOutcome(status, version)) return undefined;
    return { message: attachedAnswer(version), phase: status.phase, version };
  } catch {
    // Not running, or no answer in time (no worker yet, a busy one): the Update below decides, as it always did.
    return undefined;
  }
}

/** Sends a rollback; with no rollout running, starts one to carry it out (e.g. a restore of an older version). */
export async function sendRollback(
  client: Client,
  request: RollbackRequest,
  options: RolloutClientOptions = {},
): Promise<UpdateAnswer> {
  return refusedAs('rollback', () =>
    client.workflow.executeUpdateWithStart(rollbackUpdate, {
      args: [request],
      startWorkflowOperation: startOperation(request.config.app, options),
    }),
  );
}

/** `promote-now`, `abort` or `resume` to the app's running rollout. */
export async function sendAction(
  client: Client,
  app: string,
  action: ActionName,
  request: ActionRequest = {},
): Promise<UpdateAnswer> {
  const handle = client.workflow.getHandle(rolloutWorkflowId(app));
  try {
    return await refusedAs(action, () => handle.executeUpdate(ACTION_UPDATES[action], { args: [request] }));
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      throw new RolloutRefused(action, `no rollout of ${app} is running`);
    }
    throw err;
  }
}

/** The rollout's status (the running one, or else the last run); undefined when the app never had one. */
export async function readStatus(client: Client, app: string): Promise<RolloutStatus | undefined> {
  try {
    return await client.workflow.getHandle(rolloutWorkflowId(app)).query(statusQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

export interface FollowOptions {
  /** Called once per history event, oldest first, each event once. */
  onEvent?: (event: StatusEvent, status: RolloutStatus) => void;
  /** Stop following once this holds. */
  until: (status: RolloutStatus) => boolean;
  pollMs?: number;
  signal?: AbortSignal;
  /** Event sequence numbers up to this one were already shown. */
  afterSeq?: number;
}

/**
 * Polls `status` and reports every new history event until `until` holds (or `signal` aborts); returns the
 * last status read. A query that fails for a moment (server restart, no worker yet) is retried.
 */
export async function followRollout(
  client: Client,
  app: string,
  options: FollowOptions,
): Promise<RolloutStatus | undefined> {
  const pollMs = options.pollMs ?? 1_000;
  let seen = options.afterSeq ?? -1;
  let last: RolloutStatus | undefined;
  while (!options.signal?.aborted) {
    try {
      last = await readStatus(client, app);
    } catch {
      // Transient: the server restarts, or no rollout worker answers queries yet. Keep polling.
    }
    if (last) {
      for (const event of last.history) {
        if (event.seq <= seen) continue;
        seen = event.seq;
        options.onEvent?.(event, last);
      }
      if (options.until(last)) return last;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      options.signal?.addEventListener('abort', done, { once: true });
    });
  }
  return last;
}

export interface Poller {
  identity: string;
  lastAccessTime?: string;
}

/**
 * Rollout workers polling the queue now (both workflow and activity tasks), except `ownIdentity`: whether
 * someone else is there to finish a rollout this process leaves.
 */
export async function otherRolloutPollers(
  client: Client,
  namespace: string,
  ownIdentity: string,
  options: RolloutClientOptions = {},
): Promise<Poller[]> {
  const taskQueue = options.taskQueue ?? ROLLOUT_TASK_QUEUE;
  const { TaskQueueType, TaskQueueKind } = proto.temporal.api.enums.v1;
  const byType = await Promise.all(
    [TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY].map(async (type) => {
      try {
        const response = await client.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: type,
        });
        return response.pollers ?? [];
      } catch (err) {
        throw new ExternalError(
          'Temporal',
          `cannot describe task queue ${taskQueue}: ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
    }),
  );
  const [workflowPollers = [], activityPollers = []] = byType;
  const identities = (list: typeof workflowPollers) =>
    new Set(list.map((p) => p.identity ?? '').filter((id) => id && id !== ownIdentity));
  const activity = identities(activityPollers);
  // Only a worker that takes both kinds of task can finish a rollout.
  return workflowPollers
    .filter((p) => p.identity && p.identity !== ownIdentity && activity.has(p.identity))
    .map((p) => ({
      identity: p.identity ?? '',
      ...(p.lastAccessTime?.seconds
        ? { lastAccessTime: new Date(Number(p.lastAccessTime.seconds) * 1000).toISOString() }
        : {}),
    }));
}

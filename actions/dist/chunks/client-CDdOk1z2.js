import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as libExports } from './index-Die7_PD0.js';
import { p as proto } from './index-DA9XjHXy.js';
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { s as sleep } from './sleep-DCjOWjxt.js';
import { r as rolloutWorkflowId, A as ACTION_UPDATES, s as statusQuery, b as releaseOutcome, e as attachedAnswer, f as releaseUpdate, g as rollbackUpdate, h as ROLLOUT_WORKFLOW_TYPE, R as ROLLOUT_TASK_QUEUE } from './rollback-BLxVQd3C.js';

// Talking to a rollout from outside: start or attach a release, send an Update, read and follow `status`,
// and ask the server whether a rollout worker other than ours polls the queue.
/** An Update the workflow refused (its validator said no, or the request could not be carried out): nothing changed. */ class RolloutRefused extends InputError {
    constructor(update, reason){
        super(`rollout ${update}`, `was refused: ${reason}`);
    }
}
function startOperation(app, options) {
    const input = {
        app
    };
    return new libExports.WithStartWorkflowOperation(ROLLOUT_WORKFLOW_TYPE, {
        workflowId: rolloutWorkflowId(app),
        taskQueue: options.taskQueue ?? ROLLOUT_TASK_QUEUE,
        // The server is the lock: a request for an app whose rollout runs goes to that run.
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A rollout worker on a busy machine (or a cold one replaying a long history) may need more than the
        // default 10 s for a workflow task; a timed-out task is only retried later.
        workflowTaskTimeout: '30s',
        args: [
            input
        ]
    });
}
/** How long an Update waits for a rollout whose last workflow task failed (its worker died) to be picked up again. */ const TASK_RETRY_MS = 60_000;
function workflowTaskFailed(err) {
    const details = err ?? {};
    const text = `${details.message ?? ''} ${details.details ?? ''} ${details.cause?.message ?? ''}`;
    return /Workflow Task in failed state|Update-with-Start could not be executed/.test(text);
}
async function refusedAs(update, send) {
    const deadline = Date.now() + TASK_RETRY_MS;
    for(;;){
        try {
            return await send();
        } catch (err) {
            if (err instanceof libExports.WorkflowUpdateFailedError) {
                throw new RolloutRefused(update, err.cause?.message ?? err.message);
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
 */ async function startOrAttachRelease(client, request, options = {}) {
    const attached = await releaseInFlight(client, request.config.app, request.version);
    if (attached) return attached;
    return refusedAs('release', ()=>client.workflow.executeUpdateWithStart(releaseUpdate, {
            args: [
                request
            ],
            startWorkflowOperation: startOperation(request.config.app, options)
        }));
}
/** How long a re-run waits for the running rollout to answer `status` before it falls back to the Update. */ const ATTACH_QUERY_MS = 60_000;
/**
 * A re-run of a release job whose release is already in flight attaches by reading `status`, without an
 * Update: @temporalio/worker 1.24 can order an Update accepted in the same workflow task as a timer's
 * follow-on activity differently on replay when the task before it timed out (the killed job's worker held
 * it), and the run then fails every later task with TMPRL1100. A re-run is exactly that case.
 */ async function releaseInFlight(client, app, version) {
    const handle = client.workflow.getHandle(rolloutWorkflowId(app));
    try {
        const described = await handle.describe();
        if (described.status.name !== 'RUNNING') return undefined;
        const status = await client.withDeadline(Date.now() + ATTACH_QUERY_MS, ()=>handle.query(statusQuery));
        const working = status.release?.version === version && status.phase !== 'done' && status.phase !== 'starting';
        if (!working || releaseOutcome(status, version)) return undefined;
        return {
            message: attachedAnswer(version),
            phase: status.phase,
            version
        };
    } catch  {
        // Not running, or no answer in time (no worker yet, a busy one): the Update below decides, as it always did.
        return undefined;
    }
}
/** Sends a rollback; with no rollout running, starts one to carry it out (e.g. a restore of an older version). */ async function sendRollback(client, request, options = {}) {
    return refusedAs('rollback', ()=>client.workflow.executeUpdateWithStart(rollbackUpdate, {
            args: [
                request
            ],
            startWorkflowOperation: startOperation(request.config.app, options)
        }));
}
/** `promote-now`, `abort` or `resume` to the app's running rollout. */ async function sendAction(client, app, action, request = {}) {
    const handle = client.workflow.getHandle(rolloutWorkflowId(app));
    try {
        return await refusedAs(action, ()=>handle.executeUpdate(ACTION_UPDATES[action], {
                args: [
                    request
                ]
            }));
    } catch (err) {
        if (err instanceof libExports.WorkflowNotFoundError) {
            throw new RolloutRefused(action, `no rollout of ${app} is running`);
        }
        throw err;
    }
}
/** The rollout's status (the running one, or else the last run); undefined when the app never had one. */ async function readStatus(client, app) {
    try {
        return await client.workflow.getHandle(rolloutWorkflowId(app)).query(statusQuery);
    } catch (err) {
        if (err instanceof libExports.WorkflowNotFoundError) return undefined;
        throw err;
    }
}
/**
 * Polls `status` and reports every new history event until `until` holds (or `signal` aborts); returns the
 * last status read. A query that fails for a moment (server restart, no worker yet) is retried.
 */ async function followRollout(client, app, options) {
    const pollMs = options.pollMs ?? 1_000;
    let seen = options.afterSeq ?? -1;
    let last;
    while(!options.signal?.aborted){
        try {
            last = await readStatus(client, app);
        } catch  {
        // Transient: the server restarts, or no rollout worker answers queries yet. Keep polling.
        }
        if (last) {
            for (const event of last.history){
                if (event.seq <= seen) continue;
                seen = event.seq;
                options.onEvent?.(event, last);
            }
            if (options.until(last)) return last;
        }
        await new Promise((resolve)=>{
            const done = ()=>{
                clearTimeout(timer);
                options.signal?.removeEventListener('abort', done);
                resolve();
            };
            const timer = setTimeout(done, pollMs);
            options.signal?.addEventListener('abort', done, {
                once: true
            });
        });
    }
    return last;
}
/**
 * Rollout workers polling the queue now (both workflow and activity tasks), except `ownIdentity`: whether
 * someone else is there to finish a rollout this process leaves.
 */ async function otherRolloutPollers(client, namespace, ownIdentity, options = {}) {
    const taskQueue = options.taskQueue ?? ROLLOUT_TASK_QUEUE;
    const { TaskQueueType, TaskQueueKind } = proto.temporal.api.enums.v1;
    const byType = await Promise.all([
        TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY
    ].map(async (type)=>{
        try {
            const response = await client.workflowService.describeTaskQueue({
                namespace,
                taskQueue: {
                    name: taskQueue,
                    kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL
                },
                taskQueueType: type
            });
            return response.pollers ?? [];
        } catch (err) {
            throw new ExternalError('Temporal', `cannot describe task queue ${taskQueue}: ${err.message}`, {
                cause: err
            });
        }
    }));
    const [workflowPollers = [], activityPollers = []] = byType;
    const identities = (list)=>new Set(list.map((p)=>p.identity ?? '').filter((id)=>id && id !== ownIdentity));
    const activity = identities(activityPollers);
    // Only a worker that takes both kinds of task can finish a rollout.
    return workflowPollers.filter((p)=>p.identity && p.identity !== ownIdentity && activity.has(p.identity)).map((p)=>({
            identity: p.identity ?? '',
            ...p.lastAccessTime?.seconds ? {
                lastAccessTime: new Date(Number(p.lastAccessTime.seconds) * 1000).toISOString()
            } : {}
        }));
}

export { sendAction as a, sendRollback as b, followRollout as f, otherRolloutPollers as o, readStatus as r, startOrAttachRelease as s };

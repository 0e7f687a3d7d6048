import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { hostname } from 'node:os';
import { b as releaseOutcome, R as ROLLOUT_TASK_QUEUE } from './rollback-BLxVQd3C.js';
import { s as startOrAttachRelease, f as followRollout, o as otherRolloutPollers } from './client-CDdOk1z2.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { v as versionOf, j as parseKeyValues, l as listOf, m as durationOf, i as integerOf, t as textOf } from './table-BWLE4AEh.js';
import { C as CONTROLLER_OPTIONS } from './rollout-session-DkBIH-aE.js';
import { C as CANARY_OPTIONS } from './rollout-Bx7AR7l9.js';
import { R as REPLAY_DEPLOY_OPTION, r as replayDeployOf } from './replay-deploy-CL7Vuhcl.js';

// An attached release: a job (the CLI's `release`, the GitHub `release` action) starts or attaches to the
// app's rollout, runs a rollout worker while it follows the progress, and leaves once the release has an
// outcome, holds for a person, or only drains — and then only when another rollout worker is there to finish
// the drain (DescribeTaskQueue pollers), or its own time is up, saying exactly what finishes it.
function eventLine(event) {
    return `${event.at.slice(11, 19)} ${event.event}${event.version ? ` ${event.version}` : ''}: ${event.detail}`;
}
function drainingOnly(status, version) {
    return status.release?.version === version && (status.phase === 'promoting' || status.phase === 'rolling-back') && status.drain !== undefined;
}
/** What the job says about its release's outcome; a superseded release says it was not shipped. */ function outcomeMessage(version, outcome) {
    const reasons = outcome.reasons.join('; ');
    if (outcome.result !== 'superseded') return `${version}: ${outcome.result} — ${reasons}`;
    return `${version} was not shipped: ${reasons}, which goes on in its place (normal when releases follow each other). Do not re-run this job to ship ${version}: while the newer release is in flight the rollout refuses it, and after that it would roll ${version} out over the newer one; release a newer version instead`;
}
async function attachRelease(options) {
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
            ...options.taskQueue ? {
                taskQueue: options.taskQueue
            } : {}
        });
        log(`rollout/${app}: ${answer.message}`);
        let afterSeq = -1;
        const follow = (until, stopAt)=>followRollout(client, app, {
                until: (status)=>until(status) || Date.now() >= stopAt,
                onEvent: (event)=>{
                    afterSeq = event.seq;
                    log(eventLine(event));
                },
                afterSeq,
                ...options.pollMs ? {
                    pollMs: options.pollMs
                } : {},
                ...options.signal ? {
                    signal: options.signal
                } : {}
            });
        const finished = (status)=>releaseOutcome(status, version) !== undefined || status.phase === 'held';
        for(;;){
            const status = await follow((s)=>finished(s) || drainingOnly(s, version), deadline);
            if (!status) throw new Error(`the status of rollout/${app} could not be read`);
            const outcome = releaseOutcome(status, version);
            if (outcome) {
                // Stay until the run has closed its books (or moved on to a queued request), so this job's worker
                // does not stop in the middle of the run's last workflow task.
                await follow((s)=>s.phase === 'done' || s.release?.version !== version, Date.now() + 30_000);
                return {
                    answer,
                    end: {
                        kind: 'outcome',
                        outcome
                    },
                    status,
                    message: outcomeMessage(version, outcome)
                };
            }
            if (status.phase === 'held') {
                const reasons = status.hold?.reasons ?? [];
                return {
                    answer,
                    end: {
                        kind: 'held',
                        reasons
                    },
                    status,
                    message: `${version} holds at ${status.canary?.weight ?? '?'}% (${reasons.join('; ')}): a person decides with \`temporal-rollout send resume|promote-now|abort --app ${app}\` or a rollback; a rollout worker must be running to carry it out (\`temporal-rollout controller\`)`
                };
            }
            if (options.signal?.aborted) throw new Error('stopped');
            if (drainingOnly(status, version)) {
                const others = (await otherRolloutPollers(client, options.namespace, identity, {
                    ...options.taskQueue ? {
                        taskQueue: options.taskQueue
                    } : {}
                }))// The server lists a poller for minutes after it stopped (an earlier job's worker, say): only one
                // that has polled since this job attached is alive. lastAccessTime has whole seconds.
                .filter((p)=>p.lastAccessTime !== undefined && Date.parse(p.lastAccessTime) >= attachedAt - 1_000);
                const drain = status.drain;
                const what = `${drain?.kind} of ${version}: ${drain?.openRuns ?? '?'} open run(s) on ${drain?.label ?? drain?.leaving}`;
                if (others.length > 0) {
                    const to = others.map((p)=>p.identity);
                    return {
                        answer,
                        end: {
                            kind: 'handed-over',
                            to
                        },
                        status,
                        message: `leaving the ${what} to the rollout worker(s) ${to.join(', ')} on task queue ${options.taskQueue ?? ROLLOUT_TASK_QUEUE}: they finish it with no one involved; follow it with \`temporal-rollout status --app ${app}\``
                    };
                }
                if (Date.now() >= deadline) {
                    return {
                        answer,
                        end: {
                            kind: 'left-alone'
                        },
                        status,
                        message: `the ${what} is still going and no other rollout worker polls task queue ${options.taskQueue ?? ROLLOUT_TASK_QUEUE}: it waits, durably, until one does — run \`temporal-rollout controller --config rollout.yaml\` (or enable the chart's controller) to finish it`
                    };
                }
                // Nobody else yet: keep our worker draining, and look again shortly.
                await follow(finished, Math.min(deadline, Date.now() + (options.pollerCheckMs ?? 10_000)));
                continue;
            }
            if (Date.now() >= deadline) {
                return {
                    answer,
                    end: {
                        kind: 'left-alone'
                    },
                    status,
                    message: `this job's time is up in phase ${status.phase}; the rollout goes on when a rollout worker polls: run \`temporal-rollout controller --config rollout.yaml\``
                };
            }
        }
    } finally{
        if (worker && worker.getState() === 'RUNNING') worker.shutdown();
        await running?.catch(()=>undefined);
    }
}

// How a job that attached to a release ends, decided once for every front end: the CLI's exit code and the
// release action's failure or annotation come from here, so they cannot disagree.
const OUTCOME_END = {
    installed: {
        exitCode: 0,
        level: 'info'
    },
    promoted: {
        exitCode: 0,
        level: 'info'
    },
    unchanged: {
        exitCode: 0,
        level: 'info'
    },
    restored: {
        exitCode: 0,
        level: 'info'
    },
    // Nothing went wrong: a newer release took this one's place, as releases that follow each other do. The job
    // succeeds, but warns that this version was not shipped (the message names the newer one).
    superseded: {
        exitCode: 0,
        level: 'warning'
    },
    'rolled-back': {
        exitCode: 1,
        level: 'error'
    },
    aborted: {
        exitCode: 1,
        level: 'error'
    },
    failed: {
        exitCode: 1,
        level: 'error'
    }
};
function jobEndOf(end) {
    switch(end.kind){
        case 'outcome':
            return OUTCOME_END[end.outcome.result];
        case 'handed-over':
            return {
                exitCode: 0,
                level: 'notice'
            };
        case 'left-alone':
            return {
                exitCode: 3,
                level: 'error'
            };
        case 'held':
            return {
                exitCode: 5,
                level: 'error'
            };
    }
}

// The release command's options (beside the shared rollout ones), and what they become: the request the rollout
// workflow takes and how long the job stays attached. The action and the CLI read the same entries.
function canaryOption(field) {
    const spec = CANARY_OPTIONS.find((s)=>s.field === field);
    if (!spec) throw new Error(`no canary option ${field}`);
    return spec;
}
const RELEASE_OPTIONS = [
    canaryOption('version'),
    canaryOption('image'),
    {
        field: 'env',
        kind: 'list',
        input: false,
        arg: 'K=V',
        help: "extra non-secret env for this release's workers (repeatable)"
    },
    REPLAY_DEPLOY_OPTION,
    {
        field: 'requested-by',
        input: false,
        arg: 'WHO',
        help: "recorded in the rollout's history"
    },
    {
        field: 'no-worker',
        kind: 'switch',
        input: false,
        help: 'run no rollout worker here (a controller does the work)'
    },
    {
        field: 'max-wait',
        input: 'attach-timeout',
        description: 'How long the job stays attached at most (e.g. 5h). It leaves a draining rollout earlier once a controller polls the task queue.',
        arg: '5h',
        help: 'leave after this long even if only this job could finish a drain (default: no limit)',
        inputDefault: '5h'
    },
    {
        field: 'drain-poll',
        description: 'How often the rollout counts the open runs of the release being left while it drains.',
        arg: '30s',
        help: 'how often a drain counts open runs'
    },
    {
        field: 'heartbeat-timeout',
        input: false,
        arg: '30s',
        help: "how soon a killed rollout worker's step is retried elsewhere"
    },
    {
        field: 'history-limit',
        input: false,
        arg: 'N',
        help: 'continue the workflow as new past N history events (default 2000)'
    },
    ...CONTROLLER_OPTIONS
];
function releaseAskedOf(values) {
    const version = versionOf(values, 'version');
    if (!version) throw new InputError('version', 'is required', 'pass the release version, e.g. the build step output');
    const env = parseKeyValues(listOf(values, 'env'), 'env');
    const replayDeploy = replayDeployOf(values, 'replay-deploy');
    const drainPollMs = durationOf(values, 'drain-poll');
    const heartbeatTimeoutMs = durationOf(values, 'heartbeat-timeout');
    const historyLimit = integerOf(values, 'history-limit', {
        min: 1
    });
    const maxWaitMs = durationOf(values, 'max-wait');
    const taskQueue = textOf(values, 'task-queue');
    const image = textOf(values, 'image');
    const timing = {
        ...drainPollMs ? {
            drainPollMs
        } : {},
        ...heartbeatTimeoutMs ? {
            heartbeatTimeoutMs
        } : {},
        ...historyLimit ? {
            historyLimit
        } : {}
    };
    return {
        requestFor: (options, requestedBy)=>{
            // The workers' env: the shared worker-env, then this release's own.
            const workerEnv = {
                ...options.workerEnv,
                ...env
            };
            return {
                config: options.config,
                version,
                image: image ?? options.config.image,
                ...Object.keys(workerEnv).length > 0 ? {
                    env: workerEnv
                } : {},
                ...requestedBy ? {
                    requestedBy
                } : {},
                ...replayDeploy ? {
                    replayDeploy
                } : {},
                ...Object.keys(timing).length > 0 ? {
                    timing
                } : {}
            };
        },
        ...maxWaitMs ? {
            maxWaitMs
        } : {},
        ...taskQueue ? {
            taskQueue
        } : {}
    };
}

export { RELEASE_OPTIONS as R, attachRelease as a, jobEndOf as j, releaseAskedOf as r };

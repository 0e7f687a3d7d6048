import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError, E as ExternalError } from './errors-Brz47dcM.js';
import { p as parseVersion, q as queueName, b as buildIdFor } from './queues-_TaSjIq2.js';
import { randomUUID } from 'node:crypto';
import { resolve, join } from 'node:path';
import { l as libExports } from './index-CoVbPU9n.js';
import { a as describeDeploy, r as rolledBackTo, i as isGood, v as versionOf, f as findStuck, w as writeFileAtomic, F as FileStateStore, k as kubectlRunner, C as ConfigMapStateStore, H as Helm } from './state-configmap-C65-BqaA.js';
import { readFile, mkdir, rm } from 'node:fs/promises';
import 'node:os';
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * What to do about open runs at one moment of a drain. `wait` polls until `timeoutMs`; `terminate` and
 * `reset` act on the runs at once (with a reason) instead of waiting.
 */ function decideDrain(target, policy, waitedMs, timeoutMs, pollMs) {
    if (target.openRuns === 0) return {
        kind: 'drained'
    };
    if (policy === 'terminate') return {
        kind: 'terminate'
    };
    if (policy === 'reset') return {
        kind: 'reset'
    };
    if (waitedMs >= timeoutMs) return {
        kind: 'timed-out'
    };
    return {
        kind: 'wait',
        sleepMs: Math.max(1, Math.min(pollMs, timeoutMs - waitedMs))
    };
}
function describeDrain(report) {
    const evidence = report.evidence?.length ? ` (${report.evidence.join('; ')})` : '';
    return describeCounts(report) + evidence;
}
function describeCounts(report) {
    if (report.openRunsAtStart === 0 && report.drained) return `${report.label}: no open runs`;
    if (report.openRunsAtStart === 0 && report.openRunsAtEnd === 0) {
        return `${report.label}: visibility counts no open run, but it is not believed yet after ${(report.waitedMs / 1000).toFixed(1)} s; its workers keep running`;
    }
    const acted = report.acted.length > 0 ? `, ${report.policy === 'terminate' ? 'terminated' : 'restarted on stable'} ${report.acted.length}` : '';
    if (report.drained) {
        return `${report.label}: ${report.openRunsAtStart} open run(s) drained in ${(report.waitedMs / 1000).toFixed(1)} s${acted}`;
    }
    const oldest = report.oldestStart ? `, oldest started ${report.oldestStart}` : '';
    return `${report.label}: still ${report.openRunsAtEnd} open run(s) after ${(report.waitedMs / 1000).toFixed(1)} s${oldest}; its workers keep running`;
}

function emptyState(app, strategy) {
    return {
        schema: 1,
        app,
        strategy,
        phase: 'stable',
        deployed: [],
        history: []
    };
}
/** Same version and same placement: re-applying it changes nothing. */ function sameRelease(a, b) {
    if (!a || !b) return false;
    return a.version === b.version && a.buildId === b.buildId && a.image === b.image && a.orderQueue === b.orderQueue && a.paymentQueue === b.paymentQueue && JSON.stringify(sortedEnv(a.env)) === JSON.stringify(sortedEnv(b.env));
}
function sortedEnv(env) {
    return Object.entries(env ?? {}).sort(([x], [y])=>x.localeCompare(y));
}
/** Records `release` as deployed stable (keeping one entry per version, newest last). */ function withDeployed(state, release) {
    const { weight: _weight, ...spec } = release;
    return [
        ...state.deployed.filter((r)=>r.version !== release.version),
        spec
    ];
}

/** The weight of a ramp step, 1-based (`step 1` is the first weight). */ function weightOfStep(steps, step, subject = 'step') {
    const found = steps[step - 1];
    if (!Number.isInteger(step) || !found) {
        throw new InputError(subject, `there is no ramp step ${step}`, `pick 1..${steps.length} (strategy.steps)`);
    }
    return found.weight;
}
function checkWeight(weight, subject) {
    if (!Number.isFinite(weight) || weight < 1 || weight > 100) {
        throw new InputError(subject, `${weight} is not a percentage of new work`, 'pass a weight from 1 to 100');
    }
}
function planCanary(state, release, weight) {
    checkWeight(weight, 'weight');
    parseVersion(release.version, 'version');
    if (state.phase === 'promoting' || state.phase === 'rolling-back') {
        const verb = state.phase === 'promoting' ? 'promote' : 'rollback';
        throw new InputError('version', `a ${verb} of ${state.canary?.version} is still draining, so a new canary cannot start`, `re-run ${verb} to finish it first`);
    }
    const { stable, canary } = state;
    if (!stable) return {
        kind: 'install',
        release
    };
    if (!canary && stable.version === release.version) {
        if (!sameRelease(stable, release)) {
            throw new InputError('version', `${release.version} is already stable with a different image or queue`, 'publish the change under a new version');
        }
        return {
            kind: 'noop',
            reason: `${release.version} is already the stable release`
        };
    }
    if (canary) {
        if (canary.version !== release.version) {
            throw new InputError('version', `canary ${canary.version} is still running, so ${release.version} cannot start beside it`, `promote or roll back ${canary.version} first`);
        }
        if (!sameRelease(canary, release)) {
            throw new InputError('version', `canary ${canary.version} runs a different image or queue than requested`, 'roll the canary back and start it again, or publish a new version');
        }
        if (canary.weight === weight) {
            return {
                kind: 'noop',
                reason: `canary ${canary.version} already gets ${weight}% of new work`
            };
        }
        return {
            kind: 'reweight',
            release,
            from: canary.weight,
            weight
        };
    }
    return {
        kind: 'deploy',
        release,
        weight
    };
}
function planPromote(state, version) {
    const { canary, stable } = state;
    if (!canary) {
        if (version !== undefined && stable?.version === version) {
            return {
                kind: 'noop',
                reason: `${version} is already stable: nothing left to promote`
            };
        }
        throw new InputError('version', version === undefined ? 'there is no canary to promote' : `there is no canary to promote (stable is ${stable?.version ?? 'nothing'}, not ${version})`, 'run the canary step first');
    }
    if (version !== undefined && canary.version !== version) {
        throw new InputError('version', `the canary is ${canary.version}, not ${version}`, `promote ${canary.version}, or roll it back and start ${version}`);
    }
    if (state.phase === 'promoting' && state.promotion === 'restore') {
        throw new InputError('version', `a manual rollback to ${canary.version} is draining ${stable?.version ?? 'the old release'}`, `re-run rollback --to ${canary.version} to continue it`);
    }
    if (state.phase === 'rolling-back') {
        throw new InputError('version', `canary ${canary.version} is being rolled back`, 'finish the rollback (re-run it), then start a new canary');
    }
    const { weight: _weight, ...spec } = canary;
    return {
        kind: 'promote',
        canary: spec,
        stable,
        resume: state.phase === 'promoting'
    };
}
function planRollback(state, to) {
    const { canary, stable } = state;
    if (canary && state.phase === 'promoting' && state.promotion === 'restore') {
        if (to !== canary.version) {
            throw new InputError('to', `a manual rollback to ${canary.version} is waiting for ${stable?.version ?? 'the old release'} to drain${to === undefined ? '' : `, so ${to} cannot be restored now`}`, `re-run rollback --to ${canary.version} to continue it`);
        }
        if (!stable) throw new Error('unreachable: a restore always replaces a stable release');
        const { weight: _weight, ...target } = canary;
        return {
            kind: 'restore',
            target,
            current: stable,
            resume: true
        };
    }
    if (canary) {
        if (to !== undefined && to !== stable?.version) {
            throw new InputError('to', `canary ${canary.version} is running; rolling back means returning to stable ${stable?.version}, not ${to}`, 'roll the canary back without a target first, then restore an older version');
        }
        if (state.phase === 'promoting') {
            throw new InputError('to', `canary ${canary.version} is being promoted and already takes all new work`, 'finish the promotion (re-run promote), then restore the earlier version by name');
        }
        const { weight: _weight, ...spec } = canary;
        return {
            kind: 'abort-canary',
            canary: spec,
            stable,
            resume: state.phase === 'rolling-back'
        };
    }
    if (to === undefined) return {
        kind: 'noop',
        reason: 'no canary is running: nothing to roll back'
    };
    if (!stable) {
        throw new InputError('to', `nothing is deployed yet, so ${to} cannot be restored`, 'run the canary step');
    }
    if (stable.version === to) return {
        kind: 'noop',
        reason: `${to} is already the stable release`
    };
    const target = state.deployed.find((release)=>release.version === to);
    if (!target) {
        const known = state.deployed.map((release)=>release.version).join(', ') || 'none';
        throw new InputError('to', `${to} was never deployed here (deployed: ${known})`, 'pick a deployed version');
    }
    return {
        kind: 'restore',
        target,
        current: stable,
        resume: false
    };
}

/**
 * The routing table the order starter reads (a ConfigMap in Kubernetes, a file locally):
 * `{"routes":[{"taskQueue":"order-task-queue-v1","weight":90},{"taskQueue":"order-task-queue-v2","weight":10}]}`.
 * Weights are relative integers ≥ 0. Same format as worker/src/starter/routing.ts.
 */ /**
 * New starts split between the stable queue and the canary queue: `canaryPercent` of them to the canary.
 * When both releases share a queue (worker-versioning, or a compatible release), all starts go to that queue.
 */ function routingFor(stableQueue, canaryQueue, canaryPercent) {
    if (canaryQueue === undefined || canaryQueue === stableQueue || canaryPercent <= 0) {
        return {
            routes: [
                {
                    taskQueue: stableQueue,
                    weight: 100
                }
            ]
        };
    }
    if (canaryPercent >= 100) return {
        routes: [
            {
                taskQueue: canaryQueue,
                weight: 100
            }
        ]
    };
    const canary = Math.round(canaryPercent);
    return {
        routes: [
            {
                taskQueue: stableQueue,
                weight: 100 - canary
            },
            {
                taskQueue: canaryQueue,
                weight: canary
            }
        ]
    };
}
/** Same routes in the same order (how the starter reads them); both absent counts as the same. */ function sameRouting(a, b) {
    return JSON.stringify(a?.routes) === JSON.stringify(b?.routes);
}
/** `order-task-queue-v1=90, order-task-queue-v2=10`, for messages. */ function describeRoutes(table) {
    if (!table) return 'no routing';
    return table.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ') || 'no routes';
}

const IDENTITY = 'temporal-rollout';
// temporal.api.enums.v1 values (TaskQueueKind NORMAL, TaskQueueType WORKFLOW): numbers, so @temporalio/proto
// (only a transitive dependency) is not imported for two constants.
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;
function quote(value) {
    return JSON.stringify(value);
}
function scopeQuery(scope) {
    const where = scope.kind === 'task-queue' ? `TaskQueue=${quote(scope.taskQueue)}` : `TemporalWorkerDeploymentVersion=${quote(`${scope.deploymentName}:${scope.buildId}`)}`;
    return `${where} AND ExecutionStatus="Running"`;
}
function scopeLabel(scope) {
    return scope.kind === 'task-queue' ? `task queue ${scope.taskQueue}` : `version ${scope.deploymentName}:${scope.buildId}`;
}
async function call(what, fn) {
    try {
        return await fn();
    } catch (err) {
        throw new ExternalError('Temporal', `${what} failed: ${err.message}`, {
            cause: err
        });
    }
}
/**
 * Open-run counts through visibility, plus the worker-deployment routing calls. Everything goes through one
 * client bound to the namespace the workers use.
 */ class TemporalVisibility {
    constructor(client, namespace){
        this.client = client;
        this.namespace = namespace;
    }
    async countOpenRuns(scope) {
        const { count } = await call(`counting open runs on ${scopeLabel(scope)}`, ()=>this.client.workflow.count(scopeQuery(scope)));
        return count;
    }
    async listOpenRuns(scope, limit = 1000) {
        return call(`listing open runs on ${scopeLabel(scope)}`, async ()=>{
            const runs = [];
            for await (const info of this.client.workflow.list({
                query: scopeQuery(scope),
                pageSize: 100
            })){
                runs.push({
                    workflowId: info.workflowId,
                    runId: info.runId,
                    type: info.type,
                    taskQueue: info.taskQueue,
                    startTime: info.startTime
                });
                if (runs.length >= limit) break;
            }
            return runs;
        });
    }
    /** How many runs still need the workers of `scope`, and since when the oldest has been open. */ async drainTarget(scope) {
        const openRuns = await this.countOpenRuns(scope);
        const target = {
            label: scopeLabel(scope),
            openRuns
        };
        if (openRuns > 0) {
            const runs = await this.listOpenRuns(scope);
            const oldest = runs.reduce((min, r)=>!min || r.startTime < min ? r.startTime : min, undefined);
            if (oldest) target.oldestStart = oldest.toISOString();
        }
        return target;
    }
    /**
   * DescribeTaskQueue statistics of the scope's workflow task queue(s) (per version under worker versioning);
   * undefined when the server reports none (an older server).
   */ async queueActivity(scope) {
        const sum = (queues, stats)=>{
            if (stats.length === 0 || stats.some((s)=>!s)) return undefined;
            return {
                queues,
                backlog: stats.reduce((n, s)=>n + Number(s?.approximateBacklogCount ?? 0), 0),
                addRate: stats.reduce((n, s)=>n + (s?.tasksAddRate ?? 0), 0)
            };
        };
        if (scope.kind === 'task-queue') {
            const response = await call(`describing task queue ${scope.taskQueue}`, ()=>this.client.workflowService.describeTaskQueue({
                    namespace: this.namespace,
                    taskQueue: {
                        name: scope.taskQueue,
                        kind: TASK_QUEUE_KIND_NORMAL
                    },
                    taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
                    reportStats: true
                }));
            return sum([
                scope.taskQueue
            ], [
                response.stats
            ]);
        }
        const response = await call(`describing ${scope.deploymentName}:${scope.buildId}`, ()=>this.client.workflowService.describeWorkerDeploymentVersion({
                namespace: this.namespace,
                deploymentVersion: {
                    deploymentName: scope.deploymentName,
                    buildId: scope.buildId
                },
                reportTaskQueueStats: true
            })).catch((err)=>{
            // NOT_FOUND: no worker of that version ever polled, so no task of it was ever dispatched.
            if (err.cause?.code === 5) return undefined;
            throw err;
        });
        if (!response) return {
            queues: [],
            backlog: 0,
            addRate: 0
        };
        const workflowQueues = (response.versionTaskQueues ?? []).filter((q)=>q.type === TASK_QUEUE_TYPE_WORKFLOW);
        return sum(workflowQueues.map((q)=>q.name ?? ''), workflowQueues.map((q)=>q.stats));
    }
    async terminate(run, reason) {
        await call(`terminating ${run.workflowId}`, ()=>this.client.workflow.getHandle(run.workflowId, run.runId).terminate(reason));
    }
    /**
   * "Reset to stable": ends the run with a reason and starts it again from the beginning, same workflow id,
   * type, input, memo and search attributes, on `taskQueue` (the stable queue; under worker versioning the
   * server then routes it to the current version). The first run's history is left for audit.
   */ async restart(run, taskQueue, reason) {
        return call(`restarting ${run.workflowId} on ${taskQueue}`, async ()=>{
            const service = this.client.workflowService;
            const history = await service.getWorkflowExecutionHistory({
                namespace: this.namespace,
                execution: {
                    workflowId: run.workflowId,
                    runId: run.runId
                },
                maximumPageSize: 1
            });
            const started = history.history?.events?.[0]?.workflowExecutionStartedEventAttributes;
            if (!started) throw new Error('its history has no start event');
            await this.terminate(run, reason);
            const response = await service.startWorkflowExecution({
                namespace: this.namespace,
                identity: IDENTITY,
                requestId: randomUUID(),
                workflowId: run.workflowId,
                workflowType: started.workflowType,
                taskQueue: {
                    name: taskQueue
                },
                input: started.input,
                workflowExecutionTimeout: started.workflowExecutionTimeout,
                workflowRunTimeout: started.workflowRunTimeout,
                workflowTaskTimeout: started.workflowTaskTimeout,
                retryPolicy: started.retryPolicy,
                memo: started.memo,
                searchAttributes: started.searchAttributes,
                header: started.header
            });
            return response.runId ?? '';
        });
    }
    async describeDeployment(deploymentName) {
        try {
            const response = await this.client.workflowService.describeWorkerDeployment({
                namespace: this.namespace,
                deploymentName
            });
            const info = response.workerDeploymentInfo;
            const routing = info?.routingConfig;
            return {
                conflictToken: response.conflictToken ?? new Uint8Array(),
                currentBuildId: routing?.currentDeploymentVersion?.buildId || undefined,
                rampingBuildId: routing?.rampingDeploymentVersion?.buildId || undefined,
                rampingPercent: routing?.rampingVersionPercentage ?? 0,
                buildIds: (info?.versionSummaries ?? []).flatMap((v)=>v.deploymentVersion?.buildId ?? [])
            };
        } catch (err) {
            // gRPC NOT_FOUND: no worker of this deployment has polled yet.
            if (err.code === 5) return undefined;
            throw new ExternalError('Temporal', `describing worker deployment ${deploymentName} failed: ${err.message}`, {
                cause: err
            });
        }
    }
    /** The task queues that workers of a version have polled; undefined when the server does not know it. */ async versionTaskQueues(deploymentName, buildId) {
        try {
            const response = await this.client.workflowService.describeWorkerDeploymentVersion({
                namespace: this.namespace,
                deploymentVersion: {
                    deploymentName,
                    buildId
                }
            });
            return (response.workerDeploymentVersionInfo?.taskQueueInfos ?? []).map((info)=>info.name ?? '');
        } catch (err) {
            if (err.code === 5) return undefined;
            throw new ExternalError('Temporal', `describing ${deploymentName}:${buildId} failed: ${err.message}`, {
                cause: err
            });
        }
    }
    /**
   * Waits until workers of `buildId` have polled every one of `taskQueues`: the server refuses to route to a
   * version that misses a queue the current version serves.
   */ async waitForVersion(deploymentName, buildId, taskQueues, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        for(;;){
            const polled = await this.versionTaskQueues(deploymentName, buildId);
            const missing = taskQueues.filter((queue)=>!polled?.includes(queue));
            if (missing.length === 0) {
                const routing = await this.describeDeployment(deploymentName);
                if (routing) return routing;
            }
            if (Date.now() > deadline) {
                throw new ExternalError('Temporal', `workers of ${deploymentName}:${buildId} did not poll ${missing.join(', ') || 'the deployment'} within ${timeoutMs} ms; check the workers' logs`);
            }
            await new Promise((resolve)=>setTimeout(resolve, 250));
        }
    }
    async setCurrent(deploymentName, buildId, conflictToken) {
        await call(`setting ${deploymentName}:${buildId} current`, ()=>this.client.workflowService.setWorkerDeploymentCurrentVersion({
                namespace: this.namespace,
                deploymentName,
                buildId,
                conflictToken,
                identity: IDENTITY
            }));
    }
    /** `percent` 0 with an empty build id clears the ramp. */ async setRamping(deploymentName, buildId, percent, conflictToken) {
        await call(`ramping ${deploymentName}:${buildId || '(none)'} to ${percent}%`, ()=>this.client.workflowService.setWorkerDeploymentRampingVersion({
                namespace: this.namespace,
                deploymentName,
                buildId,
                percentage: percent,
                conflictToken,
                identity: IDENTITY
            }));
    }
}

// The two rollout strategies behind one interface. Everything that differs between them — where a release's
// workers poll, how new work is split, where a release's open runs are counted, how a gate run reaches the
// canary — is asked of the strategy; the steps (and a workflow driving them) never branch on its type.
function paymentOf(settings) {
    return settings.taskQueues.payment ?? {
        base: 'payment-task-queue',
        template: settings.taskQueues.order.template
    };
}
/** New work split by the starter's routing table between versioned task queues. */ class TaskQueueStrategy {
    constructor(settings){
        this.settings = settings;
        this.type = 'task-queue';
    }
    placement({ version, stable, running, verdict }) {
        const { order } = this.settings.taskQueues;
        const payment = paymentOf(this.settings);
        // A later ramp step without a verdict, or a re-run for the version already stable, keeps its queues.
        if (running && running.version === version && (verdict === undefined || running === stable)) {
            return {
                orderQueue: running.orderQueue,
                paymentQueue: running.paymentQueue,
                rule: `kept: ${version} already polls ${running.orderQueue}`
            };
        }
        const templated = {
            orderQueue: queueName(order.template, order.base, version),
            paymentQueue: queueName(payment.template, payment.base, version)
        };
        if (!stable) {
            return {
                ...templated,
                rule: `first release: queue template ${order.template}`
            };
        }
        if (verdict === 'same-queue') {
            return {
                orderQueue: stable.orderQueue,
                paymentQueue: stable.paymentQueue,
                rule: `replay verdict same-queue: every open run replays on ${version}, so it takes over ${stable.orderQueue} (no drain)`
            };
        }
        if (verdict === 'new-queue') {
            if (templated.orderQueue !== stable.orderQueue) {
                return {
                    ...templated,
                    rule: `replay verdict new-queue: an open run does not replay on ${version}, so it polls ${templated.orderQueue} (template ${order.template}) and ${stable.orderQueue} drains`
                };
            }
            // The template would put it on stable's queue; the verdict says it must not: a queue of its own.
            const own = {
                orderQueue: queueName('{base}-v{version}', order.base, version),
                paymentQueue: queueName('{base}-v{version}', payment.base, version)
            };
            return {
                ...own,
                rule: `replay verdict new-queue: an open run does not replay on ${version} and template ${order.template} gives stable's ${stable.orderQueue}, so it polls ${own.orderQueue} and ${stable.orderQueue} drains`
            };
        }
        const shared = templated.orderQueue === stable.orderQueue;
        return {
            ...templated,
            rule: `queue template ${order.template} (no replay verdict given)${shared ? `: shares stable's ${stable.orderQueue}, no drain` : ''}`
        };
    }
    workerVersioning() {
        return undefined;
    }
    routingOf(state) {
        const { stable, canary } = state;
        if (!stable) return undefined;
        if (!canary) return routingFor(stable.orderQueue, undefined, 0);
        const percent = state.phase === 'promoting' ? 100 : state.phase === 'rolling-back' ? 0 : canary.weight;
        return routingFor(stable.orderQueue, canary.orderQueue, percent);
    }
    routingTable(stable, canary, percent) {
        return routingFor(stable.orderQueue, canary?.orderQueue, percent);
    }
    async routeOnServer() {
        return [];
    }
    scopeOf(release) {
        return {
            kind: 'task-queue',
            taskQueue: release.orderQueue
        };
    }
    needsDrain(leaving, staying) {
        return leaving.version !== staying.version && leaving.orderQueue !== staying.orderQueue;
    }
    async gateOptions(_ctx, canary) {
        return {
            taskQueue: canary.orderQueue
        };
    }
    async observe(ctx) {
        const routing = await ctx.deployer.readRouting();
        return routing ? {
            routing
        } : {};
    }
}
/** Every build polls the same queues; the server's Worker Deployment routing splits new work between builds. */ class WorkerVersioningStrategy {
    constructor(settings, deploymentName){
        this.settings = settings;
        this.deploymentName = deploymentName;
        this.type = 'worker-versioning';
    }
    placement() {
        const order = this.settings.taskQueues.order.base;
        return {
            orderQueue: order,
            paymentQueue: paymentOf(this.settings).base,
            rule: `worker versioning: every build polls ${order}; the server splits new work and pinned runs stay on their build (the replay verdict does not move queues)`
        };
    }
    workerVersioning(behavior) {
        return {
            deploymentName: this.deploymentName,
            defaultBehavior: behavior ?? 'PINNED'
        };
    }
    routingOf(state) {
        return state.stable ? routingFor(state.stable.orderQueue, undefined, 0) : undefined;
    }
    routingTable(stable) {
        // The starter sends everything to the shared queue; the server does the split.
        return routingFor(stable.orderQueue, undefined, 0);
    }
    async routeOnServer(ctx, stable, canary, percent) {
        const actions = [];
        const name = this.deploymentName;
        const queuesOf = (release)=>[
                release.orderQueue,
                release.paymentQueue
            ];
        const routing = await ctx.visibility.waitForVersion(name, (canary ?? stable).buildId, queuesOf(canary ?? stable), 60_000);
        let token = routing.conflictToken;
        const refresh = async ()=>{
            token = (await ctx.visibility.describeDeployment(name))?.conflictToken ?? token;
        };
        if (!canary || percent >= 100) {
            const target = percent >= 100 && canary ? canary : stable;
            if (routing.currentBuildId !== target.buildId) {
                await ctx.visibility.setCurrent(name, target.buildId, token);
                actions.push(`set ${name}:${target.buildId} current`);
                await refresh();
            }
            // Setting a new current clears a ramp to the same build; clear any other.
            const after = await ctx.visibility.describeDeployment(name);
            if (after?.rampingBuildId) {
                await ctx.visibility.setRamping(name, '', 0, after.conflictToken);
                actions.push(`cleared the ramp of ${name}:${after.rampingBuildId}`);
            }
            return actions;
        }
        if (routing.currentBuildId !== stable.buildId) {
            await ctx.visibility.waitForVersion(name, stable.buildId, queuesOf(stable), 60_000);
            await ctx.visibility.setCurrent(name, stable.buildId, token);
            actions.push(`set ${name}:${stable.buildId} current`);
            await refresh();
        }
        if (routing.rampingBuildId !== canary.buildId || routing.rampingPercent !== percent) {
            await ctx.visibility.setRamping(name, canary.buildId, percent, token);
            actions.push(`ramped ${name}:${canary.buildId} to ${percent}%`);
        }
        return actions;
    }
    scopeOf(release) {
        return {
            kind: 'version',
            deploymentName: this.deploymentName,
            buildId: release.buildId
        };
    }
    needsDrain(leaving, staying) {
        // Pinned runs stay on the build they started on, whatever queue it shares.
        return leaving.buildId !== staying.buildId;
    }
    async gateOptions(ctx, canary) {
        // A run pinned to a version the server does not know yet would wait for nothing.
        const queues = [
            canary.orderQueue,
            canary.paymentQueue
        ];
        await ctx.visibility.waitForVersion(this.deploymentName, canary.buildId, queues, 60_000);
        return {
            taskQueue: canary.orderQueue,
            versioningOverride: {
                pinnedTo: {
                    deploymentName: this.deploymentName,
                    buildId: canary.buildId
                }
            }
        };
    }
    async observe(ctx) {
        const deployment = await ctx.visibility.describeDeployment(this.deploymentName);
        if (!deployment) return {};
        return {
            versioning: {
                ...deployment.currentBuildId ? {
                    current: deployment.currentBuildId
                } : {},
                ...deployment.rampingBuildId ? {
                    ramping: deployment.rampingBuildId
                } : {},
                percent: deployment.rampingPercent
            }
        };
    }
}
/** The strategy rollout.yaml (or --strategy) names. */ function strategyFor(settings) {
    const { strategy } = settings;
    return strategy.type === 'task-queue' ? new TaskQueueStrategy(settings) : new WorkerVersioningStrategy(settings, strategy.deploymentName);
}

// Shared by the canary, promote and rollback steps: the context they run in, release specs, routing for a
// strategy, drains and gate workflows.
/** The strategy the settings name: every strategy-specific decision goes through it. */ function strategyOf(ctx) {
    return strategyFor(ctx.settings);
}
/**
 * A release of `version`: its build id and, unless `queues` are given (from `RolloutStrategy.placement`), the
 * queues the strategy gives a first release.
 */ function releaseFor(settings, version, image, env, queues) {
    const placed = queues ?? strategyFor(settings).placement({
        version,
        stable: undefined
    });
    return {
        version,
        buildId: buildIdFor(version),
        image,
        orderQueue: placed.orderQueue,
        paymentQueue: placed.paymentQueue,
        ...env && Object.keys(env).length > 0 ? {
            env
        } : {}
    };
}
function workerSet(ctx, track, release) {
    const { settings } = ctx;
    const versioning = strategyOf(ctx).workerVersioning(ctx.versioningBehavior);
    return {
        app: settings.app,
        track,
        release,
        temporal: settings.temporal,
        ...ctx.replicas !== undefined ? {
            replicas: ctx.replicas
        } : {},
        ...versioning ? {
            versioning
        } : {}
    };
}
async function loadState(ctx) {
    const state = await ctx.store.load() ?? emptyState(ctx.settings.app, ctx.settings.strategy.type);
    if (state.strategy !== ctx.settings.strategy.type && (state.stable || state.canary)) {
        throw new ExternalError('rollout state', `${ctx.store.where} records strategy ${state.strategy}, but the config says ${ctx.settings.strategy.type}; finish the rollout under ${state.strategy} first`);
    }
    return state;
}
function event(entry) {
    return {
        at: new Date().toISOString(),
        ...entry
    };
}
/** Sends `percent` of new work to the canary: the starter's routing table, and whatever the strategy moves on the server. */ async function route(ctx, stable, canary, percent) {
    const strategy = strategyOf(ctx);
    const actions = [];
    const table = strategy.routingTable(stable, canary, percent);
    const written = await ctx.deployer.writeRouting(table, workerSet(ctx, 'stable', stable));
    if (written.changed) actions.push(written.detail);
    actions.push(...await strategy.routeOnServer(ctx, stable, canary, percent));
    return actions;
}
/** Where a release's open runs are counted: its queue (task-queue) or its version (worker-versioning). */ function scopeOf(ctx, release) {
    return strategyOf(ctx).scopeOf(release);
}
const sleep$2 = (ms)=>new Promise((r)=>setTimeout(r, ms));
/** How long "no open runs" must hold before a drain believes it (visibility lags behind new starts). */ const DEFAULT_VISIBILITY_SETTLE_MS = 3_000;
/**
 * How stale DescribeTaskQueue statistics may be: the server caches them (measured on the dev server 1.29: three
 * starts showed up 4.7 s later). The zero must have held this long before the statistics can vouch for it.
 */ const DEFAULT_TASK_QUEUE_STATS_LAG_MS = 5_000;
/**
 * Waits until no open run needs the workers of `leaving`, or acts on those runs per the drain policy:
 * terminate them with `reason`, or restart them on `staying` ("reset to stable").
 */ async function drain(ctx, leaving, staying, reason) {
    const scope = scopeOf(ctx, leaving);
    const policy = ctx.drain?.policy ?? ctx.settings.strategy.drain.policy;
    const timeoutMs = ctx.drain?.timeoutMs ?? ctx.settings.strategy.drain.timeoutMs;
    const pollMs = ctx.drain?.pollMs ?? 1_000;
    const settleMs = Math.max(ctx.drain?.settleMs ?? DEFAULT_VISIBILITY_SETTLE_MS, ctx.drain?.statsLagMs ?? DEFAULT_TASK_QUEUE_STATS_LAG_MS);
    const started = Date.now();
    // Visibility is eventually consistent: a run started a moment ago may not be counted yet. A zero is only
    // believed once it has held for settleMs; otherwise workers could stop under a run that still needs them.
    let zeroSince;
    const first = await ctx.visibility.drainTarget(scope);
    const report = {
        label: scopeLabel(scope),
        policy,
        openRunsAtStart: first.openRuns,
        openRunsAtEnd: first.openRuns,
        waitedMs: 0,
        drained: false,
        acted: [],
        ...first.oldestStart ? {
            oldestStart: first.oldestStart
        } : {}
    };
    let target = first;
    let acting = policy;
    let lastSaid;
    let lastSaidQuiet;
    for(;;){
        report.waitedMs = Date.now() - started;
        report.openRunsAtEnd = target.openRuns;
        if (target.oldestStart) report.oldestStart = target.oldestStart;
        const decision = decideDrain(target, acting, report.waitedMs, timeoutMs, pollMs);
        if (decision.kind === 'drained') {
            zeroSince ??= Date.now();
            const unsettled = settleMs - (Date.now() - zeroSince);
            if (unsettled <= 0) {
                // Visibility's zero has held; the matching service must agree before any worker stops.
                const quiet = await quietQueues(ctx, scope);
                report.evidence = [
                    `visibility: no open run for ${((Date.now() - zeroSince) / 1000).toFixed(1)} s`,
                    quiet.said
                ];
                if (quiet.quiet) {
                    report.drained = true;
                    return report;
                }
                if (quiet.said !== lastSaidQuiet) ctx.log?.(`${report.label}: ${quiet.said}`);
                lastSaidQuiet = quiet.said;
                if (report.waitedMs >= timeoutMs) return report;
            }
            await sleep$2(Math.max(1, Math.min(pollMs, unsettled > 0 ? unsettled : pollMs)));
            target = await ctx.visibility.drainTarget(scope);
            continue;
        }
        zeroSince = undefined;
        if (decision.kind === 'timed-out') return report;
        if (decision.kind === 'wait') {
            // Said when the count changes, or every 10 s while it holds: a poll every 500 ms is not news.
            if (target.openRuns !== lastSaid?.openRuns || Date.now() - lastSaid.at >= 10_000) {
                ctx.log?.(`waiting for ${target.openRuns} open run(s) on ${report.label}`);
                lastSaid = {
                    openRuns: target.openRuns,
                    at: Date.now()
                };
            }
            await sleep$2(decision.sleepMs);
        } else {
            for (const run of (await ctx.visibility.listOpenRuns(scope))){
                if (decision.kind === 'terminate') await ctx.visibility.terminate(run, reason);
                else await ctx.visibility.restart(run, staying.orderQueue, reason);
                report.acted.push(run.workflowId);
            }
            ctx.log?.(`${decision.kind === 'terminate' ? 'terminated' : 'restarted'} ${report.acted.length} run(s) on ${report.label}`);
            // Visibility catches up shortly; wait for it rather than acting twice on the same runs.
            acting = 'wait';
        }
        target = await ctx.visibility.drainTarget(scope);
    }
}
/**
 * The second drain signal: the server's matching service, which sees a new run's first workflow task at once,
 * while visibility may not have indexed the run yet. Quiet = no workflow task backlogged and none added in the
 * server's 30 s averaging window. A server that reports no statistics leaves visibility as the only signal,
 * and the evidence says so.
 */ async function quietQueues(ctx, scope) {
    const activity = await ctx.visibility.queueActivity(scope);
    if (!activity) return {
        quiet: true,
        said: 'task queue statistics: not reported by this server'
    };
    const where = activity.queues.join(', ') || 'no queue polled by this version';
    if (activity.backlog > 0 || activity.addRate > 0) {
        return {
            quiet: false,
            said: `DescribeTaskQueue on ${where}: ${activity.backlog} workflow task(s) backlogged, ${activity.addRate.toFixed(2)}/s added in the last 30 s — a run visibility has not indexed yet may be there`
        };
    }
    return {
        quiet: true,
        said: `DescribeTaskQueue on ${where}: no backlog, nothing added in the last 30 s`
    };
}
/** Starts `gate.count` workflows on the canary only and waits for all of them. */ async function runGate(ctx, canary, gate) {
    const started = Date.now();
    const nonce = randomUUID().slice(0, 8);
    const placement = await strategyOf(ctx).gateOptions(ctx, canary);
    const handles = await Promise.all(Array.from({
        length: gate.count
    }, (_, i)=>ctx.client.workflow.start(gate.workflowType, {
            taskQueue: canary.orderQueue,
            ...placement,
            workflowId: `${ctx.settings.app}-gate-${canary.version}-${nonce}-${i}`,
            args: gate.args,
            workflowExecutionTimeout: gate.timeoutMs
        })));
    const results = await Promise.allSettled(handles.map((handle)=>handle.result()));
    const failures = results.flatMap((result, i)=>result.status === 'rejected' ? [
            `${handles[i]?.workflowId}: ${result.reason.message}`
        ] : []);
    return {
        started: handles.length,
        completed: handles.length - failures.length,
        failures,
        durationMs: Date.now() - started
    };
}
/**
 * The routing the rollout state means: what the starter must read while the state is what it is.
 *
 * - `stable`: all new work to stable's queue.
 * - `canary`: `canary.weight` percent to the canary's queue, the rest to stable's.
 * - `promoting` (a promotion or a manual restore draining the old release): all new work to the canary.
 * - `rolling-back`: all new work back to stable.
 *
 * Under worker versioning every build shares one queue and the server splits the work, so the table always
 * names stable's (shared) queue. undefined when nothing is stable yet.
 */ function routingOf(ctx, state) {
    return strategyOf(ctx).routingOf(state);
}
/**
 * The routing both strategies report after a step, read back from the cluster (or the local routing file).
 * Given the state the step saved, it is checked against what that state means (`routingOf`): a mismatch
 * fails the step, naming both, and a re-run repairs it (`reconcile`).
 */ async function observedRouting(ctx, state) {
    const observed = await strategyOf(ctx).observe(ctx);
    const meant = state ? routingOf(ctx, state) : undefined;
    if (state && meant && observed.routing && !sameRouting(observed.routing, meant)) {
        throw new ExternalError('routing', `the cluster serves ${describeRoutes(observed.routing)}, but the rollout state (${state.phase}${state.canary ? `, canary ${state.canary.version}` : ''}) means ${describeRoutes(meant)}; re-run the step to repair it`);
    }
    return observed;
}
function summarize(state) {
    return {
        phase: state.phase,
        ...state.stable ? {
            stable: state.stable.version
        } : {},
        ...state.canary ? {
            canary: {
                version: state.canary.version,
                weight: state.canary.weight
            }
        } : {}
    };
}

// What every rollout step restores before it acts, so a step that failed or was killed at any point is
// repaired by running a step again.
/**
 * THE INVARIANT: the rollout state matches the releases. After any step run — finished, failed, or killed at
 * any point of any step — the next step run makes these hold before it changes anything else:
 *
 * 1. No release is half-deployed: a release a killed deploy left `pending-*` is rolled back to its last good
 *    revision, or uninstalled when its first install never finished (`Deployer.recover`).
 * 2. A canary runs if and only if the state records one: a canary release the state does not name (its step
 *    died before saving) is removed; a canary the state records at a weight is running.
 * 3. The routing the cluster serves, read back from it, is `routingOf(state)`; every step checks it again when it reports (`observedRouting`).
 *
 * Each step saves the state only after the change it records has been made (or, where a later failure must
 * find something to undo, records the change first at a weight that sends it no work), so every point a step
 * can die at leaves a cluster these three rules bring back in line. The step then plans from the state as
 * usual, and its own re-run logic (resume a drain, re-apply idempotently) finishes what was interrupted.
 *
 * Returns what it did, for the step's report.
 */ async function reconcile(ctx, state) {
    const actions = [
        ...await ctx.deployer.recover?.() ?? []
    ];
    if (!state.canary) {
        const orphan = await ctx.deployer.describe('canary');
        if (orphan) {
            const removed = await ctx.deployer.remove('canary');
            actions.push(`${removed.detail}: the rollout state records no canary, so ${orphan.detail} was left by an interrupted step`);
        }
    } else if (state.phase === 'canary' && !await ctx.deployer.describe('canary')) {
        const { weight: _weight, ...release } = state.canary;
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
        actions.push(`${applied.detail}: the rollout state records canary ${release.version}, but it was not running`);
    }
    const meant = routingOf(ctx, state);
    if (meant && state.stable) {
        const live = await ctx.deployer.readRouting();
        if (!sameRouting(live, meant)) {
            const written = await ctx.deployer.writeRouting(meant, workerSet(ctx, 'stable', state.stable));
            actions.push(`routing repaired: the cluster served ${describeRoutes(live)}, the rollout state (${state.phase}) means ${describeRoutes(meant)} — ${written.detail}`);
        }
    }
    for (const line of actions)ctx.log?.(line);
    return actions;
}

const sleep$1 = (ms)=>new Promise((r)=>setTimeout(r, ms));
function parseRoutes(raw) {
    const routes = Array.isArray(raw) ? raw : [];
    return {
        routes: routes.flatMap((route)=>{
            const r = route;
            return typeof r?.taskQueue === 'string' && typeof r.weight === 'number' ? [
                {
                    taskQueue: r.taskQueue,
                    weight: r.weight
                }
            ] : [];
        })
    };
}
/**
 * The Deployer over the Helm adapter: one chart, two releases. The routing ConfigMap belongs to the stable
 * release (charts/order-worker `routing.routes`), so routing changes upgrade the stable release. Routing is
 * always read back from the cluster, never remembered: a `helm rollback` or another run may have changed it.
 */ class HelmDeployer {
    constructor(helm, options){
        this.helm = helm;
        this.options = options;
        this.kind = 'helm';
    }
    releaseName(track) {
        return track === 'stable' ? this.options.release : `${this.options.release}-canary`;
    }
    /** The env a release's workers get: the deployer-wide env, then the release's own. */ envOf(spec) {
        const env = {
            ...this.options.env,
            ...spec.release.env
        };
        return Object.keys(env).length > 0 ? env : undefined;
    }
    request(spec, routes) {
        const { release } = spec;
        const env = this.envOf(spec);
        return {
            release: this.releaseName(spec.track),
            chart: this.options.chart,
            image: release.image,
            version: release.version,
            track: spec.track,
            orderTaskQueue: release.orderQueue,
            paymentTaskQueue: release.paymentQueue,
            buildId: release.buildId,
            // Unset: the chart's replicaCount (from the values files) decides.
            ...spec.replicas !== undefined ? {
                replicas: spec.replicas
            } : {},
            ...env ? {
                env
            } : {},
            valuesFiles: this.options.valuesFiles ?? [],
            timeoutMs: this.options.timeoutMs,
            values: {
                temporal: {
                    address: spec.temporal.address,
                    namespace: spec.temporal.namespace
                },
                worker: {
                    // A map, not extraEnv's list: Helm merges maps across values files, so the user's extraEnv stays.
                    ...env ? {
                        releaseEnv: env
                    } : {},
                    ...spec.versioning ? {
                        deploymentName: spec.versioning.deploymentName
                    } : {},
                    versioning: {
                        enabled: spec.versioning !== undefined,
                        ...spec.versioning ? {
                            defaultBehavior: spec.versioning.defaultBehavior
                        } : {}
                    }
                },
                // Only the stable release renders the routing ConfigMap; empty routes = all to its own queue.
                routing: {
                    enabled: spec.track === 'stable',
                    routes: spec.track === 'stable' ? routes?.routes ?? [] : []
                }
            }
        };
    }
    async apply(spec) {
        const name = this.releaseName(spec.track);
        const history = await this.helm.history(name);
        const wanted = describeDeploy(spec.release.version, spec.release.image, this.envOf(spec));
        const latest = history.at(-1);
        // A `helm rollback` revision says "Rollback to N": it runs what revision N ran.
        const restored = latest ? rolledBackTo(latest) : undefined;
        const runs = restored === undefined ? latest : history.find((row)=>row.revision === restored);
        if (latest?.status === 'deployed' && runs?.description === wanted) {
            return {
                changed: false,
                detail: `${name} already runs ${spec.release.version} (revision ${latest.revision})`
            };
        }
        // The stable release carries the routing: whatever replaces its revision keeps the routes live now.
        const routes = spec.track === 'stable' ? await this.readRouting() : undefined;
        if (spec.track === 'stable' && latest) {
            // A manual rollback to a version this release ran before is a `helm rollback` to that revision, but only
            // to one whose routes are the live ones: an older revision's routes may name a queue no worker polls.
            const earlier = await this.revisionWithRoutes(name, history, wanted, spec.release.version, routes);
            if (earlier) {
                const result = await this.withRefusalReason(name, ()=>this.helm.rollback(name, {
                        revision: earlier.revision
                    }, this.options.timeoutMs));
                return {
                    changed: true,
                    detail: `helm rollback ${name} to revision ${result.revision} (${spec.release.version})`
                };
            }
        }
        const revision = await this.withRefusalReason(name, ()=>this.helm.upgrade(this.request(spec, routes)));
        return {
            changed: true,
            detail: `${name} revision ${revision.revision} runs ${spec.release.version}`
        };
    }
    /** The newest good revision that ran `version` as `wanted` with exactly `routes`. */ async revisionWithRoutes(name, history, wanted, version, routes) {
        const candidates = [
            ...history
        ].reverse().filter((row)=>isGood(row) && row.description === wanted && versionOf(row) === version);
        for (const row of candidates){
            const values = await this.helm.values(name, row.revision);
            const theirs = parseRoutes(values?.routing?.routes);
            if (sameRouting(theirs, routes ?? {
                routes: []
            })) return row;
        }
        return undefined;
    }
    async remove(track) {
        const name = this.releaseName(track);
        const removed = await this.helm.uninstall(name, this.options.timeoutMs);
        return {
            changed: removed,
            detail: removed ? `uninstalled ${name}` : `no release ${name}`
        };
    }
    async describe(track) {
        const name = this.releaseName(track);
        const status = await this.helm.status(name);
        if (!status) return undefined;
        const latest = (await this.helm.history(name)).at(-1);
        const version = latest ? versionOf(latest) : undefined;
        const image = latest ? /(?:^|\s)image=(\S+)/.exec(latest.description)?.[1] : undefined;
        return {
            track,
            release: {
                version: version ?? '',
                buildId: '',
                image: image ?? '',
                orderQueue: '',
                paymentQueue: ''
            },
            detail: `${name} revision ${status.revision} ${status.status}`
        };
    }
    /**
   * Unblocks both releases when a killed deploy left one `pending-*`: rolls back to the last good revision, or
   * uninstalls a first install that never finished. A pending revision younger than `stuckAfterMs` may belong
   * to a deploy still running: this waits for it to end (or to age into "stuck") rather than racing it.
   */ async recover() {
        const stuckAfterMs = this.options.stuckAfterMs ?? this.options.timeoutMs + 15_000;
        const said = [];
        for (const name of [
            this.releaseName('stable'),
            this.releaseName('canary')
        ]){
            for(;;){
                const found = findStuck(await this.helm.history(name), new Date(), stuckAfterMs);
                if (found.stuck) break;
                if (!found.busy) break;
                const left = stuckAfterMs - found.busy.ageMs;
                this.options.log?.(`${name} is ${found.busy.status} (revision ${found.busy.revision}, ${Math.round(found.busy.ageMs / 1000)} s old): another deploy may still run it; waiting up to ${Math.ceil(left / 1000)} s before recovering it`);
                await sleep$1(Math.min(5_000, Math.max(250, left)));
            }
            const recovered = await this.helm.recoverStuck(name, stuckAfterMs, this.options.timeoutMs);
            if (recovered) {
                this.options.log?.(recovered.message);
                said.push(recovered.message);
            }
        }
        return said;
    }
    async writeRouting(table, owner) {
        const before = await this.readRouting();
        if (sameRouting(before, table)) {
            return {
                changed: false,
                detail: `routing unchanged (read back: ${describeRoutes(before)})`
            };
        }
        const name = this.releaseName('stable');
        const revision = await this.withRefusalReason(name, ()=>this.helm.upgrade(this.request({
                ...owner,
                track: 'stable'
            }, table)));
        const after = await this.readRouting();
        if (!sameRouting(after, table)) {
            throw new ExternalError('routing', `${name} revision ${revision.revision} was meant to route ${describeRoutes(table)}, but the cluster reads ${describeRoutes(after)}`);
        }
        return {
            changed: true,
            detail: `routing ${describeRoutes(table)} (${name} revision ${revision.revision}; read back from the cluster)`
        };
    }
    /**
   * The routes the cluster serves: the stable release's routing ConfigMap (with kubectl), else the stable
   * release's deployed values. undefined when there is no stable release.
   */ async readRouting() {
        const name = this.releaseName('stable');
        if (this.options.kubectl) {
            const listed = await this.options.kubectl([
                'get',
                'configmap',
                '-l',
                `temporal-rollout/routing=true,app.kubernetes.io/instance=${name}`,
                '-o',
                'json'
            ]);
            if (listed.exitCode !== 0) {
                throw new ExternalError('kubectl', `cannot read the routing ConfigMap of ${name}: ${listed.stderr.trim()}`);
            }
            const item = JSON.parse(listed.stdout).items?.[0];
            const text = item?.data?.['routes.json'];
            if (text === undefined) return undefined;
            try {
                return parseRoutes(JSON.parse(text).routes);
            } catch (error) {
                throw new ExternalError('routing', `ConfigMap ${item?.metadata?.name} routes.json is not JSON: ${error.message}`);
            }
        }
        const values = await this.helm.values(name);
        if (!values) return undefined;
        return parseRoutes(values.routing?.routes);
    }
    /** Runs a deploy; when it fails, adds why Kubernetes refused the release's pods (FailedCreate events). */ async withRefusalReason(name, deploy) {
        const since = Date.now() - 2_000;
        try {
            return await deploy();
        } catch (error) {
            const reason = error instanceof ExternalError ? await this.refusalReason(name, since) : undefined;
            if (!reason) throw error;
            const said = error.message.replace(/^helm: /, '');
            throw new ExternalError('helm', `${said}\nKubernetes refused the pods: ${reason}`, {
                cause: error
            });
        }
    }
    /** The newest FailedCreate message of the release's ReplicaSets since `since` (e.g. exceeded quota). */ async refusalReason(name, since) {
        if (!this.options.kubectl) return undefined;
        const listed = await this.options.kubectl([
            'get',
            'events',
            '--field-selector',
            'reason=FailedCreate,involvedObject.kind=ReplicaSet',
            '-o',
            'json'
        ]);
        if (listed.exitCode !== 0) return undefined;
        // A Deployment's ReplicaSets are `<deployment>-<pod-template-hash>`; the deployment is the release name.
        const ours = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[a-z0-9]+$`);
        const events = (JSON.parse(listed.stdout).items ?? []).filter((e)=>ours.test(e.involvedObject?.name ?? '')).map((e)=>({
                message: e.message ?? '',
                at: Date.parse(e.lastTimestamp ?? e.eventTime ?? '')
            })).filter((e)=>e.message && !(e.at < since)).sort((a, b)=>a.at - b.at);
        return events.at(-1)?.message;
    }
}

async function freePort() {
    return new Promise((done, fail)=>{
        const server = createServer();
        server.once('error', fail);
        server.listen(0, '127.0.0.1', ()=>{
            const address = server.address();
            server.close(()=>typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')));
        });
    });
}
/** Alive and still the process we started (not a zombie, not a reused pid). */ function isOurs(worker) {
    try {
        const stat = readFileSync(`/proc/${worker.pid}/stat`, 'latin1');
        if (/^\d+ \(.*\) Z/.test(stat)) return false;
        return readFileSync(`/proc/${worker.pid}/environ`, 'latin1').split('\0').includes(`ROLLOUT_WORKER_ID=${worker.id}`);
    } catch  {
        return false;
    }
}
const sleep = (ms)=>new Promise((r)=>setTimeout(r, ms));
async function ready(port) {
    try {
        const response = await fetch(`http://127.0.0.1:${port}/ready`, {
            signal: AbortSignal.timeout(1_000)
        });
        await response.arrayBuffer();
        return response.ok;
    } catch  {
        return false;
    }
}
function tail(path, chars = 3_000) {
    try {
        return readFileSync(path, 'utf8').slice(-chars);
    } catch  {
        return '(no log)';
    }
}
/**
 * Worker processes on this machine, with the environment the Helm chart sets. Processes are detached and
 * recorded in pid files, so a later CLI call (another process) finds and stops them.
 */ class LocalDeployer {
    constructor(options){
        this.options = options;
        this.kind = 'local';
        this.dir = resolve(options.dir);
        this.routingFile = join(this.dir, 'routing.json');
        this.entry = resolve(options.workerEntry ?? 'worker/dist/main.js');
        this.node = options.node ?? process.execPath;
    }
    trackFile(track) {
        return join(this.dir, 'workers', `${track}.json`);
    }
    async read(track) {
        try {
            return JSON.parse(await readFile(this.trackFile(track), 'utf8'));
        } catch (err) {
            if (err.code === 'ENOENT') return undefined;
            throw err;
        }
    }
    /** The worker processes of a track, as recorded (for Prometheus targets and tests). */ async workers(track) {
        return (await this.read(track))?.workers ?? [];
    }
    async describe(track) {
        const file = await this.read(track);
        if (!file) return undefined;
        const alive = file.workers.filter(isOurs);
        return {
            track,
            release: file.release,
            detail: `${alive.length}/${file.workers.length} worker process(es) alive: pid ${file.workers.map((w)=>w.pid).join(', ')}`
        };
    }
    entryFor(release) {
        const entry = release.image.startsWith('file:') ? resolve(release.image.slice('file:'.length)) : this.entry;
        if (!existsSync(entry)) {
            throw new InputError(`worker entry ${entry}`, 'does not exist', 'build the worker first (npm run build -w worker) or pass the entry point');
        }
        return entry;
    }
    workerEnv(spec, healthPort, metricsPort) {
        const { release } = spec;
        return {
            ...this.options.env,
            ...release.env,
            TEMPORAL_ADDRESS: spec.temporal.address,
            TEMPORAL_NAMESPACE: spec.temporal.namespace,
            ORDER_TASK_QUEUE: release.orderQueue,
            PAYMENT_TASK_QUEUE: release.paymentQueue,
            BUILD_ID: release.buildId,
            HEALTH_PORT: String(healthPort),
            METRICS_PORT: String(metricsPort),
            LISTEN_HOST: '127.0.0.1',
            SHUTDOWN_GRACE_MS: String(this.options.stopGraceMs ?? 30_000),
            ...spec.versioning ? {
                DEPLOYMENT_NAME: spec.versioning.deploymentName,
                DEFAULT_VERSIONING_BEHAVIOR: spec.versioning.defaultBehavior
            } : {}
        };
    }
    async startWorker(spec, entry, index) {
        const [healthPort, metricsPort] = [
            await freePort(),
            await freePort()
        ];
        const id = randomUUID();
        const log = join(this.dir, 'logs', `${spec.track}-${spec.release.buildId}-${index}-${id.slice(0, 8)}.log`);
        await mkdir(join(this.dir, 'logs'), {
            recursive: true
        });
        const fd = openSync(log, 'a');
        try {
            const child = spawn(this.node, [
                entry
            ], {
                detached: true,
                stdio: [
                    'ignore',
                    fd,
                    fd
                ],
                env: {
                    ...process.env,
                    ...this.workerEnv(spec, healthPort, metricsPort),
                    ...this.options.secretEnv,
                    ROLLOUT_WORKER_ID: id
                }
            });
            child.unref();
            if (child.pid === undefined) throw new ExternalError('local deployer', `could not start ${this.node} ${entry}`);
            return {
                pid: child.pid,
                id,
                healthPort,
                metricsPort,
                log
            };
        } finally{
            closeSync(fd);
        }
    }
    /** SIGTERM, then SIGKILL after the grace period; resolves when every process is gone. */ async stopWorkers(workers) {
        const alive = workers.filter(isOurs);
        for (const worker of alive){
            try {
                process.kill(worker.pid, 'SIGTERM');
            } catch  {
            // exited meanwhile
            }
        }
        const deadline = Date.now() + (this.options.stopGraceMs ?? 30_000) + 2_000;
        while(alive.some(isOurs) && Date.now() < deadline)await sleep(100);
        for (const worker of alive.filter(isOurs)){
            try {
                process.kill(worker.pid, 'SIGKILL');
            } catch  {
            // exited meanwhile
            }
        }
        while(alive.some(isOurs))await sleep(50);
    }
    async apply(spec) {
        const current = await this.read(spec.track);
        if (current && sameRelease(current.release, spec.release) && JSON.stringify(current.versioning) === JSON.stringify(spec.versioning) && current.workers.length === (spec.replicas ?? 1) && current.workers.every(isOurs)) {
            return {
                changed: false,
                detail: `${spec.track} already runs ${spec.release.version} (${spec.replicas ?? 1} worker(s))`
            };
        }
        const entry = this.entryFor(spec.release);
        const started = [];
        try {
            for(let i = 0; i < (spec.replicas ?? 1); i++)started.push(await this.startWorker(spec, entry, i));
            const deadline = Date.now() + (this.options.readyTimeoutMs ?? 60_000);
            for (const worker of started){
                while(!await ready(worker.healthPort)){
                    if (!isOurs(worker)) throw new ExternalError('local deployer', `worker exited before it was ready:\n${tail(worker.log)}`);
                    if (Date.now() > deadline) {
                        throw new ExternalError('local deployer', `worker was not ready in time:\n${tail(worker.log)}`);
                    }
                    await sleep(200);
                }
            }
        } catch (err) {
            await this.stopWorkers(started);
            throw err;
        }
        const file = {
            track: spec.track,
            release: spec.release,
            ...spec.versioning ? {
                versioning: spec.versioning
            } : {},
            workers: started,
            startedAt: new Date().toISOString()
        };
        await writeFileAtomic(this.trackFile(spec.track), `${JSON.stringify(file, null, 2)}\n`);
        if (current) await this.stopWorkers(current.workers);
        const replaced = current ? `, replacing ${current.release.version}` : '';
        return {
            changed: true,
            detail: `${spec.track} runs ${spec.release.version} on ${spec.release.orderQueue}: pid ${started.map((w)=>w.pid).join(', ')}${replaced}`
        };
    }
    async remove(track) {
        const current = await this.read(track);
        if (!current) return {
            changed: false,
            detail: `no ${track} workers`
        };
        await this.stopWorkers(current.workers);
        await rm(this.trackFile(track), {
            force: true
        });
        return {
            changed: true,
            detail: `stopped ${track} ${current.release.version} (pid ${current.workers.map((w)=>w.pid).join(', ')})`
        };
    }
    async readRouting() {
        try {
            return JSON.parse(await readFile(this.routingFile, 'utf8'));
        } catch (err) {
            if (err.code === 'ENOENT') return undefined;
            throw err;
        }
    }
    async writeRouting(table, _owner) {
        const before = await this.readRouting();
        const text = `${JSON.stringify(table)}\n`;
        if (before && JSON.stringify(before) === JSON.stringify(table)) {
            return {
                changed: false,
                detail: `routing unchanged in ${this.routingFile}`
            };
        }
        await writeFileAtomic(this.routingFile, text);
        return {
            changed: true,
            detail: `routing ${table.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ')} in ${this.routingFile}`
        };
    }
    /** Stops every worker this deployer recorded (tests, `demo` teardown). */ async removeAll() {
        for (const track of [
            'canary',
            'stable'
        ])await this.remove(track);
    }
}

/** Connects to Temporal and builds the deployer and state store a rollout step runs with. */ async function openRollout(options) {
    const { config } = options;
    const address = options.temporalAddress ?? config.temporal.address ?? process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
    const namespace = options.namespace ?? config.temporal.namespace;
    const stateDir = options.stateDir ?? '.rollout';
    const kind = options.deployer ?? config.deployer;
    let deployer;
    let store = new FileStateStore(join(stateDir, 'state.json'));
    if (kind === 'helm') {
        if (!options.helm) {
            throw new InputError('deployer', 'helm needs a kubeconfig', 'pass --kubeconfig (input "kubeconfig")');
        }
        const namespace = options.helm.namespace ?? config.helm.namespace ?? 'default';
        const kubeContext = options.helm.kubeContext;
        // The same kubectl reads the routing ConfigMap and pod events, and (helm.state: configmap) keeps the state.
        const kubectl = kubectlRunner({
            kubectl: options.helm.kubectl ?? 'kubectl',
            kubeconfig: options.helm.kubeconfig,
            namespace,
            ...kubeContext ? {
                kubeContext
            } : {}
        });
        if (config.helm.state === 'configmap') {
            store = new ConfigMapStateStore(kubectl, config.helm.stateConfigMap, namespace);
        }
        deployer = new HelmDeployer(new Helm({
            helm: options.helm.binary,
            kubeconfig: options.helm.kubeconfig,
            namespace,
            ...kubeContext ? {
                kubeContext
            } : {}
        }), {
            release: config.helm.release,
            chart: config.chart,
            timeoutMs: config.helm.timeoutMs,
            valuesFiles: config.helm.valuesFiles,
            ...options.workerEnv ? {
                env: options.workerEnv
            } : {},
            kubectl,
            ...options.log ? {
                log: options.log
            } : {}
        });
    } else {
        deployer = new LocalDeployer({
            dir: stateDir,
            ...options.workerEntry ? {
                workerEntry: options.workerEntry
            } : {},
            ...options.workerEnv ? {
                env: options.workerEnv
            } : {},
            ...options.apiKey ? {
                secretEnv: {
                    TEMPORAL_API_KEY: options.apiKey
                }
            } : {}
        });
    }
    let connection;
    try {
        connection = await libExports.Connection.connect({
            address,
            ...options.apiKey ? {
                apiKey: options.apiKey,
                tls: true
            } : {},
            connectTimeout: 10_000
        });
    } catch (err) {
        throw new ExternalError('Temporal', `cannot connect to ${address}: ${err.message}`, {
            cause: err
        });
    }
    const client = new libExports.Client({
        connection,
        namespace
    });
    const ctx = {
        settings: {
            app: config.app,
            taskQueues: config.taskQueues,
            strategy: config.strategy,
            temporal: {
                address,
                namespace
            }
        },
        deployer,
        store,
        client,
        visibility: new TemporalVisibility(client, namespace),
        ...options.replicas !== undefined ? {
            replicas: options.replicas
        } : {},
        ...options.versioningBehavior ? {
            versioningBehavior: options.versioningBehavior
        } : {},
        ...options.drain ? {
            drain: options.drain
        } : {},
        ...options.log ? {
            log: options.log
        } : {}
    };
    return {
        ctx,
        close: ()=>connection.close()
    };
}

export { reconcile as a, observedRouting as b, summarize as c, workerSet as d, route as e, withDeployed as f, event as g, runGate as h, describeDrain as i, planRollback as j, drain as k, loadState as l, planPromote as m, openRollout as o, planCanary as p, releaseFor as r, strategyOf as s, weightOfStep as w };

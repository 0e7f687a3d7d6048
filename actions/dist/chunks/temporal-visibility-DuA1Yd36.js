import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { randomUUID } from 'node:crypto';
import { E as ExternalError } from './errors-Cq3sNBNk.js';
import { s as sleep } from './sleep-DCjOWjxt.js';

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
            await sleep(250);
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

export { TemporalVisibility as T, scopeLabel as s };

import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ExternalError } from '../core/errors.js';
import type { DrainTarget } from '../core/rollout/drain.js';
import { sleep } from '../core/sleep.js';

const IDENTITY = 'temporal-rollout';
// temporal.api.enums.v1 values (TaskQueueKind NORMAL, TaskQueueType WORKFLOW): numbers, so @temporalio/proto
// (only a transitive dependency) is not imported for two constants.
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

export interface OpenRun {
  workflowId: string;
  runId: string;
  type: string;
  taskQueue: string;
  startTime: Date;
}

/** The routing of a Worker Deployment, as the server reports it. */
export interface DeploymentRouting {
  /** Pass back to a set call; the server refuses a stale one (gRPC 9, "conflict token mismatch"). */
  conflictToken: Uint8Array;
  currentBuildId: string | undefined;
  rampingBuildId: string | undefined;
  rampingPercent: number;
  /** Build ids the server knows for this deployment (their workers have polled). */
  buildIds: string[];
}

/**
 * What the matching service sees on a scope's task queues now. Unlike visibility, it does not lag a new start:
 * the start's first workflow task is added to the queue at once.
 */
export interface QueueActivity {
  /** Workflow tasks waiting for a worker. */
  backlog: number;
  /** Workflow tasks added per second, as the server averages them over the last 30 s (a run started lately). */
  addRate: number;
  /** The queues asked. */
  queues: string[];
}

/** Which open runs a drain waits for: those on a task queue, or those pinned to a deployment version. */
export type RunScope =
  | { kind: 'task-queue'; taskQueue: string }
  | { kind: 'version'; deploymentName: string; buildId: string };

function quote(value: string): string {
  return JSON.stringify(value);
}

export function scopeQuery(scope: RunScope): string {
  const where =
    scope.kind === 'task-queue'
      ? `TaskQueue=${quote(scope.taskQueue)}`
      : `TemporalWorkerDeploymentVersion=${quote(`${scope.deploymentName}:${scope.buildId}`)}`;
  return `${where} AND ExecutionStatus="Running"`;
}

export function scopeLabel(scope: RunScope): string {
  return scope.kind === 'task-queue'
    ? `task queue ${scope.taskQueue}`
    : `version ${scope.deploymentName}:${scope.buildId}`;
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new ExternalError('Temporal', `${what} failed: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Open-run counts through visibility, plus the worker-deployment routing calls. Everything goes through one
 * client bound to the namespace the workers use.
 */
export class TemporalVisibility {
  constructor(
    private readonly client: Client,
    readonly namespace: string,
  ) {}

  async countOpenRuns(scope: RunScope): Promise<number> {
    const { count } = await call(`counting open runs on ${scopeLabel(scope)}`, () =>
      this.client.workflow.count(scopeQuery(scope)),
    );
    return count;
  }

  async listOpenRuns(scope: RunScope, limit = 1000): Promise<OpenRun[]> {
    return call(`listing open runs on ${scopeLabel(scope)}`, async () => {
      const runs: OpenRun[] = [];
      for await (const info of this.client.workflow.list({ query: scopeQuery(scope), pageSize: 100 })) {
        runs.push({
          workflowId: info.workflowId,
          runId: info.runId,
          type: info.type,
          taskQueue: info.taskQueue,
          startTime: info.startTime,
        });
        if (runs.length >= limit) break;
      }
      return runs;
    });
  }

  /** How many runs still need the workers of `scope`, and since when the oldest has been open. */
  async drainTarget(scope: RunScope): Promise<DrainTarget> {
    const openRuns = await this.countOpenRuns(scope);
    const target: DrainTarget = { label: scopeLabel(scope), openRuns };
    if (openRuns > 0) {
      const runs = await this.listOpenRuns(scope);
      const oldest = runs.reduce<Date | undefined>(
        (min, r) => (!min || r.startTime < min ? r.startTime : min),
        undefined,
      );
      if (oldest) target.oldestStart = oldest.toISOString();
    }
    return target;
  }

  /**
   * DescribeTaskQueue statistics of the scope's workflow task queue(s) (per version under worker versioning);
   * undefined when the server reports none (an older server).
   */
  async queueActivity(scope: RunScope): Promise<QueueActivity | undefined> {
    type Stats = { approximateBacklogCount?: unknown; tasksAddRate?: number | null } | null | undefined;
    const sum = (queues: string[], stats: Stats[]): QueueActivity | undefined => {
      if (stats.length === 0 || stats.some((s) => !s)) return undefined;
      return {
        queues,
        backlog: stats.reduce((n, s) => n + Number(s?.approximateBacklogCount ?? 0), 0),
        addRate: stats.reduce((n, s) => n + (s?.tasksAddRate ?? 0), 0),
      };
    };
    if (scope.kind === 'task-queue') {
      const response = await call(`describing task queue ${scope.taskQueue}`, () =>
        this.client.workflowService.describeTaskQueue({
          namespace: this.namespace,
          taskQueue: { name: scope.taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
          reportStats: true,
        }),
      );
      return sum([scope.taskQueue], [response.stats]);
    }
    const response = await call(`describing ${scope.deploymentName}:${scope.buildId}`, () =>
      this.client.workflowService.describeWorkerDeploymentVersion({
        namespace: this.namespace,
        deploymentVersion: { deploymentName: scope.deploymentName, buildId: scope.buildId },
        reportTaskQueueStats: true,
      }),
    ).catch((err: ExternalError) => {
      // NOT_FOUND: no worker of that version ever polled, so no task of it was ever dispatched.
      if ((err.cause as { code?: number } | undefined)?.code === 5) return undefined;
      throw err;
    });
    if (!response) return { queues: [], backlog: 0, addRate: 0 };
    const workflowQueues = (response.versionTaskQueues ?? []).filter(
      (q) => q.type === TASK_QUEUE_TYPE_WORKFLOW,
    );
    return sum(
      workflowQueues.map((q) => q.name ?? ''),
      workflowQueues.map((q) => q.stats),
    );
  }

  async terminate(run: OpenRun, reason: string): Promise<void> {
    await call(`terminating ${run.workflowId}`, () =>
      this.client.workflow.getHandle(run.workflowId, run.runId).terminate(reason),
    );
  }

  /**
   * "Reset to stable": ends the run with a reason and starts it again from the beginning, same workflow id,
   * type, input, memo and search attributes, on `taskQueue` (the stable queue; under worker versioning the
   * server then routes it to the current version). The first run's history is left for audit.
   */
  async restart(run: OpenRun, taskQueue: string, reason: string): Promise<string> {
    return call(`restarting ${run.workflowId} on ${taskQueue}`, async () => {
      const service = this.client.workflowService;
      const history = await service.getWorkflowExecutionHistory({
        namespace: this.namespace,
        execution: { workflowId: run.workflowId, runId: run.runId },
        maximumPageSize: 1,
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
        taskQueue: { name: taskQueue },
        input: started.input,
        workflowExecutionTimeout: started.workflowExecutionTimeout,
        workflowRunTimeout: started.workflowRunTimeout,
        workflowTaskTimeout: started.workflowTaskTimeout,
        retryPolicy: started.retryPolicy,
        memo: started.memo,
        searchAttributes: started.searchAttributes,
        header: started.header,
      });
      return response.runId ?? '';
    });
  }

  async describeDeployment(deploymentName: string): Promise<DeploymentRouting | undefined> {
    try {
      const response = await this.client.workflowService.describeWorkerDeployment({
        namespace: this.namespace,
        deploymentName,
      });
      const info = response.workerDeploymentInfo;
      const routing = info?.routingConfig;
      return {
        conflictToken: response.conflictToken ?? new Uint8Array(),
        currentBuildId: routing?.currentDeploymentVersion?.buildId || undefined,
        rampingBuildId: routing?.rampingDeploymentVersion?.buildId || undefined,
        rampingPercent: routing?.rampingVersionPercentage ?? 0,
        buildIds: (info?.versionSummaries ?? []).flatMap((v) => v.deploymentVersion?.buildId ?? []),
      };
    } catch (err) {
      // gRPC NOT_FOUND: no worker of this deployment has polled yet.
      if ((err as { code?: number }).code === 5) return undefined;
      throw new ExternalError(
        'Temporal',
        `describing worker deployment ${deploymentName} failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }

  /** The task queues that workers of a version have polled; undefined when the server does not know it. */
  async versionTaskQueues(deploymentName: string, buildId: string): Promise<string[] | undefined> {
    try {
      const response = await this.client.workflowService.describeWorkerDeploymentVersion({
        namespace: this.namespace,
        deploymentVersion: { deploymentName, buildId },
      });
      return (response.workerDeploymentVersionInfo?.taskQueueInfos ?? []).map((info) => info.name ?? '');
    } catch (err) {
      if ((err as { code?: number }).code === 5) return undefined;
      throw new ExternalError(
        'Temporal',
        `describing ${deploymentName}:${buildId} failed: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }

  /**
   * Waits until workers of `buildId` have polled every one of `taskQueues`: the server refuses to route to a
   * version that misses a queue the current version serves.
   */
  async waitForVersion(
    deploymentName: string,
    buildId: string,
    taskQueues: readonly string[],
    timeoutMs: number,
  ): Promise<DeploymentRouting> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const polled = await this.versionTaskQueues(deploymentName, buildId);
      const missing = taskQueues.filter((queue) => !polled?.includes(queue));
      if (missing.length === 0) {
        const routing = await this.describeDeployment(deploymentName);
        if (routing) return routing;
      }
      if (Date.now() > deadline) {
        throw new ExternalError(
          'Temporal',
          `workers of ${deploymentName}:${buildId} did not poll ${missing.join(', ') || 'the deployment'} within ${timeoutMs} ms; check the workers' logs`,
        );
      }
      await sleep(250);
    }
  }

  async setCurrent(deploymentName: string, buildId: string, conflictToken: Uint8Array): Promise<void> {
    await call(`setting ${deploymentName}:${buildId} current`, () =>
      this.client.workflowService.setWorkerDeploymentCurrentVersion({
        namespace: this.namespace,
        deploymentName,
        buildId,
        conflictToken,
        identity: IDENTITY,
      }),
    );
  }

  /** `percent` 0 with an empty build id clears the ramp. */
  async setRamping(
    deploymentName: string,
    buildId: string,
    percent: number,
    conflictToken: Uint8Array,
  ): Promise<void> {
    await call(`ramping ${deploymentName}:${buildId || '(none)'} to ${percent}%`, () =>
      this.client.workflowService.setWorkerDeploymentRampingVersion({
        namespace: this.namespace,
        deploymentName,
        buildId,
        percentage: percent,
        conflictToken,
        identity: IDENTITY,
      }),
    );
  }
}

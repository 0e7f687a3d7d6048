import type { Client } from '@temporalio/client';
// CommonJS: Node's ESM loader sees only its default export.
import proto, { type temporal as ProtoTypes } from '@temporalio/proto';
import type { RetriedRun, WorkflowTaskObservation } from '../core/analysis/workflow-tasks.js';
import { ExternalError } from '../core/errors.js';

const { temporal } = proto;

const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
/** Describe calls in flight at once: enough to cover a few hundred runs within a 2 s poll, gentle on the frontend. */
const CONCURRENCY = 16;

/**
 * Open runs matching `query` (newest first, at most `maxRuns`) whose pending workflow task is past its first
 * attempt (DescribeWorkflowExecution), each with the last workflow-task failure or timeout its history records.
 * The server keeps only the first failure of a streak in history; later attempts are transient, so the last
 * such event names the cause of the whole streak.
 */
export async function findRetriedWorkflowTasks(
  client: Client,
  query: string,
  maxRuns: number,
): Promise<WorkflowTaskObservation> {
  const namespace = client.options.namespace;
  const runs: { workflowId: string; runId: string; type: string }[] = [];
  try {
    for await (const info of client.workflow.list({ query, pageSize: Math.min(maxRuns, 1000) })) {
      runs.push({ workflowId: info.workflowId, runId: info.runId, type: info.type });
      if (runs.length >= maxRuns) break;
    }
  } catch (err) {
    throw new ExternalError('Temporal', `listing runs (${query}) failed: ${reason(err)}`, { cause: err });
  }
  const retried: RetriedRun[] = [];
  await forEachLimited(runs, CONCURRENCY, async (run) => {
    const execution = { workflowId: run.workflowId, runId: run.runId };
    let attempt: number;
    try {
      const described = await client.workflowService.describeWorkflowExecution({ namespace, execution });
      attempt = described.pendingWorkflowTask?.attempt ?? 0;
    } catch (err) {
      // The run closed (or was deleted) between the list and the describe: nothing stuck there.
      if ((err as { code?: number }).code === 5) return;
      throw new ExternalError('Temporal', `describing run ${run.workflowId} failed: ${reason(err)}`, {
        cause: err,
      });
    }
    if (attempt < 2) return;
    const found: RetriedRun = { workflowId: run.workflowId, runId: run.runId, attempt };
    if (run.type) found.workflowType = run.type;
    const last = await lastWorkflowTaskProblem(client, namespace, execution);
    if (last) found.last = last;
    retried.push(found);
  });
  return { runsChecked: runs.length, retried };
}

async function lastWorkflowTaskProblem(
  client: Client,
  namespace: string,
  execution: { workflowId: string; runId: string },
): Promise<RetriedRun['last']> {
  let nextPageToken: Uint8Array | undefined;
  // Newest events first; a streak's failure is usually within the last few events.
  for (let page = 0; page < 20; page++) {
    let response: ProtoTypes.api.workflowservice.v1.GetWorkflowExecutionHistoryReverseResponse;
    try {
      response = await client.workflowService.getWorkflowExecutionHistoryReverse({
        namespace,
        execution,
        maximumPageSize: 50,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
    } catch (err) {
      throw new ExternalError(
        'Temporal',
        `reading the history of ${execution.workflowId} failed: ${reason(err)}`,
        { cause: err },
      );
    }
    for (const event of response.history?.events ?? []) {
      const at = timestamp(event.eventTime);
      if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
        const attrs = event.workflowTaskFailedEventAttributes;
        const cause = WorkflowTaskFailedCause[attrs?.cause ?? 0] ?? String(attrs?.cause);
        return {
          kind: 'failed',
          cause: cause.replace(/^WORKFLOW_TASK_FAILED_CAUSE_/, ''),
          message: attrs?.failure?.message ?? '',
          ...(at ? { at } : {}),
        };
      }
      if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)
        return { kind: 'timed-out', ...(at ? { at } : {}) };
    }
    if (!response.nextPageToken?.length) return undefined;
    nextPageToken = response.nextPageToken;
  }
  return undefined;
}

function timestamp(t: ProtoTypes.api.history.v1.IHistoryEvent['eventTime']): string | undefined {
  if (!t?.seconds) return undefined;
  // int64 arrives as a Long (or a plain number when long.js is absent, see protobuf-long.ts).
  const seconds = Number(t.seconds);
  return new Date(seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

/** The client's message and, when it wraps a gRPC error, what the server (or the deadline) said. */
function reason(err: unknown): string {
  const message = (err as Error).message;
  const details = (err as { cause?: { details?: string } }).cause?.details;
  return details && !message.includes(details) ? `${message}: ${details}` : message;
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

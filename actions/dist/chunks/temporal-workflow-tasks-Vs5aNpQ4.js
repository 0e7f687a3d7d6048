import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { p as proto } from './index-DA9XjHXy.js';
import { E as ExternalError } from './errors-Cq3sNBNk.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './index-BKk9e40y.js';
import './index-minimal-Bp1UdQBh.js';

// CommonJS: Node's ESM loader sees only its default export.
const { temporal } = proto;
const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
/** Describe calls in flight at once: enough to cover a few hundred runs within a 2 s poll, gentle on the frontend. */ const CONCURRENCY = 16;
/**
 * Open runs matching `query` (newest first, at most `maxRuns`) whose pending workflow task is past its first
 * attempt (DescribeWorkflowExecution), each with the last workflow-task failure or timeout its history records.
 * The server keeps only the first failure of a streak in history; later attempts are transient, so the last
 * such event names the cause of the whole streak.
 */ async function findRetriedWorkflowTasks(client, query, maxRuns) {
    const namespace = client.options.namespace;
    const runs = [];
    try {
        for await (const info of client.workflow.list({
            query,
            pageSize: Math.min(maxRuns, 1000)
        })){
            runs.push({
                workflowId: info.workflowId,
                runId: info.runId,
                type: info.type
            });
            if (runs.length >= maxRuns) break;
        }
    } catch (err) {
        throw new ExternalError('Temporal', `listing runs (${query}) failed: ${reason(err)}`, {
            cause: err
        });
    }
    const retried = [];
    await forEachLimited(runs, CONCURRENCY, async (run)=>{
        const execution = {
            workflowId: run.workflowId,
            runId: run.runId
        };
        let attempt;
        try {
            const described = await client.workflowService.describeWorkflowExecution({
                namespace,
                execution
            });
            attempt = described.pendingWorkflowTask?.attempt ?? 0;
        } catch (err) {
            // The run closed (or was deleted) between the list and the describe: nothing stuck there.
            if (err.code === 5) return;
            throw new ExternalError('Temporal', `describing run ${run.workflowId} failed: ${reason(err)}`, {
                cause: err
            });
        }
        if (attempt < 2) return;
        const found = {
            workflowId: run.workflowId,
            runId: run.runId,
            attempt
        };
        if (run.type) found.workflowType = run.type;
        const last = await lastWorkflowTaskProblem(client, namespace, execution);
        if (last) found.last = last;
        retried.push(found);
    });
    return {
        runsChecked: runs.length,
        retried
    };
}
async function lastWorkflowTaskProblem(client, namespace, execution) {
    let nextPageToken;
    // Newest events first; a streak's failure is usually within the last few events.
    for(let page = 0; page < 20; page++){
        let response;
        try {
            response = await client.workflowService.getWorkflowExecutionHistoryReverse({
                namespace,
                execution,
                maximumPageSize: 50,
                ...nextPageToken ? {
                    nextPageToken
                } : {}
            });
        } catch (err) {
            throw new ExternalError('Temporal', `reading the history of ${execution.workflowId} failed: ${reason(err)}`, {
                cause: err
            });
        }
        for (const event of response.history?.events ?? []){
            const at = timestamp(event.eventTime);
            if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
                const attrs = event.workflowTaskFailedEventAttributes;
                const cause = WorkflowTaskFailedCause[attrs?.cause ?? 0] ?? String(attrs?.cause);
                return {
                    kind: 'failed',
                    cause: cause.replace(/^WORKFLOW_TASK_FAILED_CAUSE_/, ''),
                    message: attrs?.failure?.message ?? '',
                    ...at ? {
                        at
                    } : {}
                };
            }
            if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) return {
                kind: 'timed-out',
                ...at ? {
                    at
                } : {}
            };
        }
        if (!response.nextPageToken?.length) return undefined;
        nextPageToken = response.nextPageToken;
    }
    return undefined;
}
function timestamp(t) {
    if (!t?.seconds) return undefined;
    // int64 arrives as a Long (or a plain number when long.js is absent, see protobuf-long.ts).
    const seconds = Number(t.seconds);
    return new Date(seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}
/** The client's message and, when it wraps a gRPC error, what the server (or the deadline) said. */ function reason(err) {
    const message = err.message;
    const details = err.cause?.details;
    return details && !message.includes(details) ? `${message}: ${details}` : message;
}
async function forEachLimited(items, limit, run) {
    let next = 0;
    const worker = async ()=>{
        while(next < items.length)await run(items[next++]);
    };
    await Promise.all(Array.from({
        length: Math.min(limit, items.length)
    }, worker));
}

export { findRetriedWorkflowTasks };

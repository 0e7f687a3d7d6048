import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';

/** A replay verdict as an input or flag gives it; `subject` names that input in the error. */ function parseReplayDeploy(value, subject) {
    if (value !== 'same-queue' && value !== 'new-queue') {
        throw new InputError(subject, `"${value}" is not a replay verdict`, "pass same-queue or new-queue (the replay step's deploy output)");
    }
    return value;
}
function count(outcomes) {
    const failed = outcomes.filter((o)=>o.failure !== null).length;
    return {
        total: outcomes.length,
        passed: outcomes.length - failed,
        failed
    };
}
function totals(outcomes) {
    return count(outcomes);
}
function name(o) {
    const event = o.failure?.divergingEvent;
    return `${o.source} (${o.workflowType}${event ? `, event ${event.id} ${event.type}` : ''})`;
}
function compatibilityVerdict(outcomes) {
    const open = outcomes.filter((o)=>o.status === 'open');
    const closed = outcomes.filter((o)=>o.status !== 'open');
    const openCounts = count(open);
    const closedCounts = count(closed);
    const reasons = [];
    const warnings = [];
    const openFailures = open.filter((o)=>o.failure);
    const closedFailures = closed.filter((o)=>o.failure);
    if (openFailures.length > 0) reasons.push(`${openFailures.length} open run(s) do not replay: ${openFailures.map(name).join('; ')}`);
    if (closedFailures.length > 0) {
        const text = `${closedFailures.length} completed history(ies) do not replay: ${closedFailures.map(name).join('; ')}`;
        // Completed histories are the paths runs take; with no open run to judge by, they stand in for the open ones.
        if (open.length === 0) reasons.push(`${text} (no open run was replayed, so these stand in for them)`);
        else if (openFailures.length > 0) reasons.push(text);
        else warnings.push(`${text}; open runs are unaffected, but queries and resets of those runs will fail`);
    }
    const compatible = reasons.length === 0;
    if (compatible) reasons.push(open.length > 0 ? `all ${open.length} open run(s) replay on the new code: the same task queue is safe` : `all ${closed.length} completed history(ies) replay on the new code: the same task queue is safe`);
    return {
        compatible,
        deploy: compatible ? 'same-queue' : 'new-queue',
        drainRequired: !compatible,
        openRuns: openCounts,
        completedRuns: closedCounts,
        reasons,
        warnings
    };
}
/**
 * Every failure fails the gate, except that `allowReplayErrors` tolerates errors the workflow code raised
 * (`replay-error`): non-determinism, a missing workflow type, corrupt input and unfinished replays never pass.
 */ function gatePasses(outcomes, allowReplayErrors) {
    return outcomes.every((o)=>o.failure === null || allowReplayErrors && o.failure.kind === 'replay-error');
}
/** The open live runs of each missing workflow type on each queue, keyed `type\0queue`. */ function openRunsByTypeAndQueue(outcomes) {
    const counts = new Map();
    for (const o of outcomes)if (o.origin === 'live' && o.status === 'open' && o.failure?.kind === 'missing-workflow-type') {
        const key = `${o.workflowType}\0${o.taskQueue ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
}
/** Where the gate is told the queues this worker serves, named for both front ends. */ const SERVED_QUEUES_INPUTS = 'set task-queues or config (CLI: --task-queue, --config)';
/** Why a history of a workflow type `code` does not export fails the gate, in plain words. */ function missingTypeDetail(o, served, code, openRuns) {
    const missing = `workflow type "${o.workflowType}" is not exported by ${code}`;
    if (o.origin === 'file') return missing;
    const queue = o.taskQueue;
    if (!queue) return `${missing}, and the server gave no task queue for this live run, so it cannot be told another worker's: the gate fails closed (keep the type, or close the run)`;
    if (!served) return `${missing}, and the replay was not told which task queues this worker serves, so this live run on task queue "${queue}" cannot be told another worker's: ${SERVED_QUEUES_INPUTS}, or keep the type`;
    if (o.status !== 'open') return `${missing}, and this closed run on task queue "${queue}", which this worker serves, can no longer be queried or reset on the new code: keep the type`;
    const open = openRuns.get(`${o.workflowType}\0${queue}`) ?? 1;
    return `workflow type "${o.workflowType}" has ${open} open run(s) on task queue "${queue}", which this worker serves, and is no longer exported by ${code}: those runs cannot continue on the new code; keep the type or drain those runs first`;
}
/**
 * The live-run skip rule. A live query sees the whole namespace, other workers' runs too; a live run of a workflow
 * type the code does not export (`code`) is left out only when it provably belongs to another worker: its task
 * queue is known and is not one this worker serves. On a served queue, with no queue, or when the queues this
 * worker serves are not known (`served` undefined), it stays a failure: those runs could never continue on the
 * new code. Stored histories of a missing type are never skipped. Every missing-type failure kept says why.
 */ function skipForeignLiveRuns(outcomes, served, code) {
    const openRuns = openRunsByTypeAndQueue(outcomes);
    const judged = [];
    const skipped = [];
    for (const o of outcomes){
        if (o.failure?.kind !== 'missing-workflow-type') {
            judged.push(o);
            continue;
        }
        const queue = o.taskQueue;
        if (o.origin === 'live' && served && queue && !served.serves(queue)) {
            skipped.push({
                source: o.source,
                workflowType: o.workflowType,
                ...o.runId ? {
                    runId: o.runId
                } : {},
                status: o.status,
                taskQueue: queue,
                reason: `task queue "${queue}" is not one this worker serves (${served.describe()})`
            });
            continue;
        }
        judged.push({
            ...o,
            failure: {
                ...o.failure,
                detail: missingTypeDetail(o, served, code, openRuns)
            }
        });
    }
    return {
        judged,
        skipped
    };
}
/** `rolloutWorkflow ×2 on temporal-rollout, billingWorkflow on billing`: the skipped runs by type and queue. */ function describeSkipped(skipped) {
    const groups = new Map();
    for (const run of skipped){
        const key = `${run.workflowType}\0${run.taskQueue}`;
        const group = groups.get(key);
        if (group) group.n += 1;
        else groups.set(key, {
            run,
            n: 1
        });
    }
    return [
        ...groups.values()
    ].map(({ run, n })=>`${run.workflowType}${n > 1 ? ` ×${n}` : ''} on ${run.taskQueue}`).join(', ');
}

export { compatibilityVerdict as c, describeSkipped as d, gatePasses as g, parseReplayDeploy as p, skipForeignLiveRuns as s, totals as t };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
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
/**
 * Splits replayed outcomes into the judged ones and the live runs of workflow types the code does not export
 * (the replay itself found the type missing). A stored history of a missing type stays a failure.
 */ function skipForeignLiveRuns(outcomes) {
    const judged = [];
    const skipped = [];
    for (const o of outcomes){
        if (o.origin === 'live' && o.failure?.kind === 'missing-workflow-type') skipped.push({
            source: o.source,
            workflowType: o.workflowType,
            ...o.runId ? {
                runId: o.runId
            } : {},
            status: o.status
        });
        else judged.push(o);
    }
    return {
        judged,
        skipped
    };
}
/** `rolloutWorkflow ×2, billingWorkflow`: the skipped runs by workflow type, for a report line. */ function describeSkipped(skipped) {
    const byType = new Map();
    for (const run of skipped)byType.set(run.workflowType, (byType.get(run.workflowType) ?? 0) + 1);
    return [
        ...byType
    ].map(([type, n])=>n > 1 ? `${type} ×${n}` : type).join(', ');
}

export { compatibilityVerdict as c, describeSkipped as d, gatePasses as g, skipForeignLiveRuns as s, totals as t };

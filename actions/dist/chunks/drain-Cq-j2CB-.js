import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
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

export { decideDrain as a, describeDrain as d };

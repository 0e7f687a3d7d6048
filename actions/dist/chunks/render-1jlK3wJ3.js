import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { m as markdownTable } from './markdown-CTU4Idmi.js';
import { d as describeSkipped } from './verdict-D0aqHdIs.js';

function eventLabel(o) {
    const event = o.failure?.divergingEvent;
    return event ? `${event.id} ${event.type.replace(/^EVENT_TYPE_/, '')}` : '';
}
/** One line per failure: `file: workflow type, event id type: SDK detail`. */ function failureLine(o) {
    const event = eventLabel(o);
    return `${o.source} (${o.status}): ${o.workflowType}${event ? `, first diverging event ${event}` : ''}: ${o.failure?.detail ?? ''}`;
}
/** Rows for a summary table: header first. */ function outcomeRows(report) {
    return [
        [
            'History',
            'Workflow type',
            'Status',
            'Result',
            'First diverging event',
            'SDK message'
        ],
        ...report.outcomes.map((o)=>[
                o.source,
                o.workflowType,
                o.status,
                o.failure ? `❌ ${o.failure.kind}` : '✅ replayed',
                eventLabel(o),
                o.failure?.detail ?? ''
            ])
    ];
}
function patchRows(report) {
    return [
        [
            'Patch',
            'In code',
            'Open runs with marker',
            'Open runs without',
            'Advice'
        ],
        ...report.patches.map((p)=>[
                p.id,
                p.inCode ?? '—',
                String(p.openWithMarker.length),
                String(p.openWithoutMarker.length),
                p.explanation
            ])
    ];
}
/** What the gate left out (after the word "skipped"), or undefined when it left nothing out. */ function skippedRuns(report) {
    const { skipped, servedQueues } = report;
    if (skipped.length === 0) return undefined;
    return `${skipped.length} live run(s) of workflow types this code does not export, on task queues this worker does not serve (${servedQueues?.join(', ')}), so another worker's: ${describeSkipped(skipped)}`;
}
/** The human summary the CLI prints. */ function renderText(report) {
    const { totals, compatibility: c } = report;
    const lines = [
        `replay: ${totals.passed}/${totals.total} histories replayed with @temporalio/worker ${report.sdk.version} (${report.durationMs} ms)`,
        `  open runs: ${c.openRuns.passed}/${c.openRuns.total}   completed: ${c.completedRuns.passed}/${c.completedRuns.total}`
    ];
    const skipped = skippedRuns(report);
    if (skipped) lines.push(`  skipped ${skipped}`);
    for (const o of report.outcomes)if (o.failure) lines.push(`  FAIL ${failureLine(o)}`);
    for (const p of report.patches)lines.push(`  patch ${p.id}: ${p.explanation}`);
    lines.push(`compatibility: ${c.deploy === 'same-queue' ? 'same task queue is safe' : 'new per-version task queue + drain required'}`);
    for (const reason of c.reasons)lines.push(`  ${reason}`);
    for (const warning of c.warnings)lines.push(`  warning: ${warning}`);
    lines.push(report.passed ? 'result: PASS' : 'result: FAIL');
    return lines.join('\n');
}
function deployAdvice(report) {
    return report.compatibility.deploy === 'same-queue' ? 'the same task queue is safe' : 'a new per-version task queue and a drain are required';
}
/**
 * Markdown for the job summary and the pull-request comment (the same text in both): verdict and counts,
 * the compatibility advice with its reasons, a row per history, and the patch audit when there are patches.
 */ function renderMarkdown(report) {
    const { totals, compatibility: c } = report;
    const verdict = report.passed ? '✅ replay passed' : '❌ replay failed';
    const skipped = skippedRuns(report);
    return [
        `### ${verdict}: ${totals.passed}/${totals.total} histories (@temporalio/worker ${report.sdk.version})`,
        '',
        `Open runs ${c.openRuns.passed}/${c.openRuns.total} · completed ${c.completedRuns.passed}/${c.completedRuns.total}`,
        '',
        ...skipped ? [
            `Skipped ${skipped}.`,
            ''
        ] : [],
        `**Compatibility:** ${deployAdvice(report)}.`,
        ...[
            ...c.reasons,
            ...c.warnings
        ].map((line)=>`- ${line}`),
        '',
        markdownTable(outcomeRows(report)),
        ...report.patches.length > 0 ? [
            '',
            '#### Patch audit',
            '',
            markdownTable(patchRows(report))
        ] : [],
        ''
    ].join('\n');
}

export { renderMarkdown as a, failureLine as f, renderText as r };

// The release job's summary: where the rollout stands, every ramp step's analysis with its charts, the
// GitHub deployment statuses the job recorded, and the rollout's recent history.

import type { ReleaseOutcome, RolloutStatus, StepAnalysis } from '../controller/api.js';
import { renderChart } from '../core/analysis/report.js';

export interface RecordedStatus {
  environment: string;
  state: string;
  description: string;
}

const VERDICT_ICON: Record<string, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function analysisSection(analysis: StepAnalysis): string[] {
  const verdict = analysis.verdict ? `${VERDICT_ICON[analysis.verdict]} ${analysis.verdict}` : '⏳ running';
  const { label, rule } = analysis.selectors;
  const by = label ? ` by \`${label}\`` : '';
  const lines = [
    `### Step ${analysis.step} (${analysis.weight}%): ${verdict}`,
    '',
    `${analysis.version}: canary \`${analysis.selectors.canary}\` against baseline \`${analysis.selectors.baseline}\`${by}, ${analysis.ticks} of ${analysis.count} measurements.`,
    '',
    ...(rule ? [`Selector: ${cell(rule)}.`, ''] : []),
    ...analysis.reasons.map((reason) => `- ${cell(reason)}`),
  ];
  if (analysis.checks.length > 0) {
    lines.push('', '| check | phase | last canary | last baseline |', '|---|---|---|---|');
    for (const check of analysis.checks) {
      const last = check.measurements.at(-1);
      lines.push(
        `| ${cell(check.name)} | ${check.phase} | ${last?.canary ?? '—'} | ${last?.baseline ?? '—'} |`,
      );
    }
  }
  for (const check of analysis.checks) {
    const chart = renderChart(check);
    if (chart) lines.push('', chart);
  }
  return lines;
}

/** Markdown for GITHUB_STEP_SUMMARY. */
export function renderReleaseSummary(input: {
  version: string;
  status: RolloutStatus | undefined;
  outcome: ReleaseOutcome | undefined;
  /** How the job left the rollout: who finishes it, or what to run. */
  message: string;
  /** The replay gate's verdict (same-queue | new-queue). */
  replay?: string;
  deployments: readonly RecordedStatus[];
}): string {
  const { status, outcome } = input;
  const title = outcome ? outcome.result : (status?.phase ?? 'unknown');
  const lines = [`## Release ${input.version}: ${title}`, ''];
  if (outcome) lines.push(...outcome.reasons.map((reason) => `- ${cell(reason)}`), '');
  lines.push(`> ${cell(input.message)}`, '');
  if (input.replay) lines.push(`Replay gate: \`${input.replay}\`.`, '');
  if (status) {
    const rows: [string, string][] = [
      ['workflow', status.workflowId],
      ['phase', status.phase],
      ['stable', status.stable ?? 'none'],
      ['canary', status.canary ? `${status.canary.version} at ${status.canary.weight}%` : 'none'],
    ];
    const queue = status.release?.version === input.version ? status.release.queue : undefined;
    if (queue) rows.push(['task queue', `${queue.orderQueue}, ${queue.paymentQueue} — ${queue.rule}`]);
    if (status.step)
      rows.push(['ramp step', `${status.step.index} of ${status.step.of} (${status.step.weight}%)`]);
    if (status.routing)
      rows.push(['routing', status.routing.routes.map((r) => `${r.taskQueue}=${r.weight}`).join(', ')]);
    if (status.versioning) {
      const v = status.versioning;
      rows.push([
        'versioning',
        `current ${v.current ?? 'unversioned'}${v.ramping ? `, ramping ${v.ramping} at ${v.percent}%` : ''}`,
      ]);
    }
    if (status.drain) {
      const d = status.drain;
      rows.push([
        'drain',
        `${d.kind}: ${d.openRuns ?? '?'} open run(s) on ${d.leaving ?? 'the old release'}${d.label ? ` (${d.label})` : ''}, ${d.polls} count(s) since ${d.since}`,
      ]);
    }
    if (status.hold) rows.push(['held', status.hold.reasons.join('; ')]);
    if (status.queued) rows.push(['queued', `release ${status.queued.version}`]);
    rows.push([
      'history',
      `${status.historyLength} events in this run, ${status.continuedAsNew} run(s) before`,
    ]);
    lines.push('| what | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`), '');
    for (const analysis of status.analyses.filter((a) => a.version === input.version)) {
      lines.push(...analysisSection(analysis), '');
    }
  }
  if (input.deployments.length > 0) {
    lines.push('### Deployment statuses', '', '| environment | state | description |', '|---|---|---|');
    for (const d of input.deployments)
      lines.push(`| ${d.environment} | ${d.state} | ${cell(d.description)} |`);
    lines.push('');
  }
  if (status && status.history.length > 0) {
    lines.push('<details><summary>Rollout history</summary>', '', '| # | at | event | version | detail |');
    lines.push('|---|---|---|---|---|');
    for (const e of status.history.slice(-50))
      lines.push(`| ${e.seq} | ${e.at} | ${e.event} | ${e.version ?? ''} | ${cell(e.detail)} |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

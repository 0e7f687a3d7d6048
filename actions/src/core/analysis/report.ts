import { escapeCell } from '../markdown.js';
import { fmt } from './assess.js';
import { formatDuration } from './duration.js';
import type { CheckResult, Verdict } from './judge.js';
import type { AnalysisSpec, CheckSource } from './spec.js';

export interface AnalysisReport {
  verdict: Verdict;
  reasons: string[];
  startedAt: string;
  finishedAt: string;
  /** Ticks measured; fewer than `settings.count` when a limit ended the analysis early. */
  ticks: number;
  endedEarly: boolean;
  settings: Pick<
    AnalysisSpec,
    | 'intervalMs'
    | 'count'
    | 'initialDelayMs'
    | 'windowMs'
    | 'failureLimit'
    | 'inconclusiveLimit'
    | 'consecutiveErrorLimit'
  >;
  /** The label matchers used for each side. */
  selectors: { canary: string; baseline: string };
  /** Why the selector compares what it does, when the rule chose it (e.g. by build id on a shared queue). */
  selectorRule?: string;
  /** The visibility query of the Temporal-native check, when it ran. */
  temporalRuns?: string;
  /** Which sources failed the canary (empty unless the verdict is `fail`). */
  failedSources: CheckSource[];
  checks: CheckResult[];
}

const SOURCE_LABEL: Record<CheckSource, string> = { prometheus: 'Prometheus', temporal: 'Temporal' };

/** The sources of the checks that failed, each once, in check order. */
export function failedSources(checks: CheckResult[]): CheckSource[] {
  return [...new Set(checks.filter((c) => c.phase === 'Failed').map((c) => c.source))];
}

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const PHASE_ICON: Record<string, string> = {
  Successful: '✅',
  Failed: '❌',
  Inconclusive: '⚠️',
  Error: '🛑',
  Running: '⏳',
};

/** Markdown for the job summary: verdict, reasons, a table of checks, a Mermaid chart per check, every measurement. */
export function renderMarkdown(report: AnalysisReport): string {
  const s = report.settings;
  const lines: string[] = [
    `## Canary analysis: ${VERDICT_ICON[report.verdict]} ${report.verdict}`,
    '',
    `Canary \`${report.selectors.canary}\` against baseline \`${report.selectors.baseline}\`: ${report.ticks} of ${s.count} measurements every ${formatDuration(s.intervalMs)}${report.endedEarly ? ' (ended early)' : ''}, window ${formatDuration(s.windowMs)}, limits: failures ${s.failureLimit}, inconclusive ${s.inconclusiveLimit}, consecutive errors ${s.consecutiveErrorLimit}.`,
    '',
    ...(report.selectorRule ? [`Selector: ${escapeCell(report.selectorRule)}.`, ''] : []),
    ...(report.failedSources.length > 0
      ? [`Failed by: ${report.failedSources.map((s) => SOURCE_LABEL[s]).join(' and ')}.`, '']
      : []),
    ...report.reasons.map((r) => `- ${escapeCell(r)}`),
    '',
    '| Check | Source | Phase | ✅ | ❌ | ⚠️ | 🛑 | Last canary | Last baseline | Last result |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of report.checks) {
    const last = c.measurements.at(-1);
    lines.push(
      `| ${c.name}${c.failFast ? ' (fail-fast)' : ''} | ${SOURCE_LABEL[c.source]} | ${PHASE_ICON[c.phase]} ${c.phase} | ${c.counts.successful} | ${c.counts.failed} | ${c.counts.inconclusive} | ${c.counts.error} | ${num(last?.canary)} | ${num(last?.baseline)} | ${escapeCell(last?.message ?? '')} |`,
    );
  }
  for (const c of report.checks) {
    const chart = renderChart(c);
    if (chart) lines.push('', chart);
  }
  lines.push('', '<details><summary>Every measurement</summary>', '');
  lines.push('| Check | # | Phase | Canary | Baseline | Samples (c/b) | Started | Finished | Message |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const c of report.checks)
    for (const m of c.measurements)
      lines.push(
        `| ${c.name} | ${m.index} | ${PHASE_ICON[m.phase]} ${m.phase} | ${num(m.canary)} | ${num(m.baseline)} | ${num(m.canarySamples)}/${num(m.baselineSamples)} | ${m.startedAt} | ${m.finishedAt} | ${escapeCell(m.message)} |`,
      );
  lines.push('', '</details>', '');
  return lines.join('\n');
}

/**
 * A Mermaid xychart of canary (red, first line) against baseline (blue, second line) per measurement;
 * undefined when the check has no canary values. Points without a value repeat the previous one.
 */
export function renderChart(check: CheckResult): string | undefined {
  const points = check.measurements.filter((m) => m.canary !== undefined);
  if (points.length === 0) return undefined;
  const canary = fill(points.map((m) => m.canary));
  const hasBaseline = points.some((m) => m.baseline !== undefined);
  const baseline = hasBaseline ? fill(points.map((m) => m.baseline)) : undefined;
  const all = [...canary, ...(baseline ?? [])];
  const max = Math.max(...all);
  const min = Math.min(0, ...all);
  const top = max === min ? min + 1 : max * 1.1;
  return [
    '```mermaid',
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d62728, #1f77b4"}}}}%%',
    'xychart-beta',
    `  title "${check.name}: canary (red)${baseline ? ' vs baseline (blue)' : ''}"`,
    `  x-axis [${points.map((m) => `"${m.index}"`).join(', ')}]`,
    `  y-axis "${check.name}" ${mermaidNum(min)} --> ${mermaidNum(top)}`,
    `  line [${canary.map(mermaidNum).join(', ')}]`,
    ...(baseline ? [`  line [${baseline.map(mermaidNum).join(', ')}]`] : []),
    '```',
  ].join('\n');
}

function fill(values: (number | undefined)[]): number[] {
  let previous = 0;
  return values.map((v) => {
    if (v !== undefined) previous = v;
    return previous;
  });
}

function mermaidNum(n: number): string {
  return String(Number(n.toPrecision(6)));
}

function num(n: number | undefined): string {
  return n === undefined ? '—' : fmt(n);
}

// The doctor's checklist: each check says pass / warn / fail with what it saw and the fix; `skip` marks a check
// that does not apply to this rollout (e.g. Kubernetes under the local deployer) and never changes the verdict.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type CheckGroup = 'temporal' | 'prometheus' | 'kubernetes' | 'repository';

export interface CheckResult {
  /** Stable id, e.g. `temporal.search-attributes`; the README's readiness table points at these. */
  id: string;
  group: CheckGroup;
  title: string;
  status: CheckStatus;
  /** What the check saw. */
  seen: string;
  /** What to do about it; absent on pass and skip. */
  fix?: string;
  durationMs: number;
}

/** What a check function returns; the runner adds id, group, title and the time taken. */
export interface CheckOutcome {
  status: CheckStatus;
  seen: string;
  fix?: string;
}

export type Overall = 'pass' | 'warn' | 'fail';

export interface DoctorReport {
  status: Overall;
  counts: Record<CheckStatus, number>;
  checks: CheckResult[];
  startedAt: string;
  durationMs: number;
}

export const pass = (seen: string): CheckOutcome => ({ status: 'pass', seen });
export const warn = (seen: string, fix: string): CheckOutcome => ({ status: 'warn', seen, fix });
export const fail = (seen: string, fix: string): CheckOutcome => ({ status: 'fail', seen, fix });
export const skip = (seen: string): CheckOutcome => ({ status: 'skip', seen });

export function overall(checks: readonly CheckResult[]): Overall {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

export function countStatuses(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) counts[check.status]++;
  return counts;
}

/** 0 every check passed (or was skipped), 1 any failed, 3 warnings only. */
export function exitCodeOf(status: Overall): 0 | 1 | 3 {
  return status === 'fail' ? 1 : status === 'warn' ? 3 : 0;
}

const MARK: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
const ICON: Record<CheckStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', skip: '➖' };

function tally(report: DoctorReport): string {
  const { pass: p, warn: w, fail: f, skip: s } = report.counts;
  return `${p} passed, ${w} warning(s), ${f} failed${s ? `, ${s} skipped` : ''}`;
}

/** The terminal checklist. */
export function renderText(report: DoctorReport): string {
  const lines: string[] = [];
  let group: CheckGroup | undefined;
  for (const check of report.checks) {
    if (check.group !== group) {
      group = check.group;
      lines.push(`${group}:`);
    }
    lines.push(`  ${MARK[check.status]} ${check.id}: ${check.title} — ${check.seen}`);
    if (check.fix) lines.push(`       fix: ${check.fix}`);
  }
  lines.push('', `doctor: ${report.status} (${tally(report)})`);
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** The job summary. */
export function renderMarkdown(report: DoctorReport): string {
  const lines = [
    `## temporal-rollout doctor: ${ICON[report.status]} ${report.status}`,
    '',
    tally(report),
    '',
    '| | check | what was seen | fix |',
    '|---|---|---|---|',
  ];
  for (const check of report.checks) {
    lines.push(
      `| ${ICON[check.status]} | \`${check.id}\` ${cell(check.title)} | ${cell(check.seen)} | ${cell(check.fix ?? '')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

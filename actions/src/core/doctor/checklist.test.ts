import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHistoryText } from '../replay/history.js';
import { alertNamesInTemplates, compareAlertRules, type LoadedAlertRule } from './alert-rules.js';
import {
  type CheckResult,
  countStatuses,
  type DoctorReport,
  exitCodeOf,
  overall,
  renderMarkdown,
  renderText,
} from './checklist.js';
import { registerCommand, searchAttributeProblems, searchAttributesIn } from './search-attributes.js';

const result = (id: string, status: CheckResult['status'], fix?: string): CheckResult => ({
  id,
  group: id.split('.')[0] as CheckResult['group'],
  title: `title of ${id}`,
  status,
  seen: `seen by ${id}`,
  ...(fix ? { fix } : {}),
  durationMs: 1,
});

function report(checks: CheckResult[]): DoctorReport {
  return { status: overall(checks), counts: countStatuses(checks), checks, startedAt: '', durationMs: 0 };
}

describe('doctor checklist', () => {
  it('fails on any fail, warns on warnings only, passes when skipped checks are all that is left', () => {
    expect(
      overall([
        result('temporal.a', 'pass'),
        result('temporal.b', 'warn', 'x'),
        result('temporal.c', 'fail', 'y'),
      ]),
    ).toBe('fail');
    expect(overall([result('temporal.a', 'pass'), result('temporal.b', 'warn', 'x')])).toBe('warn');
    expect(overall([result('temporal.a', 'pass'), result('kubernetes.b', 'skip')])).toBe('pass');
    expect([exitCodeOf('pass'), exitCodeOf('fail'), exitCodeOf('warn')]).toEqual([0, 1, 3]);
  });

  it('prints each check with what it saw and the fix, grouped, and a table for the job summary', () => {
    const r = report([result('temporal.a', 'pass'), result('prometheus.b', 'fail', 'load | the rules')]);
    const text = renderText(r);
    expect(text).toContain('temporal:\n  PASS temporal.a: title of temporal.a — seen by temporal.a');
    expect(text).toContain('prometheus:\n  FAIL prometheus.b');
    expect(text).toContain('fix: load | the rules');
    expect(text).toMatch(/doctor: fail \(1 passed, 0 warning\(s\), 1 failed\)$/);
    const markdown = renderMarkdown(r);
    expect(markdown).toContain('## temporal-rollout doctor: ❌ fail');
    expect(markdown).toContain(
      '| ❌ | `prometheus.b` title of prometheus.b | seen by prometheus.b | load \\| the rules |',
    );
  });
});

describe('search attributes the workflows use', () => {
  const happy = parseHistoryText(
    readFileSync('histories/OrderWorkflow/happy.json', 'utf8'),
    'histories/OrderWorkflow/happy.json',
  );

  it('are read from the upserts in a stored history with their types, without the server’s own', () => {
    const used = searchAttributesIn(happy.history, happy.source);
    expect(used.map((u) => [u.name, u.type]).sort()).toEqual([
      ['CustomerTier', 'Keyword'],
      ['OrderID', 'Keyword'],
    ]);
  });

  it('are missing or of the wrong type against what the namespace has registered', () => {
    const used = searchAttributesIn(happy.history, happy.source);
    expect(
      searchAttributeProblems(
        used,
        new Map([
          ['OrderID', 'Keyword'],
          ['CustomerTier', 'Keyword'],
        ]),
      ),
    ).toEqual([]);
    const problems = searchAttributeProblems(used, new Map([['OrderID', 'Text']]));
    expect(problems.map((p) => [p.name, p.expected, p.registered]).sort()).toEqual([
      ['CustomerTier', 'Keyword', undefined],
      ['OrderID', 'Keyword', 'Text'],
    ]);
    expect(
      registerCommand(
        'orders',
        problems.filter((p) => !p.registered),
      ),
    ).toBe('temporal operator search-attribute create --namespace orders --name CustomerTier --type Keyword');
  });
});

describe('runbook alert rules', () => {
  it('are the alert names of the chart’s PrometheusRule template', () => {
    const template = readFileSync('charts/order-worker/templates/prometheusrule.yaml', 'utf8');
    expect(alertNamesInTemplates([template])).toEqual([
      'OrderPaymentActivityRetries',
      'OrderTaskQueueBacklogHigh',
      'OrderWorkerPanics',
      'OrderWorkflowCancellationsHigh',
      'OrderWorkflowNonDeterminism',
      'OrderWorkflowTooSlow',
    ]);
  });

  it('are compared by name: missing ones, and firing ones among the loaded', () => {
    const rule = (name: string, state: string, firing = 0): LoadedAlertRule => ({
      name,
      state,
      firing,
      group: 'g',
      file: 'f',
    });
    const comparison = compareAlertRules(
      ['A', 'B', 'C'],
      [rule('A', 'inactive'), rule('B', 'firing', 2), rule('Other', 'firing', 1)],
    );
    expect(comparison.missing).toEqual(['C']);
    expect(comparison.loaded.map((r) => r.name)).toEqual(['A', 'B']);
    expect(comparison.firing.map((r) => r.name)).toEqual(['B']);
  });
});

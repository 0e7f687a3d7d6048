import { describe, expect, it } from 'vitest';
import type { MeasurementPhase } from './assess.js';
import { judge, type Measurement } from './judge.js';
import { failedSources, renderChart, renderMarkdown } from './report.js';
import type { CheckSpec } from './spec.js';

const limits = { count: 4, failureLimit: 1, inconclusiveLimit: 1, consecutiveErrorLimit: 2 };
const soft: CheckSpec = {
  name: 'rate',
  query: 'q{ {{selector}} }',
  rule: { type: 'threshold', max: 0.05 },
  failFast: false,
  samples: { query: 'n{ {{selector}} }', min: 10 },
};
const hard: CheckSpec = { ...soft, name: 'nde', failFast: true };
const unguarded: CheckSpec = {
  name: 'errors',
  query: 'e{ {{selector}} }',
  rule: { type: 'threshold', max: 0 },
  failFast: true,
};

function series(phases: MeasurementPhase[], canary = 0.01): Measurement[] {
  return phases.map((phase, i) => ({
    index: i + 1,
    phase,
    message: `m${i + 1} ${phase}`,
    canary: canary * (i + 1),
    baseline: 0.01,
    startedAt: `2026-11-25T15:00:0${i}.000Z`,
    finishedAt: `2026-11-25T15:00:0${i}.100Z`,
  }));
}

const run = (checks: CheckSpec[], phases: Record<string, MeasurementPhase[]>) => {
  const ticks = Math.max(...Object.values(phases).map((p) => p.length));
  return judge(limits, checks, new Map(Object.entries(phases).map(([k, p]) => [k, series(p)])), ticks);
};

describe('judge', () => {
  it('passes only after all ticks with every check successful', () => {
    expect(run([soft], { rate: ['Successful', 'Successful', 'Successful'] })).toMatchObject({ done: false });
    const done = run([soft], { rate: ['Successful', 'Failed', 'Inconclusive', 'Successful'] });
    expect(done).toMatchObject({ done: true, verdict: 'pass' });
    expect(done.checks[0]).toMatchObject({
      phase: 'Successful',
      counts: { successful: 2, failed: 1, inconclusive: 1, error: 0 },
    });
  });

  it('fails when failures exceed failureLimit, ending early', () => {
    const j = run([soft], { rate: ['Failed', 'Successful', 'Failed'] });
    expect(j).toMatchObject({ done: true, verdict: 'fail' });
    expect(j.reasons).toEqual(['rate: 2 failed measurements (limit 1): m3 Failed']);
  });

  it('fails at once on a fail-fast check', () => {
    const j = run([hard, soft], { nde: ['Failed'], rate: ['Successful'] });
    expect(j).toMatchObject({ done: true, verdict: 'fail' });
    expect(j.reasons[0]).toBe('nde: hard failure (fail-fast): m1 Failed');
  });

  it('is inconclusive past the inconclusive limit, and failure beats inconclusive', () => {
    expect(run([soft], { rate: ['Inconclusive', 'Inconclusive'] })).toMatchObject({
      done: true,
      verdict: 'inconclusive',
    });
    expect(
      run([hard, soft], { nde: ['Successful', 'Failed'], rate: ['Inconclusive', 'Inconclusive'] }).verdict,
    ).toBe('fail');
  });

  it('is inconclusive after more consecutive errors than allowed; errors between successes reset the run', () => {
    expect(run([soft], { rate: ['Error', 'Successful', 'Error', 'Error'] }).verdict).toBe('pass');
    const j = run([soft], { rate: ['Successful', 'Error', 'Error', 'Error'] });
    expect(j).toMatchObject({ done: true, verdict: 'inconclusive' });
    expect(j.checks[0]?.phase).toBe('Error');
    expect(j.reasons[0]).toMatch(/3 errors in a row \(limit 2\)/);
  });

  it('never passes a check without a successful measurement', () => {
    const j = judge(
      { ...limits, count: 2 },
      [soft],
      new Map([['rate', series(['Inconclusive', 'Error'])]]),
      2,
    );
    expect(j).toMatchObject({ done: true, verdict: 'inconclusive' });
    expect(j.reasons[0]).toMatch(/no successful measurement in 2 ticks/);
  });
});

describe('judge: traffic guards', () => {
  it('never passes when no check has a traffic guard, though such checks still fail the canary', () => {
    const all = ['Successful', 'Successful', 'Successful', 'Successful'] as MeasurementPhase[];
    const j = run([unguarded, { ...soft, name: 'zero', samples: { query: 'n', min: 0 } }], {
      errors: all,
      zero: all,
    });
    expect(j).toMatchObject({ done: true, verdict: 'inconclusive' });
    expect(j.reasons[0]).toMatch(
      /no check measured the canary's traffic \(errors, zero have no traffic guard\)/,
    );
    expect(run([unguarded, soft], { errors: all, rate: all })).toMatchObject({ verdict: 'pass' });
    expect(run([unguarded], { errors: ['Successful', 'Failed'] })).toMatchObject({ verdict: 'fail' });
  });

  it("keeps each check's source, Prometheus unless said otherwise", () => {
    const j = judge(
      limits,
      [soft, { name: 'workflow-task-failures', failFast: true, source: 'temporal' }],
      new Map([
        ['rate', series(['Successful'])],
        ['workflow-task-failures', series(['Failed'])],
      ]),
      1,
    );
    expect(j.checks.map((c) => [c.name, c.source, c.phase])).toEqual([
      ['rate', 'prometheus', 'Running'],
      ['workflow-task-failures', 'temporal', 'Failed'],
    ]);
    expect(failedSources(j.checks)).toEqual(['temporal']);
  });
});

describe('report', () => {
  const j = run([hard, soft], { nde: ['Successful', 'Failed'], rate: ['Successful', 'Successful'] });
  const report = {
    verdict: j.verdict!,
    reasons: j.reasons,
    startedAt: '2026-11-25T15:00:00.000Z',
    finishedAt: '2026-11-25T15:00:02.000Z',
    ticks: 2,
    endedEarly: true,
    settings: { ...limits, intervalMs: 10_000, initialDelayMs: 0, windowMs: 30_000 },
    selectors: { canary: 'task_queue="q-v2"', baseline: 'task_queue="q-v1"' },
    failedSources: failedSources(j.checks),
    checks: j.checks,
  };

  it('renders the verdict, a row per check and every measurement', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## Canary analysis: ❌ fail');
    expect(md).toContain('- nde: hard failure (fail-fast): m2 Failed');
    expect(md).toContain('Failed by: Prometheus.');
    expect(md).toContain(
      '| nde (fail-fast) | Prometheus | ❌ Failed | 1 | 1 | 0 | 0 | 0.02 | 0.01 | m2 Failed |',
    );
    expect(md.match(/^\| (nde|rate) \| \d \|/gm)).toHaveLength(4);
    expect(md).toContain('2 of 4 measurements every 10s (ended early)');
  });

  it('charts canary against baseline as a Mermaid xychart', () => {
    expect(renderChart(report.checks[0]!)).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#d62728, #1f77b4"}}}}%%',
        'xychart-beta',
        '  title "nde: canary (red) vs baseline (blue)"',
        '  x-axis ["1", "2"]',
        '  y-axis "nde" 0 --> 0.022',
        '  line [0.01, 0.02]',
        '  line [0.01, 0.01]',
        '```',
      ].join('\n'),
    );
    expect(renderChart({ ...report.checks[0]!, measurements: [] })).toBeUndefined();
  });
});

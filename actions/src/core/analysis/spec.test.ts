import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { BUILTIN_NAMES } from './builtins.js';
import { parseAnalysisSpec } from './spec.js';

const P = 'rollout.yaml: analysis';

const guarded = {
  name: 'x',
  query: 'sum(rate(errors_total{ {{selector}} }[{{window}}]))',
  rule: { type: 'threshold', max: 1 },
  samplesQuery: 'sum(increase(requests_total{ {{selector}} }[{{window}}]))',
};

describe('parseAnalysisSpec', () => {
  it('gives the defaults and the default built-in checks for a missing section', () => {
    const spec = parseAnalysisSpec(undefined, P);
    expect(spec).toMatchObject({
      intervalMs: 10_000,
      count: 6,
      windowMs: 60_000,
      failureLimit: 1,
      inconclusiveLimit: 2,
      consecutiveErrorLimit: 4,
      selector: { label: 'task_queue', labelDefaulted: true },
    });
    expect(spec.checks.map((c) => c.name)).toEqual([
      'non-determinism',
      'activity-failure-rate',
      'activity-latency-p95',
      'schedule-to-start',
    ]);
    const all = parseAnalysisSpec({ builtins: { 'workflow-failure-rate': true } }, P);
    expect(all.checks.map((c) => c.name)).toEqual([...BUILTIN_NAMES]);
    expect(spec.checks.find((c) => c.name === 'non-determinism')).toMatchObject({
      failFast: true,
      rule: { type: 'threshold', max: 0 },
    });
  });

  it('reads durations, duration→count, selector, built-in overrides and custom checks', () => {
    const spec = parseAnalysisSpec(
      {
        interval: '5s',
        duration: '1m',
        window: '20s',
        minSamples: 4,
        selector: { label: 'role', canary: 'canary', baseline: 'stable', matchers: 'namespace="orders"' },
        builtins: {
          'non-determinism': false,
          'activity-failure-rate': { rule: { type: 'ratio', maxRatio: 2, allowance: 0.01 }, minSamples: 30 },
        },
        checks: [
          {
            name: 'payments-p99',
            query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket{ {{selector}} }[{{window}}])))',
            rule: { type: 'mann-whitney', confidence: 0.99, lookback: '90s', step: '3s' },
            samplesQuery: 'sum(x_count{ {{selector}} })',
          },
        ],
      },
      P,
    );
    expect(spec.intervalMs).toBe(5000);
    expect(spec.count).toBe(12);
    expect(spec.windowMs).toBe(20_000);
    expect(spec.selector).toEqual({
      label: 'role',
      canary: 'canary',
      baseline: 'stable',
      matchers: 'namespace="orders"',
    });
    const names = spec.checks.map((c) => c.name);
    expect(names).not.toContain('non-determinism');
    expect(names).not.toContain('workflow-failure-rate');
    expect(names).toContain('payments-p99');
    const afr = spec.checks.find((c) => c.name === 'activity-failure-rate');
    expect(afr?.rule).toEqual({ type: 'ratio', maxRatio: 2, allowance: 0.01 });
    expect(afr?.samples?.min).toBe(30);
    expect(spec.checks.find((c) => c.name === 'schedule-to-start')?.samples?.min).toBe(4);
    const custom = spec.checks.find((c) => c.name === 'payments-p99');
    expect(custom?.rule).toEqual({
      type: 'mann-whitney',
      confidence: 0.99,
      direction: 'increase',
      tolerance: 0.1,
      lookbackMs: 90_000,
      stepMs: 3_000,
      minSamples: 8,
    });
    expect(custom?.samples).toEqual({ query: 'sum(x_count{ {{selector}} })', min: 4 });
  });

  it('accepts a list of built-in names', () => {
    const spec = parseAnalysisSpec({ builtins: ['non-determinism'] }, P);
    expect(spec.checks.map((c) => c.name)).toEqual(['non-determinism']);
  });

  it('reads the deadline, query timeout and retries, and the Temporal check settings', () => {
    const defaults = parseAnalysisSpec({ initialDelay: '30s', interval: '10s', count: 6 }, P);
    expect(defaults).toMatchObject({
      deadlineMs: 30_000 + 60_000 + 60_000,
      queryTimeoutMs: 10_000,
      queryRetries: 2,
      temporal: { enabled: true, intervalMs: 2_000, maxRuns: 200 },
    });
    const set = parseAnalysisSpec(
      {
        deadline: '2m',
        queryTimeout: '1500ms',
        queryRetries: 0,
        temporal: { interval: '1s', runs: 'TaskQueue="q"', maxRuns: 50 },
      },
      P,
    );
    expect(set).toMatchObject({
      deadlineMs: 120_000,
      queryTimeoutMs: 1_500,
      queryRetries: 0,
      temporal: { enabled: true, intervalMs: 1_000, runs: 'TaskQueue="q"', maxRuns: 50 },
    });
    expect(parseAnalysisSpec({ temporal: false }, P).temporal.enabled).toBe(false);
  });

  it('takes a custom check with samplesQuery, or with minSamples: 0 as an explicit "no guard"', () => {
    const spec = parseAnalysisSpec(
      { checks: [guarded, { ...guarded, name: 'y', samplesQuery: undefined, minSamples: 0 }] },
      P,
    );
    expect(spec.checks.find((c) => c.name === 'x')?.samples).toEqual({
      query: guarded.samplesQuery,
      min: 10,
    });
    expect(spec.checks.find((c) => c.name === 'y')?.samples).toBeUndefined();
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown field', { intervall: '5s' }, /analysis\.intervall: is not a known field/],
    ['bad duration', { interval: 'soon' }, /analysis\.interval: "soon" is not a duration/],
    ['sub-second interval', { interval: '500ms' }, /at least 1s/],
    ['count and duration', { count: 3, duration: '1m' }, /both `count` and `duration`/],
    ['negative limit', { failureLimit: -1 }, /failureLimit: must be a whole number/],
    ['unknown builtin', { builtins: ['cpu'] }, /builtins\[0\]: unknown built-in check "cpu"/],
    [
      'query without selector',
      { checks: [{ name: 'x', query: 'up', rule: { type: 'threshold', max: 1 } }] },
      /does not use \{\{selector\}\}/,
    ],
    [
      'unknown rule',
      { checks: [{ name: 'x', query: 'up{ {{selector}} }', rule: { type: 'magic' } }] },
      /unknown rule type "magic"/,
    ],
    [
      'empty threshold',
      { checks: [{ name: 'x', query: 'up{ {{selector}} }', rule: { type: 'threshold' } }] },
      /needs `min`, `max`/,
    ],
    [
      'bad confidence',
      {
        checks: [{ name: 'x', query: 'up{ {{selector}} }', rule: { type: 'mann-whitney', confidence: 95 } }],
      },
      /confidence: must lie between 0 and 1/,
    ],
    [
      'duplicate name',
      {
        checks: [
          {
            name: 'non-determinism',
            query: 'up{ {{selector}} }',
            rule: { type: 'threshold', max: 1 },
            minSamples: 0,
          },
        ],
      },
      /two checks are named "non-determinism"/,
    ],
    ['no checks', { builtins: [] }, /has no checks/],
    // Issue 16 A1: `samples` was accepted (even "garbage") and never read.
    [
      'samples instead of samplesQuery',
      { checks: [{ ...guarded, samples: 'garbage' }] },
      /checks\[0\]\.samples: is not a field: the traffic guard is `samplesQuery`/,
    ],
    [
      'samples as a mapping',
      { checks: [{ ...guarded, samplesQuery: undefined, samples: { query: 'n{ {{selector}} }', min: 20 } }] },
      /checks\[0\]\.samples: is not a field/,
    ],
    // A2: a samplesQuery without {{selector}} counted the whole fleet.
    [
      'samplesQuery without selector',
      { checks: [{ ...guarded, samplesQuery: 'sum(requests_total)' }] },
      /checks\[0\]\.samplesQuery: does not use \{\{selector\}\}, so it would count the whole fleet/,
    ],
    // A3: a custom check without samplesQuery had no traffic guard at all.
    [
      'custom check without a traffic guard',
      { checks: [{ ...guarded, samplesQuery: undefined }] },
      /checks\[0\]: check "x" has no traffic guard.*set minSamples: 0 to accept no guard/,
    ],
    ['analysis-wide minSamples 0', { minSamples: 0 }, /minSamples: must be a whole number ≥ 1/],
    [
      'minSamples on the non-determinism check',
      { builtins: { 'non-determinism': { minSamples: 3 } } },
      /non-determinism\.minSamples: does not apply/,
    ],
    ['deadline not a duration', { deadline: 'later' }, /analysis\.deadline: "later" is not a duration/],
    ['negative query retries', { queryRetries: -1 }, /queryRetries: must be a whole number ≥ 0/],
    ['tiny query timeout', { queryTimeout: '10ms' }, /queryTimeout: must be at least 100ms/],
    ['temporal check field', { temporal: { intervall: '1s' } }, /temporal\.intervall: is not a known field/],
    ['temporal empty runs', { temporal: { runs: ' ' } }, /temporal\.runs: is empty/],
    ['bad label', { selector: { label: 'task-queue' } }, /not a Prometheus label name/],
  ];
  it.each(bad)('rejects %s with an InputError naming the field', (_what, raw, message) => {
    const attempt = () => parseAnalysisSpec(raw, P);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});

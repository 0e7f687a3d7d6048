import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { BUILTIN_NAMES } from './builtins.js';
import { parseAnalysisSpec } from './spec.js';

const P = 'rollout.yaml: analysis';

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
      selector: { label: 'task_queue' },
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
          { name: 'non-determinism', query: 'up{ {{selector}} }', rule: { type: 'threshold', max: 1 } },
        ],
      },
      /two checks are named "non-determinism"/,
    ],
    ['no checks', { builtins: [] }, /has no checks/],
    ['bad label', { selector: { label: 'task-queue' } }, /not a Prometheus label name/],
  ];
  it.each(bad)('rejects %s with an InputError naming the field', (_what, raw, message) => {
    const attempt = () => parseAnalysisSpec(raw, P);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });
});

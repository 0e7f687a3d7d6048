import { describe, expect, it } from 'vitest';
import { builtinChecks } from './builtins.js';
import { renderQuery, sideMatchers } from './template.js';

describe('query templates', () => {
  it('selects each side by its label value, with extra matchers', () => {
    const selector = {
      label: 'task_queue',
      canary: 'q-v2',
      baseline: 'q-v1',
      matchers: 'namespace="default"',
    };
    expect(sideMatchers(selector, 'canary')).toBe('task_queue="q-v2", namespace="default"');
    expect(sideMatchers(selector, 'baseline')).toBe('task_queue="q-v1", namespace="default"');
  });

  it('matches any of comma-separated values with an escaped regex', () => {
    const selector = { label: 'task_queue', canary: 'order-task-queue-v2, payment.v2', baseline: 'x' };
    expect(sideMatchers(selector, 'canary')).toBe('task_queue=~"order-task-queue-v2|payment\\\\.v2"');
  });

  it('escapes quotes in label values', () => {
    expect(sideMatchers({ label: 'role', canary: 'a"b' }, 'canary')).toBe('role="a\\"b"');
  });

  it('fills {{selector}} and {{window}} in the built-in queries', () => {
    const nde = builtinChecks(10)['non-determinism'];
    expect(renderQuery(nde.query, 'task_queue="q-v2"', 30_000)).toBe(
      'sum(temporal_workflow_task_execution_failed{ task_queue="q-v2", failure_reason="NonDeterminismError" }) or vector(0)',
    );
    const rate = builtinChecks(10)['activity-failure-rate'];
    expect(renderQuery(rate.query, 'task_queue="q"', 90_000)).toBe(
      '(sum(increase(temporal_activity_execution_failed{ task_queue="q" }[90s])) or vector(0)) / sum(increase(temporal_activity_execution_latency_count{ task_queue="q" }[90s]))',
    );
  });
});

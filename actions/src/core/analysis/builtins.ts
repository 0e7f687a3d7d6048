import type { CheckSpec } from './spec.js';

/**
 * Built-in checks over the Temporal SDK's own metrics (Core, prefix `temporal_`: counters have no `_total`,
 * histograms are `_bucket/_sum/_count` in milliseconds; every worker metric carries `task_queue`).
 */
export const BUILTIN_NAMES = [
  'non-determinism',
  'activity-failure-rate',
  'workflow-failure-rate',
  'activity-latency-p95',
  'schedule-to-start',
] as const;
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

/**
 * On unless turned off. `workflow-failure-rate` is opt-in: it needs runs that *finish* inside the window, and most
 * Temporal workflows outlive a canary window, which would leave every analysis inconclusive.
 */
export const DEFAULT_BUILTINS: readonly BuiltinName[] = [
  'non-determinism',
  'activity-failure-rate',
  'activity-latency-p95',
  'schedule-to-start',
];

/** `sum(increase(m{selector}[window]))`, 0 when the series does not exist yet (no event so far). */
const increase = (metric: string, extra = '') =>
  `(sum(increase(${metric}{ {{selector}}${extra} }[{{window}}])) or vector(0))`;

export function builtinChecks(minSamples: number): Record<BuiltinName, CheckSpec> {
  return {
    // The counter itself, not its increase: a canary is new, so any non-determinism error it ever reported
    // is one too many, and increase() would miss a series that appears already at its final value.
    'non-determinism': {
      name: 'non-determinism',
      query:
        'sum(temporal_workflow_task_execution_failed{ {{selector}}, failure_reason="NonDeterminismError" }) or vector(0)',
      rule: { type: 'threshold', max: 0 },
      failFast: true,
      unit: 'count',
    },
    'activity-failure-rate': {
      name: 'activity-failure-rate',
      query: `${increase('temporal_activity_execution_failed')} / sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))`,
      rule: { type: 'threshold', max: 0.05 },
      failFast: false,
      samples: {
        query: 'sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))',
        min: minSamples,
      },
      unit: 'ratio',
    },
    'workflow-failure-rate': {
      name: 'workflow-failure-rate',
      query: `${increase('temporal_workflow_failed')} / (${increase('temporal_workflow_completed')} + ${increase('temporal_workflow_failed')})`,
      rule: { type: 'threshold', max: 0.05 },
      failFast: false,
      samples: {
        query: `${increase('temporal_workflow_completed')} + ${increase('temporal_workflow_failed')}`,
        min: minSamples,
      },
      unit: 'ratio',
    },
    'activity-latency-p95': {
      name: 'activity-latency-p95',
      query:
        'histogram_quantile(0.95, sum by (le) (rate(temporal_activity_execution_latency_bucket{ {{selector}} }[{{window}}])))',
      rule: {
        type: 'mann-whitney',
        confidence: 0.95,
        direction: 'increase',
        tolerance: 0.25,
        lookbackMs: 60_000,
        stepMs: 5_000,
        minSamples: 4,
      },
      failFast: false,
      samples: {
        query: 'sum(increase(temporal_activity_execution_latency_count{ {{selector}} }[{{window}}]))',
        min: minSamples,
      },
      unit: 'ms',
    },
    // Backlog: how long workflow tasks wait for a poller on the canary's queue, against the baseline's (a busy
    // cluster slows both; only a canary-specific backlog should fail it).
    // The mean, not a quantile: Core's buckets here are coarse (100, 500, 1000, 5000 ms…), so an interpolated
    // p95 jumps between them under load and trips the rule on a healthy canary.
    'schedule-to-start': {
      name: 'schedule-to-start',
      query:
        'sum(rate(temporal_workflow_task_schedule_to_start_latency_sum{ {{selector}} }[{{window}}])) / sum(rate(temporal_workflow_task_schedule_to_start_latency_count{ {{selector}} }[{{window}}]))',
      rule: { type: 'ratio', maxRatio: 2, allowance: 1_000 },
      failFast: false,
      samples: {
        query:
          'sum(increase(temporal_workflow_task_schedule_to_start_latency_count{ {{selector}} }[{{window}}]))',
        min: minSamples,
      },
      unit: 'ms',
    },
  };
}

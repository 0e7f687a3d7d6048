import { describe, expect, it } from 'vitest';
import { formatStatus } from '../cli/status.js';
import type { RolloutStatus } from '../controller/api.js';
import { renderReleaseSummary } from './release-summary.js';

const status = (release: RolloutStatus['release']): RolloutStatus => ({
  app: 'order-worker',
  workflowId: 'rollout/order-worker',
  phase: 'analyzing',
  ...(release ? { release } : {}),
  stable: '1.0.0',
  canary: { version: '1.1.0', weight: 25 },
  analyses: [],
  outcomes: [],
  history: [],
  continuedAsNew: 0,
  historyLength: 42,
});

const rule =
  'replay verdict same-queue: every open run replays on 1.1.0, so it takes over order-task-queue-v1 (no drain)';
const placed = status({
  version: '1.1.0',
  image: 'local',
  replayDeploy: 'same-queue',
  queue: { orderQueue: 'order-task-queue-v1', paymentQueue: 'payment-task-queue-v1', rule },
});

describe('the rule that chose the queue, where a person reads the rollout', () => {
  it('the job summary has a task queue row for its release, with the rule', () => {
    const summary = renderReleaseSummary({
      version: '1.1.0',
      status: placed,
      outcome: undefined,
      message: 'following',
      replay: 'same-queue',
      deployments: [],
    });
    expect(summary).toContain('Replay gate: `same-queue`.');
    expect(summary).toContain(
      `| task queue | order-task-queue-v1, payment-task-queue-v1 — ${rule.replaceAll('|', '\\|')} |`,
    );
    // Another release's queue is not this job's.
    const other = renderReleaseSummary({
      version: '1.2.0',
      status: placed,
      outcome: undefined,
      message: 'queued',
      deployments: [],
    });
    expect(other).not.toContain('| task queue |');
  });

  it('temporal-rollout status prints it under the release', () => {
    expect(formatStatus(placed).split('\n')).toContain(
      `  task queue: order-task-queue-v1, payment-task-queue-v1 — ${rule}`,
    );
    expect(formatStatus(status({ version: '1.1.0', image: 'local' }))).not.toMatch(/task queue:/);
  });

  it('the job summary and status say what an analysis compared, by which label and why', () => {
    const selectorRule =
      'canary and stable both poll order-task-queue-v1,payment-task-queue-v1, so they are compared by their build id (temporal_rollout_build_id 1.1.0 against 1.0.0) on those queues';
    const analysed: RolloutStatus = {
      ...placed,
      analyses: [
        {
          version: '1.1.0',
          step: 1,
          weight: 25,
          selectors: {
            label: 'temporal_rollout_build_id',
            canary: '1.1.0',
            baseline: '1.0.0',
            matchers: 'task_queue=~"order-task-queue-v1|payment-task-queue-v1"',
            rule: selectorRule,
          },
          verdict: 'pass',
          reasons: ['every check passed'],
          ticks: 3,
          count: 3,
          checks: [],
          startedAt: '2026-12-01T02:00:00.000Z',
        },
      ],
    };
    const summary = renderReleaseSummary({
      version: '1.1.0',
      status: analysed,
      outcome: undefined,
      message: 'following',
      deployments: [],
    });
    expect(summary).toContain(
      '1.1.0: canary `1.1.0` against baseline `1.0.0` by `temporal_rollout_build_id`, 3 of 3 measurements.',
    );
    expect(summary).toContain(`Selector: ${selectorRule}.`);
    expect(formatStatus(analysed).split('\n')).toContain(
      `    canary 1.1.0 against baseline 1.0.0 by temporal_rollout_build_id — ${selectorRule}`,
    );
  });
});

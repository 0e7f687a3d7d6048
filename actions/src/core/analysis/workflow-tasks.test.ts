import { describe, expect, it } from 'vitest';
import { parseAnalysisSpec } from './spec.js';
import { assessWorkflowTasks, canaryRunsQuery } from './workflow-tasks.js';

const nde = {
  kind: 'failed' as const,
  cause: 'NON_DETERMINISTIC_ERROR',
  message: '[TMPRL1100] Nondeterminism error: Timer machine does not handle this event',
};

describe('assessWorkflowTasks', () => {
  it('fails on a canary run whose workflow task failed and is retried, naming run, cause and attempt', () => {
    const a = assessWorkflowTasks({
      runsChecked: 12,
      retried: [{ workflowId: 'order-1', runId: 'r1', workflowType: 'OrderWorkflow', attempt: 3, last: nde }],
    });
    expect(a).toMatchObject({ phase: 'Failed', canary: 1, canarySamples: 12 });
    expect(a.message).toBe(
      'Temporal: 1 canary run with a failing workflow task: order-1 (OrderWorkflow, attempt 3, NON_DETERMINISTIC_ERROR: [TMPRL1100] Nondeterminism error: Timer machine does not handle this event)',
    );
  });

  it('shows three runs and counts the rest', () => {
    const retried = Array.from({ length: 5 }, (_, i) => ({
      workflowId: `o-${i}`,
      runId: `r${i}`,
      attempt: 2,
      last: { ...nde, message: 'line one\n   line two' },
    }));
    const a = assessWorkflowTasks({ runsChecked: 5, retried });
    expect(a.message).toMatch(
      /^Temporal: 5 canary runs with a failing workflow task: o-0 .*line one line two\).*; o-2 .* and 2 more$/,
    );
  });

  it('passes runs whose task only timed out (a worker stopped mid-task), and says so', () => {
    const a = assessWorkflowTasks({
      runsChecked: 2,
      retried: [{ workflowId: 'o', runId: 'r', attempt: 2, last: { kind: 'timed-out' } }],
    });
    expect(a).toMatchObject({ phase: 'Successful', canary: 0 });
    expect(a.message).toBe(
      'Temporal: no failing workflow task in 2 open canary runs; 1 with a workflow task retried after a timeout (not a code failure)',
    );
    expect(assessWorkflowTasks({ runsChecked: 0, retried: [] }).message).toBe(
      'Temporal: no failing workflow task in 0 open canary runs',
    );
  });
});

describe('canaryRunsQuery', () => {
  const spec = parseAnalysisSpec(undefined, 'analysis');
  it("finds the canary's runs by its task queues", () => {
    expect(canaryRunsQuery(spec.temporal, { label: 'task_queue', canary: 'orders-v2' })).toBe(
      'TaskQueue="orders-v2" AND ExecutionStatus="Running"',
    );
    expect(canaryRunsQuery(spec.temporal, { label: 'task_queue', canary: 'orders-v2, payments-v2' })).toBe(
      'TaskQueue IN ("orders-v2", "payments-v2") AND ExecutionStatus="Running"',
    );
  });

  it('takes a configured query, and has none for another selector label', () => {
    expect(
      canaryRunsQuery({ ...spec.temporal, runs: 'BuildIds="b2" OR TaskQueue="q"' }, { label: 'instance' }),
    ).toBe('(BuildIds="b2" OR TaskQueue="q") AND ExecutionStatus="Running"');
    expect(canaryRunsQuery(spec.temporal, { label: 'instance', canary: '10.0.0.1:9464' })).toBeUndefined();
  });
});

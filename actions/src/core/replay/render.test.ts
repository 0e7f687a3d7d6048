import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderText } from './render.js';
import { compatibilityVerdict, type HistoryOutcome, type ReplayReport, totals } from './verdict.js';

function report(
  outcomes: HistoryOutcome[],
  patches: ReplayReport['patches'] = [],
  skipped: ReplayReport['skipped'] = [],
): ReplayReport {
  const compatibility = compatibilityVerdict(outcomes);
  return {
    sdk: { package: '@temporalio/worker', version: '1.24.0', path: '/node_modules/@temporalio/worker' },
    workflows: { workflowsPath: 'worker/src/workflows/index.ts' },
    startedAt: '2026-11-30T12:00:00.000Z',
    durationMs: 1200,
    totals: totals(outcomes),
    outcomes,
    servedQueues: skipped.length > 0 ? ['order-task-queue', 'order-task-queue-v{major}'] : null,
    skipped,
    patches,
    compatibility,
    passed: outcomes.every((o) => o.failure === null),
  };
}

const replayed = (source: string, status: HistoryOutcome['status']): HistoryOutcome => ({
  source,
  origin: 'file',
  workflowType: 'OrderWorkflow',
  status,
  eventCount: 12,
  failure: null,
});

describe('renderMarkdown (the replay job summary and pull-request comment)', () => {
  it('says the verdict, the counts, the advice and a row per history', () => {
    const markdown = renderMarkdown(
      report([replayed('histories/a.json', 'open'), replayed('histories/b.json', 'completed')]),
    );
    expect(markdown.split('\n').slice(0, 5)).toEqual([
      '### ✅ replay passed: 2/2 histories (@temporalio/worker 1.24.0)',
      '',
      'Open runs 1/1 · completed 1/1',
      '',
      '**Compatibility:** the same task queue is safe.',
    ]);
    expect(markdown).toContain(
      '| History | Workflow type | Status | Result | First diverging event | SDK message |\n| --- | --- | --- | --- | --- | --- |\n| histories/a.json | OrderWorkflow | open | ✅ replayed |  |  |',
    );
    expect(markdown).not.toContain('Patch audit');
  });

  it('keeps a failure in its table cell and audits the patches', () => {
    const failed: HistoryOutcome = {
      ...replayed('histories/open.json', 'open'),
      failure: {
        kind: 'nondeterminism',
        errorName: 'DeterminismViolationError',
        message: 'x',
        detail: 'Nondeterminism error: | pipes\nand a second line',
        divergingEvent: { id: 5, type: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' },
      },
    };
    const markdown = renderMarkdown(
      report(
        [failed],
        [
          {
            id: 'add-fraud-check',
            inCode: 'patched',
            openWithMarker: [],
            openWithoutMarker: ['histories/open.json'],
            openNotYetAtPatch: [],
            closedWithMarker: 0,
            advice: 'keep-old-branch',
            explanation: 'keep the old branch',
          },
        ],
      ),
    );
    expect(markdown).toMatch(/^### ❌ replay failed: 0\/1 histories/);
    expect(markdown).toContain('**Compatibility:** a new per-version task queue and a drain are required.');
    expect(markdown).toContain('- 1 open run(s) do not replay: histories/open.json');
    expect(markdown).toContain(
      '| histories/open.json | OrderWorkflow | open | ❌ nondeterminism | 5 ACTIVITY_TASK_SCHEDULED | Nondeterminism error: \\| pipes and a second line |',
    );
    expect(markdown).toContain(
      '#### Patch audit\n\n| Patch | In code | Open runs with marker | Open runs without | Advice |\n| --- | --- | --- | --- | --- |\n| add-fraud-check | patched | 0 | 1 | keep the old branch |',
    );
  });

  it('says which live runs it skipped and why: types this code does not export, on queues this worker does not serve', () => {
    const foreign = (id: string, workflowType: string, taskQueue: string) => ({
      source: `live:${id}/r`,
      workflowType,
      runId: 'r',
      status: 'open' as const,
      taskQueue,
      reason: `task queue "${taskQueue}" is not one this worker serves (order-task-queue, order-task-queue-v{major})`,
    });
    const skipped = [
      foreign('rollout/order-worker', 'rolloutWorkflow', 'temporal-rollout'),
      foreign('rollout/billing', 'rolloutWorkflow', 'temporal-rollout'),
      foreign('invoice-7', 'InvoiceWorkflow', 'billing'),
    ];
    const r = report([replayed('histories/a.json', 'open')], [], skipped);
    const line =
      "kipped 3 live run(s) of workflow types this code does not export, on task queues this worker does not serve (order-task-queue, order-task-queue-v{major}), so another worker's: rolloutWorkflow ×2 on temporal-rollout, InvoiceWorkflow on billing";
    expect(renderMarkdown(r)).toContain(`\n\nS${line}.\n\n**Compatibility:** the same task queue is safe.`);
    expect(renderText(r)).toContain(`  s${line}\n`);
    expect(renderMarkdown(report([replayed('histories/a.json', 'open')]))).not.toContain('kipped');
  });

  it('says why a live run of a missing type on a served queue fails, in its row and its FAIL line', () => {
    const detail =
      'workflow type "LegacyOrderWorkflow" has 1 open run(s) on task queue "order-task-queue", which this worker serves, and is no longer exported by src/workflows/index.ts: those runs cannot continue on the new code; keep the type or drain those runs first';
    const stranded: HistoryOutcome = {
      ...replayed('live:legacy-1/r', 'open'),
      origin: 'live',
      workflowType: 'LegacyOrderWorkflow',
      taskQueue: 'order-task-queue',
      failure: {
        kind: 'missing-workflow-type',
        errorName: 'ReferenceError',
        message: 'm',
        detail,
        divergingEvent: null,
      },
    };
    const r = report([stranded]);
    expect(renderText(r)).toContain(`  FAIL live:legacy-1/r (open): LegacyOrderWorkflow: ${detail}\n`);
    expect(renderMarkdown(r)).toContain(`| ❌ missing-workflow-type |  | ${detail} |`);
  });
});

import { describe, expect, it } from 'vitest';
import type { ReplayFailure } from './divergence.js';
import type { RunStatus } from './history.js';
import { ServedQueues } from './served-queues.js';
import {
  compatibilityVerdict,
  describeSkipped,
  gatePasses,
  type HistoryOutcome,
  skipForeignLiveRuns,
} from './verdict.js';

const failure = (kind: ReplayFailure['kind'] = 'nondeterminism'): ReplayFailure => ({
  kind,
  errorName: 'DeterminismViolationError',
  message: 'm',
  detail: 'd',
  divergingEvent: { id: 5, type: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' },
});
const outcome = (source: string, status: RunStatus, failed: ReplayFailure | null = null): HistoryOutcome => ({
  source,
  origin: 'file',
  workflowType: 'OrderWorkflow',
  status,
  eventCount: 10,
  failure: failed,
});

describe('compatibilityVerdict', () => {
  it('is same-queue when every history replays', () => {
    const v = compatibilityVerdict([outcome('a', 'open'), outcome('b', 'completed')]);
    expect(v).toMatchObject({ compatible: true, deploy: 'same-queue', drainRequired: false });
    expect(v.openRuns).toEqual({ total: 1, passed: 1, failed: 0 });
  });

  it('requires a new queue and a drain when an open run fails, naming it and the event', () => {
    const v = compatibilityVerdict([outcome('a.json', 'open', failure()), outcome('b', 'completed')]);
    expect(v).toMatchObject({ compatible: false, deploy: 'new-queue', drainRequired: true });
    expect(v.reasons[0]).toContain('a.json (OrderWorkflow, event 5 EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)');
  });

  it('keeps the same queue but warns when only completed histories fail and open runs pass', () => {
    const v = compatibilityVerdict([outcome('a', 'open'), outcome('b.json', 'completed', failure())]);
    expect(v.deploy).toBe('same-queue');
    expect(v.completedRuns.failed).toBe(1);
    expect(v.warnings[0]).toContain('b.json');
  });

  it('never says open runs are unaffected when an open run fails beside a completed one', () => {
    const v = compatibilityVerdict([
      outcome('open.json', 'open', failure()),
      outcome('done.json', 'completed', failure()),
    ]);
    expect(v.deploy).toBe('new-queue');
    expect([...v.reasons, ...v.warnings].join('\n')).not.toContain('unaffected');
    expect(v.reasons).toHaveLength(2);
    expect(v.reasons[1]).toContain('done.json');
    expect(v.warnings).toEqual([]);
  });

  it('lets completed histories stand in when no open run was replayed', () => {
    const v = compatibilityVerdict([outcome('b', 'completed', failure())]);
    expect(v.deploy).toBe('new-queue');
  });
});

describe('gatePasses', () => {
  it('fails on non-determinism always and on other errors unless allowed', () => {
    expect(gatePasses([outcome('a', 'open', failure())], true)).toBe(false);
    expect(gatePasses([outcome('a', 'open', failure('replay-error'))], false)).toBe(false);
    expect(gatePasses([outcome('a', 'open', failure('replay-error'))], true)).toBe(true);
    expect(gatePasses([outcome('a', 'open')], false)).toBe(true);
  });

  it.each(['invalid-history', 'timeout', 'crashed', 'missing-workflow-type'] as const)(
    'never passes a %s failure, even with allowReplayErrors',
    (kind) => {
      expect(gatePasses([outcome('a', 'completed', failure(kind))], true)).toBe(false);
    },
  );
});

describe('skipForeignLiveRuns (the live-run skip rule)', () => {
  const code = 'src/workflows/index.ts';
  const served = new ServedQueues([{ base: 'order-task-queue', template: '{base}-v{major}' }]);
  const missing = failure('missing-workflow-type');
  const live = (
    id: string,
    taskQueue: string | undefined,
    workflowType = 'LegacyOrderWorkflow',
    failed: ReplayFailure | null = missing,
    status: RunStatus = 'open',
  ): HistoryOutcome => ({
    ...outcome(`live:${id}/r1`, status, failed),
    origin: 'live',
    workflowType,
    runId: 'r1',
    ...(taskQueue === undefined ? {} : { taskQueue }),
  });

  it("skips a run of a missing type on a queue this worker does not serve, saying why: another worker's", () => {
    const { judged, skipped } = skipForeignLiveRuns(
      [
        live('rollout/order-worker', 'temporal-rollout', 'rolloutWorkflow'),
        live('order-1', 'order-task-queue', 'OrderWorkflow', null),
      ],
      served,
      code,
    );
    expect(skipped).toEqual([
      {
        source: 'live:rollout/order-worker/r1',
        workflowType: 'rolloutWorkflow',
        runId: 'r1',
        status: 'open',
        taskQueue: 'temporal-rollout',
        reason:
          'task queue "temporal-rollout" is not one this worker serves (order-task-queue, order-task-queue-v{major}, order-task-queue-v{version})',
      },
    ]);
    expect(judged.map((o) => o.source)).toEqual(['live:order-1/r1']);
    expect(gatePasses(judged, false)).toBe(true);
  });

  it('fails a missing type with open runs on a served queue, counting them and saying what to do', () => {
    const { judged, skipped } = skipForeignLiveRuns(
      [live('a', 'order-task-queue'), live('b', 'order-task-queue'), live('c', 'order-task-queue-v2')],
      served,
      code,
    );
    expect(skipped).toEqual([]);
    expect(judged.map((o) => o.failure?.detail)).toEqual([
      'workflow type "LegacyOrderWorkflow" has 2 open run(s) on task queue "order-task-queue", which this worker serves, and is no longer exported by src/workflows/index.ts: those runs cannot continue on the new code; keep the type or drain those runs first',
      'workflow type "LegacyOrderWorkflow" has 2 open run(s) on task queue "order-task-queue", which this worker serves, and is no longer exported by src/workflows/index.ts: those runs cannot continue on the new code; keep the type or drain those runs first',
      'workflow type "LegacyOrderWorkflow" has 1 open run(s) on task queue "order-task-queue-v2", which this worker serves, and is no longer exported by src/workflows/index.ts: those runs cannot continue on the new code; keep the type or drain those runs first',
    ]);
    expect(judged.every((o) => o.failure?.kind === 'missing-workflow-type')).toBe(true);
    expect(gatePasses(judged, true)).toBe(false);
    expect(compatibilityVerdict(judged).deploy).toBe('new-queue');
  });

  it('counts a versioned queue <base>-v3 (and <base>-v3.1.0) as served, not a look-alike', () => {
    const runs = [
      live('v3', 'order-task-queue-v3'),
      live('v310', 'order-task-queue-v3.1.0'),
      live('other', 'order-task-queue-v3-shadow'),
      live('prefix', 'xorder-task-queue'),
    ];
    const { judged, skipped } = skipForeignLiveRuns(runs, served, code);
    expect(judged.map((o) => o.taskQueue)).toEqual(['order-task-queue-v3', 'order-task-queue-v3.1.0']);
    expect(skipped.map((s) => s.taskQueue)).toEqual(['order-task-queue-v3-shadow', 'xorder-task-queue']);
  });

  it('fails closed when the run has no task queue, or the gate was not told which queues this worker serves', () => {
    const noQueue = skipForeignLiveRuns([live('a', ''), live('b', undefined)], served, code);
    expect(noQueue.skipped).toEqual([]);
    expect(noQueue.judged.map((o) => o.failure?.detail)).toEqual([
      expect.stringContaining(
        "the server gave no task queue for this live run, so it cannot be told another worker's",
      ),
      expect.stringContaining('the server gave no task queue for this live run'),
    ]);
    const notTold = skipForeignLiveRuns(
      [live('rollout/app', 'temporal-rollout', 'rolloutWorkflow')],
      undefined,
      code,
    );
    expect(notTold.skipped).toEqual([]);
    expect(notTold.judged[0]?.failure?.detail).toBe(
      'workflow type "rolloutWorkflow" is not exported by src/workflows/index.ts, and the replay was not told which task queues this worker serves, so this live run on task queue "temporal-rollout" cannot be told another worker\'s: set task-queues or config (CLI: --task-queue, --config), or keep the type',
    );
    expect(gatePasses(notTold.judged, true)).toBe(false);
  });

  it('never skips a stored history, nor a live run that failed otherwise; a closed run on a served queue fails too', () => {
    const stored = outcome('histories/old.json', 'open', missing);
    const { judged, skipped } = skipForeignLiveRuns(
      [
        stored,
        live('nd', 'temporal-rollout', 'OrderWorkflow', failure('nondeterminism')),
        live('done', 'order-task-queue-v1', 'LegacyOrderWorkflow', missing, 'completed'),
      ],
      served,
      code,
    );
    expect(skipped).toEqual([]);
    expect(judged.map((o) => o.failure?.detail)).toEqual([
      'workflow type "OrderWorkflow" is not exported by src/workflows/index.ts',
      'd',
      'workflow type "LegacyOrderWorkflow" is not exported by src/workflows/index.ts, and this closed run on task queue "order-task-queue-v1", which this worker serves, can no longer be queried or reset on the new code: keep the type',
    ]);
    // The input outcomes are left as they were.
    expect(stored.failure?.detail).toBe('d');
  });

  it('describes the skipped runs by type and queue', () => {
    const { skipped } = skipForeignLiveRuns(
      [
        live('rollout/a', 'temporal-rollout', 'rolloutWorkflow'),
        live('rollout/b', 'temporal-rollout', 'rolloutWorkflow'),
        live('invoice', 'billing', 'InvoiceWorkflow'),
      ],
      served,
      code,
    );
    expect(describeSkipped(skipped)).toBe(
      'rolloutWorkflow ×2 on temporal-rollout, InvoiceWorkflow on billing',
    );
  });
});

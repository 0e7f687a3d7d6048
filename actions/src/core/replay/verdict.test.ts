import { describe, expect, it } from 'vitest';
import type { ReplayFailure } from './divergence.js';
import type { RunStatus } from './history.js';
import { compatibilityVerdict, gatePasses, type HistoryOutcome, skipForeignLiveRuns } from './verdict.js';

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

describe('skipForeignLiveRuns', () => {
  it('leaves out live runs of types the code does not export, and only those', () => {
    const live = (source: string, kind?: ReplayFailure['kind']): HistoryOutcome => ({
      ...outcome(source, 'open', kind ? failure(kind) : null),
      origin: 'live',
      workflowType: kind === 'missing-workflow-type' ? 'rolloutWorkflow' : 'OrderWorkflow',
      runId: 'r1',
    });
    const storedOfRemovedType = outcome('histories/old.json', 'open', failure('missing-workflow-type'));
    const { judged, skipped } = skipForeignLiveRuns([
      live('live:rollout/app/r1', 'missing-workflow-type'),
      live('live:order-1/r1'),
      live('live:order-2/r1', 'nondeterminism'),
      storedOfRemovedType,
    ]);
    expect(skipped).toEqual([
      { source: 'live:rollout/app/r1', workflowType: 'rolloutWorkflow', runId: 'r1', status: 'open' },
    ]);
    expect(judged.map((o) => o.source)).toEqual(['live:order-1/r1', 'live:order-2/r1', 'histories/old.json']);
    // A stored history of a type the code stopped exporting still fails the gate.
    expect(gatePasses(judged, true)).toBe(false);
  });
});

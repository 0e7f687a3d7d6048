import { describe, expect, it } from 'vitest';
import { decideDrain, describeDrain } from './drain.js';
import { buildIdFor, canonicalVersion, queueName, sameVersion } from './queues.js';
import { routingFor, shareOf } from './routing.js';

describe('queueName', () => {
  it('fills the template from the version', () => {
    expect(queueName('{base}-v{major}', 'order-task-queue', 'v2.3.4')).toBe('order-task-queue-v2');
    expect(queueName('{base}-{major}-{minor}', 'q', '1.4.0')).toBe('q-1-4');
    expect(queueName('{base}', 'q', 'v9.0.0')).toBe('q');
  });

  it('rejects unknown placeholders and bad versions', () => {
    expect(() => queueName('{base}-{sha}', 'q', 'v1.0.0')).toThrow(/unknown placeholder \{sha\}/);
    expect(() => queueName('{base}', 'q', 'latest')).toThrow(/not a semantic version/);
  });

  it('derives the build id', () => {
    expect(buildIdFor('v1.4.0')).toBe('1.4.0');
  });

  it("refuses build metadata, which would share 1.2.3's build id and queue", () => {
    expect(() => buildIdFor('1.2.3+build.5')).toThrow(/build metadata/);
    expect(() => queueName('{base}-v{major}', 'q', '1.2.3+build.5', 'input "version"')).toThrow(
      /input "version": "1.2.3\+build.5" carries build metadata/,
    );
  });

  it('treats a leading v as the same version', () => {
    expect(canonicalVersion(' v1.0.0 ')).toBe('1.0.0');
    expect(sameVersion('v1.0.0', '1.0.0')).toBe(true);
    expect(sameVersion('v1.0.0', '1.0.1')).toBe(false);
    expect(sameVersion(undefined, '1.0.0')).toBe(false);
  });
});

describe('routingFor', () => {
  it('splits new starts by the canary weight', () => {
    const table = routingFor('q-v1', 'q-v2', 10);
    expect(table.routes).toEqual([
      { taskQueue: 'q-v1', weight: 90 },
      { taskQueue: 'q-v2', weight: 10 },
    ]);
    expect(shareOf(table, 'q-v2')).toBe(10);
  });

  it('sends everything to one queue at 0%, at 100% and when the queues are the same', () => {
    expect(routingFor('q-v1', 'q-v2', 100).routes).toEqual([{ taskQueue: 'q-v2', weight: 100 }]);
    expect(routingFor('q-v1', 'q-v2', 0).routes).toEqual([{ taskQueue: 'q-v1', weight: 100 }]);
    expect(routingFor('q', 'q', 50).routes).toEqual([{ taskQueue: 'q', weight: 100 }]);
    expect(shareOf({ routes: [] }, 'q')).toBe(0);
  });
});

describe('decideDrain', () => {
  const open = { label: 'task queue q-v1', openRuns: 3 };
  it('waits until the runs finish or the timeout passes', () => {
    expect(decideDrain({ ...open, openRuns: 0 }, 'wait', 0, 1000, 100)).toEqual({ kind: 'drained' });
    expect(decideDrain(open, 'wait', 0, 1000, 100)).toEqual({ kind: 'wait', sleepMs: 100 });
    expect(decideDrain(open, 'wait', 950, 1000, 100)).toEqual({ kind: 'wait', sleepMs: 50 });
    expect(decideDrain(open, 'wait', 1000, 1000, 100)).toEqual({ kind: 'timed-out' });
  });

  it('acts at once under terminate and reset', () => {
    expect(decideDrain(open, 'terminate', 0, 1000, 100)).toEqual({ kind: 'terminate' });
    expect(decideDrain(open, 'reset', 0, 1000, 100)).toEqual({ kind: 'reset' });
  });

  it('reports what is still waiting', () => {
    const text = describeDrain({
      label: 'task queue q-v1',
      policy: 'wait',
      openRunsAtStart: 3,
      openRunsAtEnd: 2,
      waitedMs: 30_000,
      drained: false,
      oldestStart: '2026-11-25T10:00:00.000Z',
      acted: [],
    });
    expect(text).toBe(
      'task queue q-v1: still 2 open run(s) after 30.0 s, oldest started 2026-11-25T10:00:00.000Z; its workers keep running',
    );
  });
});

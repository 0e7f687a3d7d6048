import { describe, expect, it } from 'vitest';
import type { TemporalVisibility } from '../adapters/temporal-visibility.js';
import type { ReleaseSpec } from '../core/rollout/state.js';
import { parseRolloutConfig } from '../core/rollout-config.js';
import { drain, type RolloutContext } from './rollout.js';

const config = parseRolloutConfig('app: a\nimage: r/a\ntaskQueues:\n  order: { base: q }\n', 'rollout.yaml');
const release = (v: string): ReleaseSpec => ({
  version: v,
  buildId: v,
  image: 'local',
  orderQueue: `q-v${v}`,
  paymentQueue: `p-v${v}`,
});

/**
 * A context whose visibility answers the given open-run counts in turn (then repeats the last), and whose
 * task queue reports the given add rates in turn once visibility's zero has settled (then repeats the last).
 */
function contextCounting(
  counts: number[],
  settleMs: number,
  timeoutMs = 2_000,
  addRates: number[] = [0],
): { ctx: RolloutContext; polls: () => number; asked: () => number } {
  let polls = 0;
  let asked = 0;
  // Only drainTarget and queueActivity are reached when the policy is wait; the rest is never touched here.
  const visibility = {
    drainTarget: async () => ({
      label: 'task queue q-v1',
      openRuns: counts[Math.min(polls++, counts.length - 1)] ?? 0,
    }),
    queueActivity: async () => ({
      queues: ['q-v1'],
      backlog: 0,
      addRate: addRates[Math.min(asked++, addRates.length - 1)] ?? 0,
    }),
  } as unknown as TemporalVisibility;
  const ctx = {
    settings: { ...config, temporal: { address: '127.0.0.1:1', namespace: 'default' } },
    visibility,
    drain: { policy: 'wait', timeoutMs, pollMs: 20, settleMs, statsLagMs: 0 },
  } as unknown as RolloutContext;
  return { ctx, polls: () => polls, asked: () => asked };
}

describe('drain: visibility lag', () => {
  it('does not believe a first zero that visibility has not settled: the runs started a moment ago count', async () => {
    const { ctx } = contextCounting([0, 2, 2, 2], 200, 150);
    const report = await drain(ctx, release('1'), release('2'), 'test');
    expect(report.drained).toBe(false);
    expect(report.openRunsAtEnd).toBe(2);
  });

  it('reports drained once zero has held for the settle time', async () => {
    const { ctx, polls } = contextCounting([1, 0], 100);
    const started = Date.now();
    const report = await drain(ctx, release('1'), release('2'), 'test');
    expect(report.drained).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(polls()).toBeGreaterThanOrEqual(3);
  });

  it('says how many runs it waits for when the count changes, not on every poll', async () => {
    const { ctx, polls } = contextCounting([3, 3, 3, 3, 2, 2, 2, 1, 1, 0], 60);
    const lines: string[] = [];
    const report = await drain(
      { ...ctx, log: (line) => lines.push(line) },
      release('1'),
      release('2'),
      'test',
    );
    expect(report.drained).toBe(true);
    expect(polls()).toBeGreaterThanOrEqual(10);
    expect(lines).toEqual([
      'waiting for 3 open run(s) on task queue q-v1',
      'waiting for 2 open run(s) on task queue q-v1',
      'waiting for 1 open run(s) on task queue q-v1',
    ]);
  });

  it('does not believe a settled zero while the task queue saw a start visibility has not indexed', async () => {
    const { ctx, asked } = contextCounting([0], 50, 400, [0.4]);
    const report = await drain(ctx, release('1'), release('2'), 'test');
    expect(report.drained).toBe(false);
    expect(asked()).toBeGreaterThan(1);
    expect(report.evidence?.[1]).toMatch(/0.40\/s added in the last 30 s — a run visibility has not indexed/);
  });

  it('lets the zero hold as long as the task-queue statistics may be stale before asking them', async () => {
    const { ctx } = contextCounting([0], 20);
    const started = Date.now();
    const report = await drain(
      { ...ctx, drain: { ...ctx.drain, statsLagMs: 300 } },
      release('1'),
      release('2'),
      'test',
    );
    expect(report.drained).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('believes it once the task queue is quiet too, and says both', async () => {
    const { ctx } = contextCounting([0], 50, 2_000, [0.2, 0.1, 0]);
    const report = await drain(ctx, release('1'), release('2'), 'test');
    expect(report.drained).toBe(true);
    expect(report.evidence).toEqual([
      expect.stringMatching(/^visibility: no open run for \d+\.\d s$/),
      'DescribeTaskQueue on q-v1: no backlog, nothing added in the last 30 s',
    ]);
  });
});

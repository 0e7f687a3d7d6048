import { mkdir, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep } from '../core/sleep.js';
import { SupersededError, withTrackLock } from './track-lock.js';

// The lock alone, on files in a temp folder (the processes it guards are exercised by
// test/integration/rollout-concurrent-apply.test.ts).
describe('withTrackLock', () => {
  let dir: string;
  let base: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tr-track-lock-'));
    base = join(dir, 'canary');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs changes one at a time: a later one waits for the lock, then the earlier one gives way at its next check', async () => {
    const events: string[] = [];
    let earlierHolds!: () => void;
    const holding = new Promise<void>((r) => {
      earlierHolds = r;
    });
    const earlier = withTrackLock(base, 'apply of 1.0.0', { waitMs: 10_000 }, async (turn) => {
      events.push('earlier holds');
      earlierHolds();
      // Works step by step, checking its turn between steps, as an apply waiting for its workers does.
      for (let i = 0; i < 100; i++) {
        await turn.check();
        await sleep(20);
      }
      events.push('earlier finished');
    });
    await holding;
    const later = withTrackLock(base, 'apply of 2.0.0', { waitMs: 10_000 }, async (turn) => {
      events.push('later holds');
      await turn.check();
      return 'applied 2.0.0';
    });
    await expect(earlier).rejects.toBeInstanceOf(SupersededError);
    await expect(earlier).rejects.toThrow(
      'local deployer: apply of 1.0.0 gave way to a later change of the same track',
    );
    expect(await later).toBe('applied 2.0.0');
    // The later one ran only after the earlier one had let go.
    expect(events).toEqual(['earlier holds', 'later holds']);
  });

  it('a change waiting for the lock gives up once a still later one started, without running', async () => {
    let release!: () => void;
    const holder = withTrackLock(base, 'removal', { waitMs: 10_000 }, async () => {
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await sleep(100);
    let ranSecond = false;
    const second = withTrackLock(base, 'apply of 2.0.0', { waitMs: 10_000 }, async () => {
      ranSecond = true;
    });
    await sleep(100);
    const third = withTrackLock(base, 'apply of 3.0.0', { waitMs: 10_000 }, async () => 'third ran');
    await expect(second).rejects.toThrow('apply of 2.0.0 gave way to a later change');
    expect(ranSecond).toBe(false);
    // The holder gives way too, at its next check; here it just finishes.
    release();
    await holder;
    expect(await third).toBe('third ran');
  });

  it('takes over a lock whose holder was killed (not refreshed for staleMs), and waits no longer than waitMs for a live one', async () => {
    // What a SIGKILLed holder leaves: the lock folder, no longer refreshed.
    await mkdir(`${base}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${base}.lock`, old, old);
    expect(
      await withTrackLock(base, 'apply of 1.0.0', { waitMs: 5_000, staleMs: 2_000 }, async () => 'ran'),
    ).toBe('ran');
    await expect(stat(`${base}.lock`)).rejects.toThrow(/ENOENT/);

    // A live holder keeps its lock fresh: a change that is not the latest cannot be told apart, so it waits, bounded.
    let release!: () => void;
    const holder = withTrackLock(base, 'apply of 2.0.0', { waitMs: 5_000 }, async () => {
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await sleep(100);
    const started = Date.now();
    // Both name themselves the latest: only the lock holds the waiter back, until waitMs.
    const waiter = withTrackLock(base, 'apply of 3.0.0', { waitMs: 1_000 }, async () => 'ran');
    const rejected = await waiter.then(
      () => undefined,
      (err: Error) => err,
    );
    // It was the latest, so it did not give way: it timed out waiting, saying which lock.
    expect(rejected?.message).toMatch(
      /apply of 3\.0\.0: another change of the track held .*canary\.lock for more than 1 s/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    // The holder did not check its turn again: it finishes what it did.
    release();
    await holder;
  });
});

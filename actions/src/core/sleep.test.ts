import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after the time, or when the signal is aborted, whichever comes first', async () => {
    vi.useFakeTimers();
    let slept = false;
    const timed = sleep(10_000).then(() => {
      slept = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(slept).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await timed;
    expect(slept).toBe(true);

    const abort = new AbortController();
    let woken = false;
    const waiting = sleep(10_000, abort.signal).then(() => {
      woken = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(woken).toBe(false);
    abort.abort(new Error('cancelled'));
    await waiting;
    expect(woken).toBe(true);
    // Its timer was cleared: nothing is left to fire.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves at once for an aborted signal or no time', async () => {
    vi.useFakeTimers();
    await sleep(10_000, AbortSignal.abort());
    await sleep(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

// The replay process pool on its own: what the step relies on when a history makes the SDK core hang, and
// that results come back in input order from several processes, with no process left behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ReplayJobResult, replayInProcesses } from '../../actions/src/adapters/replay-processes.js';
import { locateWorkerSdk } from '../../actions/src/adapters/sdk-resolver.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const history = (name: string) =>
  JSON.parse(readFileSync(join(root, 'test/fixtures/replay/histories', `${name}.json`), 'utf8')) as {
    events: unknown[];
  };

async function childrenOfThisProcess(): Promise<string[]> {
  const { stdout } = await execa('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    reject: false,
  });
  return stdout.split('\n').filter((line) => line.includes('replay-child'));
}

describe('replay processes', () => {
  const bundles: Record<string, string> = {};
  const sdkEntry = locateWorkerSdk(root).entry;

  beforeAll(async () => {
    for (const variant of ['base']) {
      const { code } = await bundleWorkflowCode({
        workflowsPath: join(root, 'test/fixtures/replay', `${variant}.ts`),
        logger: new DefaultLogger('WARN'),
      });
      bundles[variant] = code;
    }
  }, 120_000);

  it('a history with a gap makes the SDK core panic and hang: that history times out, the next ones replay', async () => {
    // Bypasses the step's own validation on purpose: this is the raw SDK behaviour the time limit guards.
    const gap = history('base-completed');
    gap.events.splice(3, 1);
    const jobs = [
      { workflowId: 'ok-1', history: history('base-completed') },
      { workflowId: 'gap', history: gap },
      { workflowId: 'ok-2', history: history('base-open') },
    ];
    const results: ReplayJobResult[] = [];
    for await (const result of replayInProcesses(jobs, {
      sdkEntry,
      bundleCode: bundles.base as string,
      processes: 1,
      historyTimeoutMs: 3_000,
    }))
      results.push(result);
    expect(results).toEqual([
      { kind: 'replayed', error: null },
      { kind: 'timeout' },
      { kind: 'replayed', error: null },
    ]);
    expect(await childrenOfThisProcess()).toEqual([]);
  }, 120_000);

  it('answers in input order from two processes, each history with its own result', async () => {
    // Every third history has a timer where the code schedules an activity: only those fail.
    const diverging = () => {
      const h = history('base-completed') as { events: Record<string, unknown>[] };
      const event = h.events[4] as Record<string, unknown>;
      delete event.activityTaskScheduledEventAttributes;
      Object.assign(event, {
        eventType: 'EVENT_TYPE_TIMER_STARTED',
        timerStartedEventAttributes: {
          timerId: '1',
          startToFireTimeout: '1s',
          workflowTaskCompletedEventId: '4',
        },
      });
      return h;
    };
    const jobs = Array.from({ length: 30 }, (_, i) => ({
      workflowId: `h-${i}`,
      history: i % 3 === 2 ? diverging() : history(i % 2 ? 'base-open' : 'pre-patch-completed'),
    }));
    const failedAt: number[] = [];
    let count = 0;
    for await (const result of replayInProcesses(jobs, {
      sdkEntry,
      bundleCode: bundles.base as string,
      processes: 2,
      historyTimeoutMs: 60_000,
    })) {
      expect(result.kind).toBe('replayed');
      if (result.kind === 'replayed' && result.error) {
        expect(result.error.name).toBe('DeterminismViolationError');
        failedAt.push(count);
      }
      count++;
    }
    expect(count).toBe(30);
    expect(failedAt).toEqual(Array.from({ length: 10 }, (_, k) => 3 * k + 2));
    expect(await childrenOfThisProcess()).toEqual([]);
  }, 120_000);

  it('a bundle that cannot load fails the whole replay with the SDK message, and stops every process', async () => {
    const jobs = [{ workflowId: 'x', history: history('base-open') }];
    const run = async () => {
      for await (const _ of replayInProcesses(jobs, {
        sdkEntry,
        bundleCode: 'this is not javascript (',
        processes: 2,
        historyTimeoutMs: 60_000,
      }));
    };
    await expect(run()).rejects.toThrow(/@temporalio\/worker: replay failed/);
    expect(await childrenOfThisProcess()).toEqual([]);
  }, 120_000);
});

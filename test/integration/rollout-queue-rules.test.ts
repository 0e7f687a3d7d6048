// Issue 15 items 8 and 9 through the steps, on a real dev server with real workers (local deployer):
// the replay verdict decides the canary's queue, and a drain believes "no open runs" only when the matching
// service agrees with visibility. The dev server indexes a start within milliseconds, so visibility lag is
// injected: LaggingVisibility does not count runs started in the last minute, which is what a lagging index
// reports. Everything else (the counts it does report, the task-queue statistics) is the real server's.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RunScope } from '../../actions/src/adapters/temporal-visibility.js';
import { TemporalVisibility } from '../../actions/src/adapters/temporal-visibility.js';
import type { DrainTarget } from '../../actions/src/core/rollout/drain.js';
import { canary } from '../../actions/src/steps/canary.js';
import { promote } from '../../actions/src/steps/promote.js';
import { rollback } from '../../actions/src/steps/rollback.js';
import type { RolloutContext } from '../../actions/src/steps/rollout.js';
import { approveSignal, statusQuery } from '../../worker/src/workflows/definitions.js';
import { order, type RolloutFixture, startRolloutFixture } from './rollout-support.js';

const V1 = 'order-task-queue-v1';

/** Visibility that has not indexed the runs started in the last `lagMs` yet. */
class LaggingVisibility extends TemporalVisibility {
  constructor(
    base: TemporalVisibility,
    client: ConstructorParameters<typeof TemporalVisibility>[0],
    private readonly lagMs: number,
  ) {
    super(client, base.namespace);
  }

  override async drainTarget(scope: RunScope): Promise<DrainTarget> {
    const indexed = (await this.listOpenRuns(scope)).filter(
      (run) => Date.now() - run.startTime.getTime() >= this.lagMs,
    );
    return { label: (await super.drainTarget(scope)).label, openRuns: indexed.length };
  }
}

/** A rollout fixture for the cases of the calling describe block, started before them and closed after them. */
function useFixture(): () => RolloutFixture {
  let fixture: RolloutFixture | undefined;
  beforeAll(async () => {
    fixture = await startRolloutFixture('task-queue');
  });
  afterAll(async () => {
    await fixture?.close();
  }, 120_000);
  return () => {
    if (!fixture) throw new Error('the rollout fixture did not start');
    return fixture;
  };
}

describe('the replay verdict chooses the queue; drains ask the matching service too', () => {
  // The two cases run side by side (concurrent suites), each on its own dev server and workers.
  describe('queues', { concurrent: true }, () => {
    const line = useFixture();

    it.sequential('same-queue takes over stable’s queue with no drain; new-queue gets a queue of its own', async ({
      expect,
    }) => {
      const fixture = line();
      const { ctx } = fixture;
      expect(await canary(ctx, { version: '1.0.0', image: 'local', weight: 10 })).toMatchObject({
        outcome: 'done',
        queue: { orderQueue: V1, rule: 'first release: queue template {base}-v{major}' },
      });

      const same = await canary(ctx, {
        version: '1.1.0',
        image: 'local',
        weight: 50,
        replayDeploy: 'same-queue',
      });
      expect(same).toMatchObject({ outcome: 'done', queue: { orderQueue: V1 } });
      expect(same.queue?.rule).toMatch(/^replay verdict same-queue: every open run replays on 1.1.0/);
      // Both builds poll the one queue: nothing to split, and promote needs no drain.
      expect(same.routing).toEqual({ routes: [{ taskQueue: V1, weight: 100 }] });
      const promoted = await promote(ctx, { version: '1.1.0' });
      expect(promoted).toMatchObject({ outcome: 'done', stable: '1.1.0' });
      expect(promoted.drain).toBeUndefined();

      const own = await canary(ctx, {
        version: '1.2.0',
        image: 'local',
        weight: 50,
        replayDeploy: 'new-queue',
      });
      expect(own).toMatchObject({ outcome: 'done', queue: { orderQueue: 'order-task-queue-v1.2.0' } });
      expect(own.queue?.rule).toMatch(
        /gives stable's order-task-queue-v1, so it polls order-task-queue-v1.2.0/,
      );
      expect(own.routing).toEqual({
        routes: [
          { taskQueue: V1, weight: 50 },
          { taskQueue: 'order-task-queue-v1.2.0', weight: 50 },
        ],
      });
      // The next ramp step, without the verdict, keeps that queue.
      const next = await canary(ctx, { version: '1.2.0', image: 'local', weight: 100 });
      expect(next.queue?.rule).toBe('kept: 1.2.0 already polls order-task-queue-v1.2.0');
      // A routing file the starter would refuse (edited by hand) is read as such and rewritten by the next run.
      await writeFile(
        fixture.deployer.routingFile,
        '{"routes":[{"taskQueue":"order-task-queue-v1","weight":-5}]}\n',
      );
      await expect(fixture.deployer.readRouting()).rejects.toThrow(
        /routing\.json: routes\[0\]\.weight must be an integer ≥ 0, got -5/,
      );
      const again = await canary(ctx, { version: '1.2.0', image: 'local', weight: 100 });
      expect(again.actions[0]).toMatch(
        /^routing repaired: the cluster served a table the starter refuses \(.*routes\[0\]\.weight must be an integer ≥ 0, got -5\), the rollout state \(canary\) means order-task-queue-v1\.2\.0=100/,
      );
      expect(await fixture.deployer.readRouting()).toEqual({
        routes: [{ taskQueue: 'order-task-queue-v1.2.0', weight: 100 }],
      });
      expect(await rollback(ctx, { reason: 'test' })).toMatchObject({ outcome: 'done', stable: '1.1.0' });
    }, 300_000);
  });

  describe('drains', { concurrent: true }, () => {
    const line = useFixture();

    it.sequential('installs 1.0.0 and promotes 1.1.0 onto its queue (same-queue)', async ({ expect }) => {
      const { ctx } = line();
      expect(await canary(ctx, { version: '1.0.0', image: 'local', weight: 10 })).toMatchObject({
        outcome: 'done',
        stable: '1.0.0',
      });
      expect(
        await canary(ctx, { version: '1.1.0', image: 'local', weight: 50, replayDeploy: 'same-queue' }),
      ).toMatchObject({ outcome: 'done', queue: { orderQueue: V1 } });
      expect(await promote(ctx, { version: '1.1.0' })).toMatchObject({ outcome: 'done', stable: '1.1.0' });
    }, 300_000);

    it.sequential('does not stop the old workers for a run visibility has not indexed: the task queue saw its start', async ({
      expect,
    }) => {
      const fixture = line();
      const lagging: RolloutContext = {
        ...fixture.ctx,
        visibility: new LaggingVisibility(fixture.ctx.visibility, fixture.client, 60_000),
        drain: { pollMs: 250, timeoutMs: 6_000 },
      };
      await canary(lagging, { version: '2.0.0', image: 'local', weight: 50 });
      const held = await fixture.client.workflow.start('OrderWorkflow', {
        taskQueue: V1,
        workflowId: 'unindexed-v1',
        args: [order('unindexed-v1', 150_000)],
      });
      await expect
        .poll(async () => (await held.query(statusQuery).catch(() => undefined))?.stage, { timeout: 30_000 })
        .toBe('AWAITING_APPROVAL');

      const waiting = await promote(lagging, { version: '2.0.0' });
      expect(waiting).toMatchObject({ outcome: 'waiting', phase: 'promoting' });
      // Visibility (lagging) counts nothing; the matching service saw the start on v1's queue.
      expect(waiting.drain).toMatchObject({ openRunsAtEnd: 0, drained: false });
      expect(waiting.drain?.evidence?.[1]).toMatch(
        new RegExp(
          `^DescribeTaskQueue on ${V1}: 0 workflow task\\(s\\) backlogged, \\d+\\.\\d+/s added in the last 30 s`,
        ),
      );
      expect((await fixture.deployer.describe('stable'))?.version).toBe('1.1.0');

      // The v1 worker still runs and finishes the order; once v1's queue has been quiet for the server's
      // 30 s window, the same promote believes the zero.
      await held.signal(approveSignal, { approver: 'test' });
      expect(await held.result()).toMatchObject({ outcome: 'COMPLETED' });
      const done = await promote(
        { ...lagging, drain: { pollMs: 500, timeoutMs: 90_000 } },
        { version: '2.0.0' },
      );
      expect(done).toMatchObject({ outcome: 'done', stable: '2.0.0' });
      expect(done.drain?.evidence).toEqual([
        expect.stringMatching(/^visibility: no open run for \d+\.\d s$/),
        `DescribeTaskQueue on ${V1}: no backlog, nothing added in the last 30 s`,
      ]);
    }, 300_000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../actions/src/core/errors.js';
import { canary } from '../../actions/src/steps/canary.js';
import { promote } from '../../actions/src/steps/promote.js';
import { rollback } from '../../actions/src/steps/rollback.js';
import type { ManagedProcess } from '../../scripts/local-platform/process.js';
import {
  alivePids,
  countBy,
  order,
  postOrders,
  type RolloutFixture,
  startRolloutFixture,
  startStarter,
  whereRan,
} from './rollout-support.js';

const V1 = 'order-task-queue-v1';
const V2 = 'order-task-queue-v2';
const V3 = 'order-task-queue-v3';
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

type Line = ReturnType<typeof useLine>;

/**
 * A dev server with its workers, and the order starter once a case starts it, for the cases of the calling
 * describe block: started before them, stopped after them.
 */
function useLine() {
  let fixture: RolloutFixture | undefined;
  let starter: { url: string; process: ManagedProcess } | undefined;
  beforeAll(async () => {
    fixture = await startRolloutFixture('task-queue');
  });
  afterAll(async () => {
    await starter?.process.stop();
    await fixture?.close();
  }, 300_000);
  return {
    get fixture(): RolloutFixture {
      if (!fixture) throw new Error('the rollout fixture did not start');
      return fixture;
    },
    get starter() {
      if (!starter) throw new Error('the order starter was not started');
      return starter;
    },
    /** The real order starter; it reads the routing file the first install writes. */
    async startStarter() {
      starter = await startStarter(this.fixture);
      return starter;
    },
  };
}

/** Installs 1.0.0, starts the order starter, and ramps and promotes 2.0.0: where the rollback cases start. */
async function reachStable2(line: Line) {
  const { ctx } = line.fixture;
  expect(await canary(ctx, { version: 'v1.0.0', image: 'local', weight: 10 })).toMatchObject({
    outcome: 'done',
    stable: '1.0.0',
  });
  await line.startStarter();
  expect(await canary(ctx, { version: 'v2.0.0', image: 'local', weight: 50 })).toMatchObject({
    outcome: 'done',
    canary: { version: '2.0.0', weight: 50 },
  });
  expect(await promote(ctx, { version: 'v2.0.0' })).toMatchObject({
    outcome: 'done',
    stable: '2.0.0',
    phase: 'stable',
  });
}

describe('task-queue strategy with the local deployer (real dev server, worker and starter)', () => {
  // Three lines of steps side by side (concurrent suites), each on its own dev server, workers and starter: the
  // drains they wait on (open runs, the server's 30 s task-queue window) overlap instead of adding up. The
  // cases inside each run in order (it.sequential), each building on the state the one before left.
  describe('install, ramp and promote', { concurrent: true }, () => {
    const line = useLine();

    it.sequential('installs the first release as stable; a re-run is a no-op', async ({ expect }) => {
      const { fixture } = line;
      const first = await canary(fixture.ctx, { version: 'v1.0.0', image: 'local', weight: 10 });
      expect(first).toMatchObject({ outcome: 'done', stable: '1.0.0', phase: 'stable' });
      expect(first.routing).toEqual({ routes: [{ taskQueue: V1, weight: 100 }] });
      const pids = await alivePids(fixture.deployer, 'stable');
      expect(pids).toHaveLength(1);
      const again = await canary(fixture.ctx, { version: 'v1.0.0', image: 'local', weight: 10 });
      expect(again.outcome).toBe('unchanged');
      expect(await alivePids(fixture.deployer, 'stable')).toEqual(pids);

      const starter = await line.startStarter();
      const ran = await whereRan(fixture.client, [
        ...(await postOrders(starter.url, ids('install', 5))).keys(),
      ]);
      expect(countBy([...ran.values()].map((r) => `${r.taskQueue}/${r.status}`))).toEqual({
        [`${V1}/COMPLETED`]: 5,
      });
    }, 300_000);

    it.sequential('ramps the canary on its per-version queue: each step gets its share of new orders', async ({
      expect,
    }) => {
      const { fixture, starter } = line;
      const split: Record<number, Record<string, number>> = {};
      for (const weight of [10, 50]) {
        const result = await canary(fixture.ctx, {
          version: 'v2.0.0',
          image: 'local',
          weight,
          gate: {
            workflowType: 'OrderWorkflow',
            args: [order(`gate-${weight}`)],
            count: 1,
            timeoutMs: 30_000,
          },
        });
        expect(result).toMatchObject({ outcome: 'done', canary: { version: '2.0.0', weight } });
        if (weight === 10) expect(result.gate).toMatchObject({ started: 1, completed: 1, failures: [] });
        expect(result.routing).toEqual({
          routes: [
            { taskQueue: V1, weight: 100 - weight },
            { taskQueue: V2, weight },
          ],
        });
        const orders = ids(`ramp${weight}`, 40);
        const chosen = await postOrders(starter.url, orders);
        const ran = await whereRan(fixture.client, orders);
        // Where each run really ran is where the starter sent it, and every run completed.
        for (const id of orders)
          expect(ran.get(id)).toEqual({ taskQueue: chosen.get(id), buildId: undefined, status: 'COMPLETED' });
        split[weight] = countBy([...ran.values()].map((r) => r.taskQueue));
        const share = (100 * (split[weight]?.[V2] ?? 0)) / orders.length;
        console.log(
          `[rollout task-queue] weight ${weight}%: ${JSON.stringify(split[weight])} → canary share ${share.toFixed(1)}%`,
        );
        expect(split[weight]?.[V2] ?? 0).toBeGreaterThan(0);
        expect(Math.abs(share - weight)).toBeLessThanOrEqual(weight === 10 ? 10 : 17);
      }
      const again = await canary(fixture.ctx, { version: 'v2.0.0', image: 'local', weight: 50 });
      expect(again.outcome).toBe('unchanged');
    }, 300_000);

    it.sequential('refuses contradictory requests', async ({ expect }) => {
      const { fixture } = line;
      await expect(canary(fixture.ctx, { version: 'v3.0.0', image: 'local', weight: 10 })).rejects.toThrow(
        /canary 2.0.0 is still running/,
      );
      await expect(promote(fixture.ctx, { version: 'v3.0.0' })).rejects.toThrow(InputError);
      await expect(rollback(fixture.ctx, { to: 'v0.9.0' })).rejects.toThrow(/not v0.9.0/);
    }, 300_000);

    it.sequential('promotes: all new orders go to v2 at once, v1 workers stop only after v1 open runs finish', async ({
      expect,
    }) => {
      const { fixture, starter } = line;
      // Orders above the approval threshold stay open on v1 until approved.
      const held = ids('held-v1', 2);
      for (const id of held) {
        await fixture.client.workflow.start('OrderWorkflow', {
          taskQueue: V1,
          workflowId: id,
          args: [order(id, 90_000)],
        });
      }
      const v1Pids = await alivePids(fixture.deployer, 'stable');
      const waiting = await promote(
        { ...fixture.ctx, drain: { policy: 'wait', timeoutMs: 1_500, pollMs: 250 } },
        { version: 'v2.0.0' },
      );
      expect(waiting).toMatchObject({ outcome: 'waiting', phase: 'promoting' });
      expect(waiting.drain).toMatchObject({ label: `task queue ${V1}`, openRunsAtEnd: 2, drained: false });
      expect(waiting.routing).toEqual({ routes: [{ taskQueue: V2, weight: 100 }] });
      expect(await alivePids(fixture.deployer, 'stable')).toEqual(v1Pids);

      const after = ids('after-promote', 10);
      await postOrders(starter.url, after);
      const ran = await whereRan(fixture.client, after);
      expect(countBy([...ran.values()].map((r) => r.taskQueue))).toEqual({ [V2]: 10 });

      // A canary or rollback cannot cut in while the promotion drains.
      await expect(canary(fixture.ctx, { version: 'v3.0.0', image: 'local', weight: 10 })).rejects.toThrow(
        /re-run promote/,
      );

      const started = Date.now();
      const finishing = promote(fixture.ctx, {});
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await alivePids(fixture.deployer, 'stable')).toEqual(v1Pids);
      for (const id of held)
        await fixture.client.workflow.getHandle(id).signal('approve', { approver: 'test' });
      const done = await finishing;
      expect(done).toMatchObject({ outcome: 'done', stable: '2.0.0', phase: 'stable' });
      expect(done.canary).toBeUndefined();
      expect(done.drain).toMatchObject({ openRunsAtStart: 2, openRunsAtEnd: 0, drained: true });
      console.log(
        `[rollout task-queue] promote drained ${V1} in ${Date.now() - started} ms: ${done.actions.join(' | ')}`,
      );
      const heldRan = await whereRan(fixture.client, held);
      expect([...heldRan.values()].every((r) => r.taskQueue === V1 && r.status === 'COMPLETED')).toBe(true);
      for (const pid of v1Pids) expect(await alivePids(fixture.deployer, 'stable')).not.toContain(pid);
      expect(await alivePids(fixture.deployer, 'canary')).toEqual([]);
      expect(await alivePids(fixture.deployer, 'stable')).toHaveLength(1);

      expect((await promote(fixture.ctx, { version: 'v2.0.0' })).outcome).toBe('unchanged');
      await expect(promote(fixture.ctx, {})).rejects.toThrow(/no canary to promote/);
    }, 300_000);
  });

  describe('rolling a canary back, and restoring by name', { concurrent: true }, () => {
    const line = useLine();

    it.sequential('installs 1.0.0 and promotes 2.0.0', async () => {
      await reachStable2(line);
    }, 300_000);

    it.sequential('rolls back a canary: stable keeps serving, the canary stops only when its runs are done', async ({
      expect,
    }) => {
      const { fixture, starter } = line;
      await canary(fixture.ctx, { version: 'v3.0.0', image: 'local', weight: 10 });
      const held = 'held-v3';
      await fixture.client.workflow.start('OrderWorkflow', {
        taskQueue: V3,
        workflowId: held,
        args: [order(held, 90_000)],
      });
      const v3Pids = await alivePids(fixture.deployer, 'canary');
      expect(v3Pids).toHaveLength(1);

      const waiting = await rollback(
        { ...fixture.ctx, drain: { policy: 'wait', timeoutMs: 1_000, pollMs: 250 } },
        {},
      );
      expect(waiting).toMatchObject({ outcome: 'waiting', phase: 'rolling-back' });
      expect(waiting.routing).toEqual({ routes: [{ taskQueue: V2, weight: 100 }] });
      expect(await alivePids(fixture.deployer, 'canary')).toEqual(v3Pids);
      const during = ids('during-rollback', 10);
      await postOrders(starter.url, during);
      expect(countBy([...(await whereRan(fixture.client, during)).values()].map((r) => r.taskQueue))).toEqual(
        {
          [V2]: 10,
        },
      );

      await fixture.client.workflow.getHandle(held).signal('approve', { approver: 'test' });
      const done = await rollback(fixture.ctx, {});
      expect(done).toMatchObject({ outcome: 'done', stable: '2.0.0', phase: 'stable' });
      expect((await whereRan(fixture.client, [held])).get(held)).toMatchObject({
        taskQueue: V3,
        status: 'COMPLETED',
      });
      expect(await alivePids(fixture.deployer, 'canary')).toEqual([]);
      expect((await rollback(fixture.ctx, {})).outcome).toBe('unchanged');
    }, 300_000);

    it.sequential('restores an earlier version by name, and refuses one never deployed', async ({
      expect,
    }) => {
      const { fixture, starter } = line;
      await expect(rollback(fixture.ctx, { to: 'v1.5.0' })).rejects.toThrow(
        /never deployed here \(deployed: 1.0.0, 2.0.0\)/,
      );
      const restored = await rollback(fixture.ctx, { to: 'v1.0.0' });
      expect(restored).toMatchObject({ outcome: 'done', stable: '1.0.0', phase: 'stable' });
      expect(restored.routing).toEqual({ routes: [{ taskQueue: V1, weight: 100 }] });
      const after = ids('after-restore', 5);
      await postOrders(starter.url, after);
      expect(countBy([...(await whereRan(fixture.client, after)).values()].map((r) => r.taskQueue))).toEqual({
        [V1]: 5,
      });
      expect((await rollback(fixture.ctx, { to: 'v1.0.0' })).outcome).toBe('unchanged');
    }, 300_000);
  });

  describe('rolling back with policy reset', { concurrent: true }, () => {
    const line = useLine();

    it.sequential('installs 1.0.0 and promotes 2.0.0', async () => {
      await reachStable2(line);
    }, 300_000);

    it.sequential('rolls back with policy reset: open canary runs restart on stable, nothing is stranded', async ({
      expect,
    }) => {
      const { fixture } = line;
      await canary(fixture.ctx, { version: 'v3.1.0', image: 'local', weight: 10 });
      const held = 'held-v3-reset';
      await fixture.client.workflow.start('OrderWorkflow', {
        taskQueue: V3,
        workflowId: held,
        args: [order(held, 90_000)],
      });
      const done = await rollback(
        // The restarted run's start stays in v3's task-queue statistics for 30 s: the drain waits that out.
        { ...fixture.ctx, drain: { policy: 'reset', timeoutMs: 60_000, pollMs: 250 } },
        { reason: 'test: canary failed analysis' },
      );
      expect(done).toMatchObject({ outcome: 'done', stable: '2.0.0' });
      expect(done.drain?.acted).toEqual([held]);
      expect(await alivePids(fixture.deployer, 'canary')).toEqual([]);
      await fixture.client.workflow.getHandle(held).signal('approve', { approver: 'test' });
      expect((await whereRan(fixture.client, [held])).get(held)).toMatchObject({
        taskQueue: V2,
        status: 'COMPLETED',
      });
      expect(
        await fixture.client.workflow.count(`TaskQueue="${V3}" AND ExecutionStatus="Running"`),
      ).toMatchObject({ count: 0 });
    }, 300_000);
  });
});

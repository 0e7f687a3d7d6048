import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const QUEUE = 'order-task-queue';
const DEPLOYMENT = 'order-worker';
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('worker-versioning strategy with the local deployer (real dev server, worker and starter)', () => {
  let fixture: RolloutFixture;
  let starter: { url: string; process: ManagedProcess };
  const heldOnV1 = ids('pinned-v1', 2);

  beforeAll(async () => {
    fixture = await startRolloutFixture('worker-versioning');
  });
  afterAll(async () => {
    await starter?.process.stop();
    await fixture?.close();
  }, 300_000);

  it('installs v1 as the current version of the deployment', async () => {
    const result = await canary(fixture.ctx, { version: 'v1.0.0', image: 'local', weight: 10 });
    expect(result).toMatchObject({
      outcome: 'done',
      stable: '1.0.0',
      versioning: { current: '1.0.0', percent: 0 },
    });
    expect((await canary(fixture.ctx, { version: 'v1.0.0', image: 'local', weight: 10 })).outcome).toBe(
      'unchanged',
    );
    starter = await startStarter(fixture);
    // Pinned to v1: these stay open until approved, and keep v1 alive through the promotion.
    for (const id of heldOnV1) {
      await fixture.client.workflow.start('OrderWorkflow', {
        taskQueue: QUEUE,
        workflowId: id,
        args: [order(id, 90_000)],
      });
    }
  }, 300_000);

  it('ramps v2 10% → 50% → 100%, observed in the build id that ran each order', async () => {
    for (const weight of [10, 50, 100]) {
      const result = await canary(fixture.ctx, {
        version: 'v2.0.0',
        image: 'local',
        weight,
        gate: {
          workflowType: 'OrderWorkflow',
          args: [order(`vgate-${weight}`)],
          count: 1,
          timeoutMs: 30_000,
        },
      });
      expect(result).toMatchObject({ outcome: 'done', canary: { version: '2.0.0', weight } });
      expect(result.versioning).toEqual(
        weight < 100
          ? { current: '1.0.0', ramping: '2.0.0', percent: weight }
          : { current: '2.0.0', percent: 0 },
      );
      const orders = ids(`vramp${weight}`, 40);
      await postOrders(starter.url, orders);
      const ran = await whereRan(fixture.client, orders);
      expect([...ran.values()].every((r) => r.taskQueue === QUEUE && r.status === 'COMPLETED')).toBe(true);
      const split = countBy([...ran.values()].map((r) => r.buildId));
      const share = (100 * (split['2.0.0'] ?? 0)) / orders.length;
      console.log(
        `[rollout worker-versioning] ramp ${weight}%: ${JSON.stringify(split)} → v2 share ${share.toFixed(1)}%`,
      );
      if (weight === 100) expect(split).toEqual({ '2.0.0': orders.length });
      else {
        expect(split['2.0.0'] ?? 0).toBeGreaterThan(0);
        expect(Math.abs(share - weight)).toBeLessThanOrEqual(weight === 10 ? 12 : 20);
      }
    }
    expect((await canary(fixture.ctx, { version: 'v2.0.0', image: 'local', weight: 100 })).outcome).toBe(
      'unchanged',
    );
  }, 300_000);

  it('promotes v2; v1 workers stay until the runs pinned to v1 finish', async () => {
    const v1Pids = await alivePids(fixture.deployer, 'stable');
    const waiting = await promote(
      { ...fixture.ctx, drain: { policy: 'wait', timeoutMs: 1_000, pollMs: 250 } },
      { version: 'v2.0.0' },
    );
    expect(waiting).toMatchObject({
      outcome: 'waiting',
      drain: { label: `version ${DEPLOYMENT}:1.0.0`, openRunsAtEnd: 2 },
    });
    expect(await alivePids(fixture.deployer, 'stable')).toEqual(v1Pids);
    for (const id of heldOnV1)
      await fixture.client.workflow.getHandle(id).signal('approve', { approver: 'test' });
    const done = await promote(fixture.ctx, {});
    expect(done).toMatchObject({
      outcome: 'done',
      stable: '2.0.0',
      versioning: { current: '2.0.0', percent: 0 },
    });
    // The version's own task-queue statistics vouched for the zero, not visibility alone.
    expect(done.drain?.evidence?.[1]).toMatch(
      /^DescribeTaskQueue on order-task-queue(, payment-task-queue)?: no backlog, nothing added in the last 30 s$/,
    );
    const held = await whereRan(fixture.client, heldOnV1);
    expect([...held.values()].map((r) => `${r.buildId}/${r.status}`)).toEqual([
      '1.0.0/COMPLETED',
      '1.0.0/COMPLETED',
    ]);
    expect((await alivePids(fixture.deployer, 'stable')).some((pid) => v1Pids.includes(pid))).toBe(false);
    expect(await alivePids(fixture.deployer, 'canary')).toEqual([]);
    expect(await promote(fixture.ctx, {}).catch((e: Error) => e.message)).toMatch(/no canary to promote/);
    expect((await promote(fixture.ctx, { version: 'v2.0.0' })).outcome).toBe('unchanged');
  }, 300_000);

  it('rolls back a ramping v3 with policy terminate: the ramp is cleared, pinned v3 runs end with a reason', async () => {
    await canary(fixture.ctx, { version: 'v3.0.0', image: 'local', weight: 10 });
    const pinned = 'pinned-v3';
    await fixture.client.workflow.start('OrderWorkflow', {
      taskQueue: QUEUE,
      workflowId: pinned,
      args: [order(pinned, 90_000)],
      versioningOverride: { pinnedTo: { deploymentName: DEPLOYMENT, buildId: '3.0.0' } },
    });
    const done = await rollback(
      { ...fixture.ctx, drain: { policy: 'terminate', timeoutMs: 10_000, pollMs: 250 } },
      { reason: 'test: v3 failed analysis' },
    );
    expect(done).toMatchObject({
      outcome: 'done',
      stable: '2.0.0',
      versioning: { current: '2.0.0', percent: 0 },
    });
    expect(done.drain?.acted).toEqual([pinned]);
    const description = await fixture.client.workflow.getHandle(pinned).describe();
    expect(description.status.name).toBe('TERMINATED');
    expect(await alivePids(fixture.deployer, 'canary')).toEqual([]);
    const after = ids('after-v3-rollback', 10);
    await postOrders(starter.url, after);
    expect(countBy([...(await whereRan(fixture.client, after)).values()].map((r) => r.buildId))).toEqual({
      '2.0.0': 10,
    });
    expect((await rollback(fixture.ctx, {})).outcome).toBe('unchanged');
  }, 300_000);
});

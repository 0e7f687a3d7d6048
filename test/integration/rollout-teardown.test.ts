// A release stopped half-way (promote still draining, as when a pipeline or the demo gives up) must still
// leave nothing running once the local deployer removes everything: no worker of either version survives.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../actions/src/steps/canary.js';
import { promote } from '../../actions/src/steps/promote.js';
import { order, type RolloutFixture, startRolloutFixture } from './rollout-support.js';

/** Pids of every process whose environment points at this fixture's dev server: all the workers it started. */
function workersOf(temporalAddress: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      if (/^\d+ \(.*\) Z/.test(stat)) continue;
      if (
        env.includes(`TEMPORAL_ADDRESS=${temporalAddress}`) &&
        env.some((v) => v.startsWith('ROLLOUT_WORKER_ID='))
      )
        pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

describe('local deployer teardown during a promotion that is still draining', () => {
  let fixture: RolloutFixture;

  beforeAll(async () => {
    fixture = await startRolloutFixture('task-queue');
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('removeAll stops the old and the new version while the old one still has an open run', async () => {
    const ctx = { ...fixture.ctx, drain: { ...fixture.ctx.drain, timeoutMs: 1_000 } };
    await canary(ctx, { version: 'v1.0.0', image: 'local', weight: 10 });
    await canary(ctx, { version: 'v2.0.0', image: 'local', weight: 50 });
    const address = fixture.server.address;
    expect(workersOf(address)).toHaveLength(2);

    // Above the fixture's approval threshold: the run stays open on v1 until someone approves it.
    const held = await fixture.client.workflow.start('OrderWorkflow', {
      taskQueue: 'order-task-queue-v1',
      workflowId: 'teardown-held-v1',
      args: [order('teardown-held-v1', 90_000)],
    });
    const waiting = await promote(ctx, { version: 'v2.0.0' });
    expect(waiting).toMatchObject({ outcome: 'waiting', phase: 'promoting' });
    expect(workersOf(address)).toHaveLength(2);

    await fixture.deployer.removeAll();
    expect(workersOf(address)).toEqual([]);
    expect(await fixture.deployer.workers('stable')).toEqual([]);
    expect(await fixture.deployer.workers('canary')).toEqual([]);
    await held.terminate('test: teardown done');
  }, 120_000);
});

// RolloutWorkflow end to end with the local deployer and a real Prometheus. The cases form three groups, each
// with its own dev server, Prometheus, order workers and traffic: the groups run side by side (most of a case
// is waiting on analyses and on drains, whose task-queue statistics need about 30 s of quiet), the cases of a
// group run in order on that group's rollout.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStateStore } from '../../actions/src/adapters/state-file.js';
import { releaseOutcome } from '../../actions/src/controller/api.js';
import {
  RolloutRefused,
  readStatus,
  sendAction,
  sendRollback,
  startOrAttachRelease,
} from '../../actions/src/controller/client.js';
import {
  brief,
  type ControllerFixture,
  controllerConfig,
  startControllerFixture,
} from './controller-support.js';
import { bundleOrderWorkflowsOnce } from './order-bundle-once.js';

/** Orders a second through the real starter: each analysis sees dozens of canary activities in its window. */
const ORDERS_PER_SECOND = 3;
/** Orders held back while this many are open: a loaded machine's backlog, which drains wait for, stays small. */
const MAX_OPEN_ORDERS = 20;

/**
 * One group's rollout: a fixture with a rollout worker in this process, `first` installed as the first release
 * (no ramp), orders flowing from then on.
 */
function rolloutGroup(first: string) {
  let started: ControllerFixture | undefined;
  const fixture = () => {
    if (!started) throw new Error(`the fixture of the group that installs ${first} did not start`);
    return started;
  };
  beforeAll(async () => {
    const fx = await startControllerFixture();
    started = fx;
    await fx.startWorker();
    const accepted = await startOrAttachRelease(fx.client, fx.release(first));
    expect(accepted.message).toMatch(/accepted/);
    const installed = await fx.waitForOutcome(first, 90_000, `${first} installed`);
    expect(releaseOutcome(installed, first), JSON.stringify(brief(installed))).toMatchObject({
      result: 'installed',
    });
    await fx.startTraffic(4_000, ORDERS_PER_SECOND, MAX_OPEN_ORDERS);
  }, 240_000);
  afterAll(async () => {
    await started?.close();
  }, 120_000);
  return {
    fx: fixture,
    state: () => new FileStateStore(join(fixture().dir.path, '.rollout', 'state.json')).load(),
  };
}

describe('RolloutWorkflow (local deployer, real Prometheus)', () => {
  bundleOrderWorkflowsOnce();

  // Groups run beside each other (describe.concurrent); the cases inside a group run in order (it.sequential).
  describe.concurrent('a release ramps and promotes; a rollback Update stops a ramp', () => {
    const group = rolloutGroup('1.0.0');

    it.sequential('ramps 25% → 50% with an analysis at each step and promotes; an older release is refused', async () => {
      const fx = group.fx();
      const state = group.state;
      await startOrAttachRelease(fx.client, fx.release('2.0.0'));
      // The same request again attaches to the release in flight: one canary.
      expect((await startOrAttachRelease(fx.client, fx.release('2.0.0'))).message).toMatch(/attached/);
      const done = await fx.waitForOutcome('2.0.0', 180_000, 'v2 released');
      expect(releaseOutcome(done, '2.0.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
      const analyses = done.analyses.filter((a) => a.version === '2.0.0');
      expect(analyses.map((a) => [a.weight, a.verdict])).toEqual([
        [25, 'pass'],
        [50, 'pass'],
      ]);
      expect(analyses[0]?.checks.every((c) => c.measurements.length === 3)).toBe(true);
      expect(done.stable).toBe('2.0.0');
      expect((await state())?.stable?.version).toBe('2.0.0');

      // A re-run of an older tag's release job must not roll 1.5.0 out over stable 2.0.0.
      const older = startOrAttachRelease(fx.client, fx.release('1.5.0'));
      await expect(older).rejects.toBeInstanceOf(RolloutRefused);
      await expect(older).rejects.toThrow(/1\.5\.0 is older than stable 2\.0\.0; .*rollback --to 1\.5\.0/);
      const unchanged = await readStatus(fx.client, 'order-worker');
      expect(unchanged?.stable).toBe('2.0.0');
      expect(unchanged?.canary).toBeUndefined();
      expect((await state())?.stable?.version).toBe('2.0.0');
      expect(await fx.deployer.workers('canary')).toEqual([]);
    }, 300_000);

    it.sequential('a rollback Update during the 50% step stops the ramp; a rollback to a version never stable is refused and changes nothing', async () => {
      const fx = group.fx();
      const state = group.state;
      await startOrAttachRelease(fx.client, fx.release('4.0.0'));
      const at50 = await fx.waitFor(
        (s) => s.release?.version === '4.0.0' && s.canary?.weight === 50 && s.phase === 'analyzing',
        180_000,
        'v4 analysed at 50%',
      );
      const refused = sendRollback(fx.client, { config: controllerConfig(), to: '9.9.9', reason: 'test' });
      await expect(refused).rejects.toBeInstanceOf(RolloutRefused);
      await expect(refused).rejects.toThrow(
        /9\.9\.9 was never stable here; versions you can roll back to: 1\.0\.0, 2\.0\.0/,
      );
      const after = await readStatus(fx.client, 'order-worker');
      expect(after?.canary).toEqual({ version: '4.0.0', weight: 50 });
      expect(after?.history.filter((e) => e.event === 'request' && /9\.9\.9/.test(e.detail))).toEqual([]);
      expect(after?.outcomes.length).toBe(at50.outcomes.length);

      const answer = await sendRollback(fx.client, {
        config: controllerConfig(),
        reason: 'bad numbers at 50%',
        drainPolicy: 'terminate',
      });
      expect(answer.message).toMatch(/rolling back canary 4\.0\.0/);
      const done = await fx.waitForOutcome('4.0.0', 120_000, 'v4 rolled back');
      expect(releaseOutcome(done, '4.0.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'rolled-back',
        reasons: ['bad numbers at 50%'],
      });
      // The ramp stopped at 50%: no promotion, no further step.
      expect(done.history.some((e) => e.event === 'promote' && e.version === '4.0.0')).toBe(false);
      expect((await state())?.stable?.version).toBe('2.0.0');
      expect(await fx.deployer.workers('canary')).toEqual([]);
    }, 300_000);
  });

  describe.concurrent('the analysis verdict decides: fail rolls back, inconclusive holds', () => {
    const group = rolloutGroup('2.0.0');

    it.sequential('rolls back on its own when the analysis fails, and the canary stops', async () => {
      const fx = group.fx();
      const state = group.state;
      await startOrAttachRelease(
        fx.client,
        fx.release('3.0.0', { FAULT_PAYMENT_RATE: '0.8' }, controllerConfig({ drainPolicy: 'terminate' })),
      );
      const done = await fx.waitForOutcome('3.0.0', 180_000, 'v3 judged');
      const outcome = releaseOutcome(done, '3.0.0');
      expect(outcome, JSON.stringify(brief(done))).toMatchObject({ result: 'rolled-back' });
      expect(outcome?.reasons.join(' ')).toMatch(/analysis failed at 25%/);
      expect(done.analyses.filter((a) => a.version === '3.0.0').map((a) => a.verdict)).toEqual(['fail']);
      expect((await state())?.stable?.version).toBe('2.0.0');
      expect((await state())?.canary).toBeUndefined();
      expect(await fx.deployer.workers('canary')).toEqual([]);
    }, 300_000);

    it.sequential('holds on an inconclusive analysis until a person acts: resume goes on, promote-now promotes', async () => {
      const fx = group.fx();
      const doubtful = controllerConfig({ minSamples: 1_000_000, inconclusiveLimit: 0 });
      await expect(sendAction(fx.client, 'order-worker', 'resume')).rejects.toThrow(
        /nothing holds|no rollout/,
      );
      await startOrAttachRelease(fx.client, fx.release('7.0.0', undefined, doubtful));
      const held = await fx.waitFor((s) => s.phase === 'held', 120_000, 'v7 held');
      expect(held.hold?.reasons.join(' ')).toMatch(/inconclusive/);
      expect(held.canary).toEqual({ version: '7.0.0', weight: 25 });
      expect(
        (await sendAction(fx.client, 'order-worker', 'resume', { reason: 'checked by hand' })).message,
      ).toMatch(/resume accepted/);
      const heldAgain = await fx.waitFor(
        (s) => s.phase === 'held' && s.canary?.weight === 50,
        120_000,
        'v7 held at 50%',
      );
      expect(heldAgain.analyses.filter((a) => a.version === '7.0.0').map((a) => a.verdict)).toEqual([
        'inconclusive',
        'inconclusive',
      ]);
      await sendAction(fx.client, 'order-worker', 'promote-now', { reason: 'low traffic, fine' });
      const done = await fx.waitForOutcome('7.0.0', 120_000, 'v7 promoted');
      expect(releaseOutcome(done, '7.0.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
    }, 300_000);
  });

  describe.concurrent('a newer release supersedes one that ramps', () => {
    const group = rolloutGroup('2.0.0');

    it.sequential('the old canary is rolled back first, never two canaries', async () => {
      const fx = group.fx();
      const state = group.state;
      await startOrAttachRelease(
        fx.client,
        fx.release('5.0.0', undefined, controllerConfig({ drainPolicy: 'terminate' })),
      );
      await fx.waitFor((s) => s.canary?.version === '5.0.0', 120_000, 'v5 canary up');
      const answer = await startOrAttachRelease(fx.client, fx.release('6.0.0'));
      expect(answer.message).toMatch(/6\.0\.0 supersedes 5\.0\.0/);
      // An older release than the one in flight is refused.
      await expect(startOrAttachRelease(fx.client, fx.release('5.5.0'))).rejects.toThrow(
        /not newer than 6\.0\.0/,
      );
      const done = await fx.waitForOutcome('6.0.0', 240_000, 'v6 released');
      expect(releaseOutcome(done, '5.0.0')).toMatchObject({ result: 'superseded' });
      expect(releaseOutcome(done, '6.0.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
      const seqOf = (event: string, version: string) =>
        done.history.find((e) => e.event === event && e.version === version)?.seq ?? Number.NaN;
      expect(seqOf('superseded', '5.0.0')).toBeLessThan(seqOf('canary', '6.0.0'));
      expect((await state())?.stable?.version).toBe('6.0.0');
    }, 300_000);
  });
});

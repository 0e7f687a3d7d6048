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

describe('RolloutWorkflow (local deployer, real Prometheus)', () => {
  let fx: ControllerFixture;

  beforeAll(async () => {
    fx = await startControllerFixture();
    await fx.startWorker();
  }, 180_000);
  afterAll(async () => {
    await fx?.close();
  }, 120_000);

  const state = () => new FileStateStore(join(fx.dir.path, '.rollout', 'state.json')).load();

  it('installs the first release, then ramps 25% → 50% with an analysis at each step and promotes', async () => {
    const first = await startOrAttachRelease(fx.client, fx.release('1.0.0'));
    expect(first.message).toMatch(/accepted/);
    const installed = await fx.waitFor(
      (s) => releaseOutcome(s, '1.0.0') !== undefined,
      60_000,
      'v1 installed',
    );
    expect(releaseOutcome(installed, '1.0.0')).toMatchObject({ result: 'installed' });
    await fx.startTraffic();

    await startOrAttachRelease(fx.client, fx.release('2.0.0'));
    // The same request again attaches to the release in flight: one canary.
    expect((await startOrAttachRelease(fx.client, fx.release('2.0.0'))).message).toMatch(/attached/);
    const done = await fx.waitFor((s) => releaseOutcome(s, '2.0.0') !== undefined, 150_000, 'v2 released');
    expect(releaseOutcome(done, '2.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
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

  it('rolls back on its own when the analysis fails, and the canary stops', async () => {
    await startOrAttachRelease(
      fx.client,
      fx.release('3.0.0', { FAULT_PAYMENT_RATE: '0.8' }, controllerConfig({ drainPolicy: 'terminate' })),
    );
    const done = await fx.waitFor((s) => releaseOutcome(s, '3.0.0') !== undefined, 150_000, 'v3 judged');
    const outcome = releaseOutcome(done, '3.0.0');
    expect(outcome, JSON.stringify(brief(done))).toMatchObject({ result: 'rolled-back' });
    expect(outcome?.reasons.join(' ')).toMatch(/analysis failed at 25%/);
    expect(done.analyses.filter((a) => a.version === '3.0.0').map((a) => a.verdict)).toEqual(['fail']);
    expect((await state())?.stable?.version).toBe('2.0.0');
    expect((await state())?.canary).toBeUndefined();
    expect(await fx.deployer.workers('canary')).toEqual([]);
  }, 300_000);

  it('a rollback Update during the 50% step stops the ramp; a rollback to a version never stable is refused and changes nothing', async () => {
    await startOrAttachRelease(fx.client, fx.release('4.0.0'));
    const at50 = await fx.waitFor(
      (s) => s.release?.version === '4.0.0' && s.canary?.weight === 50 && s.phase === 'analyzing',
      150_000,
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
    const done = await fx.waitFor((s) => releaseOutcome(s, '4.0.0') !== undefined, 60_000, 'v4 rolled back');
    expect(releaseOutcome(done, '4.0.0'), JSON.stringify(brief(done))).toMatchObject({
      result: 'rolled-back',
      reasons: ['bad numbers at 50%'],
    });
    // The ramp stopped at 50%: no promotion, no further step.
    expect(done.history.some((e) => e.event === 'promote' && e.version === '4.0.0')).toBe(false);
    expect((await state())?.stable?.version).toBe('2.0.0');
    expect(await fx.deployer.workers('canary')).toEqual([]);
  }, 300_000);

  it('a newer release while one ramps supersedes it: the old canary is rolled back first, never two canaries', async () => {
    await startOrAttachRelease(
      fx.client,
      fx.release('5.0.0', undefined, controllerConfig({ drainPolicy: 'terminate' })),
    );
    await fx.waitFor((s) => s.canary?.version === '5.0.0', 60_000, 'v5 canary up');
    const answer = await startOrAttachRelease(fx.client, fx.release('6.0.0'));
    expect(answer.message).toMatch(/6\.0\.0 supersedes 5\.0\.0/);
    // An older release than the one in flight is refused.
    await expect(startOrAttachRelease(fx.client, fx.release('5.5.0'))).rejects.toThrow(
      /not newer than 6\.0\.0/,
    );
    const done = await fx.waitFor((s) => releaseOutcome(s, '6.0.0') !== undefined, 180_000, 'v6 released');
    expect(releaseOutcome(done, '5.0.0')).toMatchObject({ result: 'superseded' });
    expect(releaseOutcome(done, '6.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    const seqOf = (event: string, version: string) =>
      done.history.find((e) => e.event === event && e.version === version)?.seq ?? Number.NaN;
    expect(seqOf('superseded', '5.0.0')).toBeLessThan(seqOf('canary', '6.0.0'));
    expect((await state())?.stable?.version).toBe('6.0.0');
  }, 300_000);

  it('holds on an inconclusive analysis until a person acts: resume goes on, promote-now promotes', async () => {
    const doubtful = controllerConfig({ minSamples: 1_000_000, inconclusiveLimit: 0 });
    await expect(sendAction(fx.client, 'order-worker', 'resume')).rejects.toThrow(/nothing holds|no rollout/);
    await startOrAttachRelease(fx.client, fx.release('7.0.0', undefined, doubtful));
    const held = await fx.waitFor((s) => s.phase === 'held', 90_000, 'v7 held');
    expect(held.hold?.reasons.join(' ')).toMatch(/inconclusive/);
    expect(held.canary).toEqual({ version: '7.0.0', weight: 25 });
    expect(
      (await sendAction(fx.client, 'order-worker', 'resume', { reason: 'checked by hand' })).message,
    ).toMatch(/resume accepted/);
    const heldAgain = await fx.waitFor(
      (s) => s.phase === 'held' && s.canary?.weight === 50,
      90_000,
      'v7 held at 50%',
    );
    expect(heldAgain.analyses.filter((a) => a.version === '7.0.0').map((a) => a.verdict)).toEqual([
      'inconclusive',
      'inconclusive',
    ]);
    await sendAction(fx.client, 'order-worker', 'promote-now', { reason: 'low traffic, fine' });
    const done = await fx.waitFor((s) => releaseOutcome(s, '7.0.0') !== undefined, 60_000, 'v7 promoted');
    expect(releaseOutcome(done, '7.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
  }, 300_000);
});

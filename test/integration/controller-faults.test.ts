// Faults a durable rollout must survive, each with real processes: the attached `release` command killed
// mid-ramp, a `controller` killed inside an activity, the dev server restarted on its database file, and a
// drain that outlives the attached job. Prints how long each took to converge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseOutcome, rolloutWorkflowId } from '../../actions/src/controller/api.js';
import { readStatus, startOrAttachRelease } from '../../actions/src/controller/client.js';
import { approveSignal } from '../../worker/src/workflows/definitions.js';
import type { ManagedProcess } from '../support/process.js';
import { brief, type ControllerFixture, startControllerFixture } from './controller-support.js';
import { alivePids, order } from './rollout-support.js';

const APP = 'order-worker';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const measured: string[] = [];

function sigkill(proc: ManagedProcess): Promise<number | null> {
  process.kill(proc.pid, 'SIGKILL');
  return proc.exited;
}

describe('RolloutWorkflow under faults (real processes, dev server on a database file)', () => {
  let fx: ControllerFixture;
  const releaseArgs = (version: string, extra: string[] = []) => [
    '--version',
    version,
    '--image',
    `file:${fx.infra.rollout.workerEntry}`,
    '--drain-poll',
    '500ms',
    '--heartbeat-timeout',
    '5s',
    ...extra,
  ];

  beforeAll(async () => {
    fx = await startControllerFixture({ persistent: true });
    const controller = await fx.cli('controller', [], 'controller-0');
    await startOrAttachRelease(fx.client, fx.release('v1.0.0'));
    await fx.waitFor((s) => releaseOutcome(s, 'v1.0.0') !== undefined, 90_000, 'v1 installed');
    await controller.stop();
    await fx.startTraffic(2_000);
  }, 240_000);
  afterAll(async () => {
    console.log(`controller faults:\n  ${measured.join('\n  ')}`);
    await fx?.close();
  }, 120_000);

  it('SIGKILL of the attached release mid-ramp: a re-run attaches to the same rollout, same canary, the ramp goes on', async () => {
    const first = await fx.cli('release', releaseArgs('v2.0.0'), 'release-1');
    const at10 = await fx.waitFor(
      (s) => s.canary?.version === 'v2.0.0' && s.phase === 'analyzing',
      120_000,
      'v2 analysed at 25%',
    );
    const canaryPids = await alivePids(fx.deployer, 'canary');
    expect(canaryPids.length).toBe(1);
    await sigkill(first);
    const killedAt = Date.now();
    const rerun = await fx.cli('release', releaseArgs('v2.0.0'), 'release-2');
    await fx.waitFor((s) => s.canary?.weight === 50, 120_000, 'v2 at 50%');
    // The same canary workers took the next step: nothing was deployed twice.
    expect(await alivePids(fx.deployer, 'canary')).toEqual(canaryPids);
    const code = await rerun.exited;
    // A worker to answer the status Query now that the job that ran the rollout has left.
    const reader = await fx.startWorker('status-reader');
    const done = await fx.waitFor((s) => releaseOutcome(s, 'v2.0.0') !== undefined, 10_000, 'v2 outcome');
    expect(code, rerun.output()).toBe(0);
    expect(rerun.output()).toMatch(/attached to the release of v2\.0\.0 in progress/);
    expect(releaseOutcome(done, 'v2.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    // One canary for the whole release: placed once at 25%, reweighted to 50% on the same worker process.
    const placed = done.history.filter((e) => e.event === 'canary' && e.version === 'v2.0.0');
    expect(placed.map((e) => e.detail.match(/gets (\d+)%/)?.[1])).toEqual(['25', '50']);
    expect(done.analyses.filter((a) => a.version === 'v2.0.0').map((a) => a.weight)).toEqual([25, 50]);
    expect(at10.step?.index).toBe(1);
    measured.push(
      `attached release SIGKILLed at 25%: re-run attached, one canary, promoted ${seconds(Date.parse(releaseOutcome(done, 'v2.0.0')?.at ?? '') - killedAt)} after the kill`,
    );
    await reader.stop();
  }, 300_000);

  it('SIGKILL of the rollout worker inside an activity: another worker resumes, the retry converges', async () => {
    const doomed = await fx.cli('controller', [], 'controller-1');
    await startOrAttachRelease(fx.client, fx.release('v3.0.0'));
    const handle = fx.client.workflow.getHandle(rolloutWorkflowId(APP));
    let activity = '';
    const deadline = Date.now() + 120_000;
    while (!activity && Date.now() < deadline) {
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      const running = pending.find((a) => a.activityType?.name === 'placeCanary' && a.state === 2);
      if (running) activity = running.activityType?.name ?? '';
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(activity).toBe('placeCanary');
    await sigkill(doomed);
    const killedAt = Date.now();
    const rescuer = await fx.cli('controller', [], 'controller-2');
    const done = await fx.waitFor((s) => releaseOutcome(s, 'v3.0.0') !== undefined, 180_000, 'v3 outcome');
    expect(releaseOutcome(done, 'v3.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    expect(done.stable).toBe('v3.0.0');
    measured.push(
      `controller SIGKILLed inside placeCanary: another controller promoted ${seconds(Date.now() - killedAt)} after the kill (heartbeat timeout 5 s)`,
    );
    await rescuer.stop();
  }, 300_000);

  it('the dev server stopped and restarted on its database file mid-rollout: the rollout resumes', async () => {
    const controller = await fx.cli('controller', [], 'controller-3');
    await startOrAttachRelease(fx.client, fx.release('v4.0.0'));
    await fx.waitFor((s) => s.canary?.version === 'v4.0.0' && s.phase === 'analyzing', 120_000, 'v4 at 25%');
    const downAt = Date.now();
    await fx.restartServer();
    const upAt = Date.now();
    const done = await fx.waitFor((s) => releaseOutcome(s, 'v4.0.0') !== undefined, 180_000, 'v4 outcome');
    expect(releaseOutcome(done, 'v4.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    measured.push(
      `dev server restarted at 25% (down ${seconds(upAt - downAt)}): promoted ${seconds(Date.now() - upAt)} after it was back`,
    );
    await controller.stop();
  }, 300_000);

  it('a drain longer than the attached job: it leaves saying who finishes it, and the controller promotes after the old run ends', async () => {
    // An order on v4 that waits for a person's approval keeps v4 draining.
    const open = await fx.client.workflow.start('OrderWorkflow', {
      taskQueue: 'order-task-queue-v4',
      workflowId: `open-order-${Date.now()}`,
      args: [order('open-1', 200_000)],
    });
    const alone = await fx.cli(
      'release',
      releaseArgs('v5.0.0', ['--max-wait', '75s', '--history-limit', '300']),
      'release-alone',
    );
    expect(await alone.exited, alone.output()).toBe(3);
    expect(alone.output()).toMatch(/no other rollout worker polls task queue temporal-rollout/);
    expect(alone.output()).toMatch(/temporal-rollout controller/);
    const controller = await fx.cli('controller', ['--identity', 'in-cluster-controller'], 'controller-4');
    const handed = await fx.cli('release', releaseArgs('v5.0.0'), 'release-handed');
    expect(await handed.exited, handed.output()).toBe(0);
    expect(handed.output()).toMatch(
      /leaving the promote of v5\.0\.0.*to the rollout worker\(s\) in-cluster-controller/s,
    );
    const draining = await fx.waitFor((s) => s.drain !== undefined, 10_000, 'v5 draining');
    measured.push(
      `the drain began with ${draining.historyLength} events in run ${draining.continuedAsNew + 1}`,
    );
    expect(draining.drain).toMatchObject({ kind: 'promote', leaving: 'v4.0.0', openRuns: 1 });
    // History size: events per drain poll, read off the live run (two reads in the same run), and what a
    // 1-hour drain would add.
    let perPoll = Number.NaN;
    for (let attempt = 0; attempt < 5 && Number.isNaN(perPoll); attempt++) {
      const a = await readStatus(fx.client, APP);
      await new Promise((r) => setTimeout(r, 3_000));
      const b = await readStatus(fx.client, APP);
      const polls = (b?.drain?.polls ?? 0) - (a?.drain?.polls ?? 0);
      if (a && b && a.continuedAsNew === b.continuedAsNew && polls > 0) {
        perPoll = (b.historyLength - a.historyLength) / polls;
      }
    }
    expect(perPoll).toBeGreaterThan(0);
    measured.push(
      `history: ${perPoll.toFixed(1)} events per drain poll → a 1-hour drain at the default 30 s poll adds ≈${Math.round(perPoll * 120)} events; continue-as-new at --history-limit (default 2,000) bounds each run`,
    );
    const approvedAt = Date.now();
    await open.signal(approveSignal, { approver: 'test' });
    const done = await fx.waitFor((s) => releaseOutcome(s, 'v5.0.0') !== undefined, 120_000, 'v5 promoted');
    expect(releaseOutcome(done, 'v5.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    // The drain continued as new (history limit 300) and the new run finished it.
    expect(done.continuedAsNew).toBeGreaterThanOrEqual(1);
    expect(done.history.some((e) => e.event === 'continue-as-new')).toBe(true);
    measured.push(
      `release of v5 (3 steps): ${done.continuedAsNew} continue-as-new during its drain; the last run has ${done.historyLength} events`,
    );
    measured.push(
      `drain outlived the attached job (it left with exit 3, then handed over): the controller promoted ${seconds(Date.now() - approvedAt)} after the last old run was approved`,
    );
    await controller.stop();
  }, 400_000);
});

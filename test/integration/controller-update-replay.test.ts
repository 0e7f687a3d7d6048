// A release Update that reaches a rollout already running (the re-run of a killed `release` attaching through
// update-with-start) must leave a history a cold worker replays. Recorded from the real rollout worker, then
// replayed by a fresh replay worker with the SDK's own replayer.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseOutcome, rolloutWorkflowId } from '../../actions/src/controller/api.js';
import { sendAction, startOrAttachRelease } from '../../actions/src/controller/client.js';
import {
  brief,
  type ControllerFixture,
  controllerConfig,
  startControllerFixture,
} from './controller-support.js';

const APP = 'order-worker';

describe('RolloutWorkflow history with a release Update on a running rollout', () => {
  let fx: ControllerFixture;
  let first: { stop(): Promise<void> };

  beforeAll(async () => {
    fx = await startControllerFixture();
    first = await fx.startWorker('rollout-worker-1');
  }, 180_000);
  afterAll(async () => {
    await fx?.close();
  }, 120_000);

  it('replays on a fresh worker: attach while the canary holds, then abort', async () => {
    await startOrAttachRelease(fx.client, fx.release('v1.0.0'));
    await fx.waitFor((s) => releaseOutcome(s, 'v1.0.0') !== undefined, 60_000, 'v1 installed');

    // No traffic and an impossible sample count: the analysis is inconclusive, so the canary holds.
    const doubtful = controllerConfig();
    doubtful.analysis = { ...doubtful.analysis, minSamples: 1_000_000, inconclusiveLimit: 0 };
    await startOrAttachRelease(fx.client, fx.release('v2.0.0', undefined, doubtful));
    await fx.waitFor((s) => s.phase === 'held', 120_000, 'v2 held');
    // The attached process is gone; its re-run brings a cold worker (no cached workflow) and sends the same
    // release through update-with-start, on the running rollout.
    await first.stop();
    await fx.startWorker('rollout-worker-2');
    const attached = await startOrAttachRelease(fx.client, fx.release('v2.0.0', undefined, doubtful));
    expect(attached.message).toMatch(/attached/);
    await sendAction(fx.client, APP, 'abort', { reason: 'test' });
    const done = await fx.waitFor((s) => releaseOutcome(s, 'v2.0.0') !== undefined, 60_000, 'v2 aborted');
    expect(releaseOutcome(done, 'v2.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'aborted' });

    const handle = fx.client.workflow.getHandle(rolloutWorkflowId(APP));
    const history = await handle.fetchHistory();
    const readStates = (history.events ?? []).filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'readState',
    ).length;
    expect(readStates).toBeGreaterThanOrEqual(1);
    await expect(
      Worker.runReplayHistory({ workflowBundle: fx.bundle }, history, rolloutWorkflowId(APP)),
    ).resolves.toBeUndefined();
  }, 300_000);
});

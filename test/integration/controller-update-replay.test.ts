// A release Update that reaches a rollout already running (the re-run of a killed `release` attaching through
// update-with-start) must leave a history a cold worker replays: attached while the canary holds, and attached
// (three times, each from a cold worker) while a drain that continued as new goes on. Recorded from the real
// rollout worker, then replayed by a fresh replay worker with the SDK's own replayer. Both cases also pass on
// the code from before the Update handlers stopped scheduling readState: they guard these paths, they did not
// reproduce the TMPRL1100 seen once.
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseOutcome, rolloutWorkflowId } from '../../actions/src/controller/api.js';
import { sendAction, startOrAttachRelease } from '../../actions/src/controller/client.js';
import { approveSignal } from '../../worker/src/workflows/definitions.js';
import {
  brief,
  type ControllerFixture,
  controllerConfig,
  startControllerFixture,
} from './controller-support.js';
import { postOrders, startStarter } from './rollout-support.js';

const APP = 'order-worker';

/** Every run of the rollout (continued-as-new ones too), oldest first, with the histories the server holds. */
async function runsOf(client: Client) {
  const runs = [];
  for await (const run of client.workflow.list({ query: `WorkflowId = '${rolloutWorkflowId(APP)}'` })) {
    const handle = client.workflow.getHandle(run.workflowId, run.runId);
    runs.push({ runId: run.runId, start: run.startTime.getTime(), history: await handle.fetchHistory() });
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** Workflow task failures a worker reported (a non-determinism error among them), with their messages. */
function taskFailures(history: Awaited<ReturnType<typeof runsOf>>[number]['history']): string[] {
  return (history.events ?? [])
    .filter((e) => e.workflowTaskFailedEventAttributes)
    .map((e) => e.workflowTaskFailedEventAttributes?.failure?.message ?? '?');
}

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
    await startOrAttachRelease(fx.client, fx.release('1.0.0'));
    await fx.waitForOutcome('1.0.0', 60_000, 'v1 installed');

    // No traffic and an impossible sample count: the analysis is inconclusive, so the canary holds.
    const doubtful = controllerConfig({ minSamples: 1_000_000, inconclusiveLimit: 0 });
    await startOrAttachRelease(fx.client, fx.release('2.0.0', undefined, doubtful));
    await fx.waitFor((s) => s.phase === 'held', 120_000, 'v2 held');
    // The attached process is gone; its re-run brings a cold worker (no cached workflow) and sends the same
    // release through update-with-start, on the running rollout.
    await first.stop();
    await fx.startWorker('rollout-worker-2');
    const attached = await startOrAttachRelease(fx.client, fx.release('2.0.0', undefined, doubtful));
    expect(attached.message).toMatch(/attached/);
    await sendAction(fx.client, APP, 'abort', { reason: 'test' });
    const done = await fx.waitForOutcome('2.0.0', 60_000, 'v2 aborted');
    expect(releaseOutcome(done, '2.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'aborted' });

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

  it('replays on a fresh worker: a re-run attaches to a drain that continued as new', async () => {
    // An order on 1.0.0 that waits for a person keeps 1.0.0 draining once 3.0.0 takes all new work.
    const starter = await startStarter({ server: { address: fx.address }, deployer: fx.deployer });
    let worker = await fx.startWorker('rollout-worker-3');
    try {
      const openId = `open-${Date.now()}`;
      await postOrders(starter.url, [openId], 200_000);
      // No traffic: the analysis at 50% is inconclusive and holds; promote-now starts the drain.
      const doubtful = controllerConfig({
        steps: '[ { weight: 50 }, { weight: 100 } ]',
        minSamples: 1_000_000,
        inconclusiveLimit: 0,
      });
      const request = fx.release('3.0.0', undefined, doubtful);
      request.timing = { ...request.timing, historyLimit: 150 };
      await startOrAttachRelease(fx.client, request);
      await fx.waitFor((s) => s.phase === 'held', 120_000, '3.0.0 held');
      await sendAction(fx.client, APP, 'promote-now', { reason: 'test' });
      await fx.waitFor(
        (s) => s.continuedAsNew >= 1 && s.drain !== undefined,
        120_000,
        '3.0.0 drain continued',
      );
      // Each re-run of the killed job brings a cold worker and attaches while the continued run drains.
      for (let rerun = 4; rerun <= 6; rerun++) {
        await worker.stop();
        worker = await fx.startWorker(`rollout-worker-${rerun}`);
        const attached = await startOrAttachRelease(fx.client, request);
        expect(attached.message).toMatch(/attached to the release of 3\.0\.0/);
        await new Promise((r) => setTimeout(r, 1_500));
      }
      await fx.client.workflow.getHandle(openId).signal(approveSignal, { approver: 'test' });
      const done = await fx.waitForOutcome('3.0.0', 120_000, '3.0.0 promoted');
      expect(releaseOutcome(done, '3.0.0'), JSON.stringify(brief(done))).toMatchObject({
        result: 'promoted',
      });
    } finally {
      await worker.stop();
      await starter.process.stop();
    }
    const runs = await runsOf(fx.client);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) {
      expect(taskFailures(run.history), run.runId).toEqual([]);
      await expect(
        Worker.runReplayHistory({ workflowBundle: fx.bundle }, run.history, run.runId),
      ).resolves.toBeUndefined();
    }
  }, 300_000);
});

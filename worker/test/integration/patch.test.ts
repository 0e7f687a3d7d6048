import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTemporal, type TemporalDevServer } from '../../../scripts/local-platform/temporal.js';
import { createOrderActivities, createPaymentActivities } from '../../src/activities/index.js';
import { loadWorkerConfig } from '../../src/config.js';
import type { OrderResult } from '../../src/domain.js';
import { WORKFLOWS_PATH } from '../../src/workers.js';
import { NOTIFY_CUSTOMER_PATCH } from '../../src/workflows/definitions.js';
import { makeOrder } from '../support/orders.js';
import { ControlledServices } from '../support/services.js';

// The one patched() guard: runs recorded before the notify-customer change keep the old path on replay.
describe('patched(notify-customer)', () => {
  let server: TemporalDevServer;

  beforeAll(async () => {
    server = await startTemporal();
  });
  afterAll(async () => {
    await server?.teardown();
  });

  async function runOrder(tag: string, patchActive: boolean) {
    const suffix = `${tag}-${Date.now().toString(36)}`;
    const config = loadWorkerConfig({
      ORDER_TASK_QUEUE: `orders-${suffix}`,
      PAYMENT_TASK_QUEUE: `payments-${suffix}`,
    });
    const services = new ControlledServices();
    const base = { connection: server.env.nativeConnection, namespace: 'default' };
    const orderWorker = await Worker.create({
      ...base,
      taskQueue: config.orderTaskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities: createOrderActivities({ ...services.services, settings: config.settings }),
      // false = the code as it was before the change: the patch stays inactive and no marker is written.
      ...(patchActive ? {} : { patchActivationCallback: () => false }),
    });
    const paymentWorker = await Worker.create({
      ...base,
      taskQueue: config.paymentTaskQueue,
      activities: createPaymentActivities(services.services),
    });
    const order = makeOrder();
    const handle = await server.env.client.workflow.start('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: config.orderTaskQueue,
      args: [order],
    });
    const result = (await orderWorker.runUntil(paymentWorker.runUntil(handle.result()))) as OrderResult;
    return {
      result,
      history: await handle.fetchHistory(),
      notified: services.count('notify', order.orderId),
    };
  }

  it('old runs (no marker) and new runs (marker) both replay on the current code', async () => {
    const old = await runOrder('old', false);
    expect(old.result.outcome).toBe('COMPLETED');
    expect(old.result.status.attempts.notifyCustomer).toBeUndefined();
    expect(old.notified).toBe(0);
    const markerOf = (h: typeof old.history) =>
      (h.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
    expect(markerOf(old.history)).toHaveLength(0);

    const fresh = await runOrder('new', true);
    expect(fresh.result.status.attempts.notifyCustomer).toBe(1);
    expect(fresh.notified).toBe(1);
    const [marker] = markerOf(fresh.history);
    const data = marker?.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    expect(JSON.parse(Buffer.from(data ?? []).toString())).toEqual({
      id: NOTIFY_CUSTOMER_PATCH,
      deprecated: false,
    });

    const replays = Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH }, [
      { workflowId: 'old', history: old.history },
      { workflowId: 'new', history: fresh.history },
    ]);
    const outcomes: Record<string, string> = {};
    for await (const r of replays) outcomes[r.workflowId] = r.error ? String(r.error) : 'ok';
    expect(outcomes).toEqual({ old: 'ok', new: 'ok' });
  });
});

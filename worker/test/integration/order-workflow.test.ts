import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../scripts/local-platform/eventually.js';
import {
  CUSTOMER_TIER,
  ORDER_ID,
  startTemporal,
  type TemporalDevServer,
} from '../../../scripts/local-platform/temporal.js';
import { loadWorkerConfig, type WorkerConfig } from '../../src/config.js';
import type { Order, OrderResult, OrderStage, OrderStatus } from '../../src/domain.js';
import { stageSearchAttribute } from '../../src/search-attributes.js';
import { createOrderWorkers } from '../../src/workers.js';
import { approveSignal, rejectSignal, statusQuery } from '../../src/workflows/definitions.js';
import { makeOrder } from '../support/orders.js';
import { ControlledServices } from '../support/services.js';

const STAGE = stageSearchAttribute('OrderStage');

describe('OrderWorkflow on a real dev server', () => {
  let server: TemporalDevServer;
  let config: WorkerConfig;
  let services: ControlledServices;
  let running: Promise<unknown>;
  let workers: { order: Worker; payment: Worker };

  beforeAll(async () => {
    server = await startTemporal({ extraArgs: ['--search-attribute', 'OrderStage=Keyword'] });
    const suffix = Date.now().toString(36);
    config = loadWorkerConfig({
      ORDER_TASK_QUEUE: `orders-${suffix}`,
      PAYMENT_TASK_QUEUE: `payments-${suffix}`,
      RETRY_MAX_ATTEMPTS: '3',
      RETRY_INITIAL_INTERVAL: '50ms',
      APPROVAL_THRESHOLD_CENTS: '50000',
      APPROVAL_TIMEOUT: '2s',
      COMPENSATION_MAX_ATTEMPTS: '2',
      COMPENSATION_ROUNDS: '3',
      COMPENSATION_ROUND_DELAY: '200ms',
      STAGE_SEARCH_ATTRIBUTE: 'OrderStage',
      SHUTDOWN_GRACE_MS: '1000',
    });
    services = new ControlledServices();
    workers = await createOrderWorkers(config, {
      connection: server.env.nativeConnection,
      services: services.services,
      meter: Runtime.instance().metricMeter,
    });
    running = Promise.all([workers.order.run(), workers.payment.run()]);
  });

  afterAll(async () => {
    for (const w of [workers?.order, workers?.payment]) if (w?.getState() === 'RUNNING') w.shutdown();
    await running?.catch(() => undefined);
    await server?.teardown();
  });

  const start = (order: Order) =>
    server.env.client.workflow.start('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: config.orderTaskQueue,
      args: [order],
      typedSearchAttributes: [{ key: CUSTOMER_TIER, value: order.customerTier }],
    });

  const stageOf = async (workflowId: string, stage: OrderStage) =>
    eventually(
      async () => {
        const status = await server.env.client.workflow.getHandle(workflowId).query(statusQuery);
        return status.stage === stage ? status : undefined;
      },
      15_000,
      `stage ${stage} of ${workflowId}`,
    );

  it('completes the happy path: every step once, search attributes set, customer notified (patched path)', async () => {
    const order = makeOrder({ customerTier: 'silver' });
    const handle = await start(order);
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('COMPLETED');
    expect(result.status.stage).toBe('COMPLETED');
    expect(result.status.attempts).toEqual({
      reserveInventory: 1,
      chargePayment: 1,
      shipOrder: 1,
      notifyCustomer: 1,
    });
    expect(result.status.compensations).toEqual([]);
    expect(result.status.approval).toEqual({ required: false });
    expect(result.status.trackingNumber).toBe(`trk-${order.orderId}`);
    expect(result.status.paymentId).toMatch(/^pay-/);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(ORDER_ID)).toBe(order.orderId);
    expect(described.typedSearchAttributes.get(CUSTOMER_TIER)).toBe('silver');
    expect(described.typedSearchAttributes.get(STAGE)).toBe('COMPLETED');
    const history = await handle.fetchHistory();
    const markers = (history.events ?? []).filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
    );
    expect(markers).toHaveLength(1);
    expect(services.count('notify', order.orderId)).toBe(1);
  });

  it('answers the status query at each stage and indexes the stage for visibility', async () => {
    const order = makeOrder({ amountCents: 75_000, customerTier: 'gold' });
    for (const op of ['reserve', 'charge', 'ship'] as const) services.hold(op, order.orderId);
    const handle = await start(order);

    const reserving = await stageOf(order.orderId, 'RESERVING_INVENTORY');
    expect(reserving.reservationId).toBeUndefined();
    services.release('reserve', order.orderId);

    const charging = await stageOf(order.orderId, 'CHARGING_PAYMENT');
    expect(charging.reservationId).toMatch(/^res-/);
    expect(charging.attempts).toEqual({ reserveInventory: 1 });
    services.release('charge', order.orderId);

    const awaiting = await stageOf(order.orderId, 'AWAITING_APPROVAL');
    expect(awaiting.paymentId).toMatch(/^pay-/);
    expect(awaiting.approval).toEqual({ required: true });
    const listed = await eventually(async () => {
      const found: string[] = [];
      for await (const wf of server.env.client.workflow.list({
        query: `OrderStage = "AWAITING_APPROVAL" AND CustomerTier = "gold" AND OrderID = "${order.orderId}"`,
      })) {
        found.push(wf.workflowId);
      }
      return found.length > 0 ? found : undefined;
    });
    expect(listed).toEqual([order.orderId]);

    await handle.signal(approveSignal, { approver: 'alice', reason: 'known customer' });
    const shipping = await stageOf(order.orderId, 'SHIPPING');
    expect(shipping.approval).toMatchObject({ required: true, decision: 'APPROVED', decidedBy: 'alice' });
    services.release('ship', order.orderId);

    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('COMPLETED');
    const done = await handle.query(statusQuery);
    expect(done.stage).toBe('COMPLETED');
    expect(done.approval.waitedMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects a declined payment and releases the inventory (no refund: nothing was charged)', async () => {
    const order = makeOrder({ paymentToken: 'tok_decline_insufficient_funds' });
    const result: OrderResult = await (await start(order)).result();
    expect(result.outcome).toBe('REJECTED');
    expect(result.status.failure).toContain('PaymentDeclined');
    expect(result.status.attempts.chargePayment).toBe(1);
    expect(result.status.compensations).toEqual([
      { step: 'releaseInventory', reference: order.orderId, status: 'COMPLETED', attempts: 1, rounds: 1 },
    ]);
    expect(services.count('charge', order.orderId)).toBe(1);
    expect(services.count('refund', order.orderId)).toBe(0);
  });

  it('ships after an approve signal', async () => {
    const order = makeOrder({ amountCents: 60_000 });
    const handle = await start(order);
    await stageOf(order.orderId, 'AWAITING_APPROVAL');
    await handle.signal(approveSignal, { approver: 'bob' });
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('COMPLETED');
    expect(result.status.approval.decision).toBe('APPROVED');
  });

  it('refunds and releases, in that order, after a reject signal', async () => {
    const order = makeOrder({ amountCents: 60_000 });
    const handle = await start(order);
    await stageOf(order.orderId, 'AWAITING_APPROVAL');
    await handle.signal(rejectSignal, { approver: 'carol', reason: 'fraud check' });
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('REJECTED');
    expect(result.status.approval).toMatchObject({
      decision: 'REJECTED',
      decidedBy: 'carol',
      reason: 'fraud check',
    });
    expect(result.status.compensations.map((c) => [c.step, c.status])).toEqual([
      ['refundPayment', 'COMPLETED'],
      ['releaseInventory', 'COMPLETED'],
    ]);
    expect(services.count('ship', order.orderId)).toBe(0);
  });

  it('rejects and compensates when nobody decides before the approval timeout', async () => {
    const order = makeOrder({ amountCents: 90_000 });
    const started = Date.now();
    const result: OrderResult = await (await start(order)).result();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(result.outcome).toBe('REJECTED');
    expect(result.status.approval.decision).toBe('TIMED_OUT');
    expect(result.status.approval.waitedMs).toBeGreaterThanOrEqual(2_000);
    expect(result.status.compensations.map((c) => c.step)).toEqual(['refundPayment', 'releaseInventory']);
  });

  it('compensates a cancelled order and ends the run as cancelled', async () => {
    const order = makeOrder({ amountCents: 80_000 });
    const handle = await start(order);
    await stageOf(order.orderId, 'AWAITING_APPROVAL');
    await handle.cancel();
    const error = await handle.result().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    const status: OrderStatus = await handle.query(statusQuery);
    expect(status.stage).toBe('CANCELLED');
    expect(status.failure).toBe('cancelled at AWAITING_APPROVAL');
    expect(status.compensations.map((c) => [c.step, c.status])).toEqual([
      ['refundPayment', 'COMPLETED'],
      ['releaseInventory', 'COMPLETED'],
    ]);
    expect((await handle.describe()).status.name).toBe('CANCELLED');
  });

  it('retries a flaky step and shows the attempts in status', async () => {
    const order = makeOrder();
    services.failTimes('ship', order.orderId, 2);
    const result: OrderResult = await (await start(order)).result();
    expect(result.outcome).toBe('COMPLETED');
    expect(result.status.attempts.shipOrder).toBe(3);
  });

  it('fails the run after RETRY_MAX_ATTEMPTS and compensates what was done', async () => {
    const order = makeOrder();
    services.failTimes('ship', order.orderId, 10);
    const handle = await start(order);
    const error = await handle.result().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(String((error as WorkflowFailedError).cause?.message)).toContain('failed at SHIPPING');
    expect(services.count('ship', order.orderId)).toBe(3);
    const status = await handle.query(statusQuery);
    expect(status.stage).toBe('FAILED');
    expect(status.attempts.shipOrder).toBe(3);
    expect(status.compensations.map((c) => [c.step, c.status])).toEqual([
      ['refundPayment', 'COMPLETED'],
      ['releaseInventory', 'COMPLETED'],
    ]);
  });

  it('retries a failing compensation in rounds and records how it went', async () => {
    const order = makeOrder({ amountCents: 55_000 });
    services.failTimes('refund', order.orderId, 3);
    const handle = await start(order);
    await stageOf(order.orderId, 'AWAITING_APPROVAL');
    await handle.signal(rejectSignal, { approver: 'dave' });
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('REJECTED');
    // 2 attempts per round: round 1 fails twice, round 2 fails once and then succeeds.
    expect(result.status.compensations[0]).toEqual({
      step: 'refundPayment',
      reference: order.orderId,
      status: 'COMPLETED',
      attempts: 2,
      rounds: 2,
    });
    expect(services.count('refund', order.orderId)).toBe(4);
  });

  it('surfaces a compensation that never succeeds by failing the run with every detail', async () => {
    const order = makeOrder({ amountCents: 55_000 });
    services.failTimes('refund', order.orderId, 100);
    const handle = await start(order);
    await stageOf(order.orderId, 'AWAITING_APPROVAL');
    await handle.signal(rejectSignal, { approver: 'erin' });
    const error = await handle.result().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause;
    expect(cause?.message).toContain('compensations still failing: refundPayment');
    const status = await handle.query(statusQuery);
    expect(status.stage).toBe('FAILED');
    expect(status.compensations.map((c) => [c.step, c.status, c.rounds])).toEqual([
      ['refundPayment', 'FAILED', 3],
      ['releaseInventory', 'COMPLETED', 1],
    ]);
    expect(services.count('refund', order.orderId)).toBe(6);
  });

  it('finds orders by CustomerTier through visibility', async () => {
    const tier = `platinum-${Date.now().toString(36)}`;
    const orders = [makeOrder({ customerTier: tier }), makeOrder({ customerTier: tier }), makeOrder()];
    await Promise.all(orders.map(async (o) => (await start(o)).result()));
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of server.env.client.workflow.list({ query: `CustomerTier = "${tier}"` }))
        ids.push(wf.workflowId);
      return ids.length === 2 ? ids.sort() : undefined;
    });
    expect(found).toEqual([orders[0]?.orderId, orders[1]?.orderId].sort());
  });
});

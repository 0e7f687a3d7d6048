import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { createOrderActivities, createPaymentActivities } from '../../src/activities/index.js';
import { DEFAULT_ORDER_SETTINGS, type Order } from '../../src/domain.js';
import { NO_FAULTS, simulatedServices } from '../../src/services/simulated.js';
import { makeOrder } from '../support/orders.js';

function activitiesWith(options: Partial<Parameters<typeof simulatedServices>[0]> = {}) {
  const services = simulatedServices({
    inventory: NO_FAULTS,
    payment: NO_FAULTS,
    shipping: NO_FAULTS,
    compensationFailureRate: 0,
    ...options,
  });
  return {
    order: createOrderActivities({ ...services, settings: DEFAULT_ORDER_SETTINGS }),
    payment: createPaymentActivities(services),
  };
}

/** MockActivityEnvironment.run cannot infer the result type of a method; this keeps it. */
function run<R>(env: MockActivityEnvironment, fn: () => Promise<R>): Promise<R> {
  return env.run(fn) as Promise<R>;
}

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('order and payment activities (MockActivityEnvironment)', () => {
  const order: Order = makeOrder({ orderId: 'order-unit-1' });

  it('reserves inventory idempotently and reports the attempt', async () => {
    const { order: acts } = activitiesWith();
    const env = new MockActivityEnvironment({ attempt: 3 });
    const first = await run(env, () => acts.reserveInventory(order));
    expect(first.attempt).toBe(3);
    expect(first.value.reservationId).toMatch(/^res-/);
    const again = await run(env, () => acts.reserveInventory(order));
    expect(again.value.reservationId).toBe(first.value.reservationId);
    expect((await run(env, () => acts.releaseInventory(order.orderId))).value).toEqual({ released: true });
    expect((await run(env, () => acts.releaseInventory(order.orderId))).value).toEqual({ released: false });
  });

  it('turns a declined card into a non-retryable PaymentDeclined failure carrying the attempt', async () => {
    const { payment } = activitiesWith();
    const env = new MockActivityEnvironment({ attempt: 1 });
    const err = await failure(
      run(env, () => payment.chargePayment({ ...order, paymentToken: 'tok_decline_stolen' })),
    );
    expect(err.type).toBe('PaymentDeclined');
    expect(err.nonRetryable).toBe(true);
    expect(err.details).toEqual([{ attempt: 1 }]);
  });

  it('turns an out-of-stock sku into a non-retryable OutOfStock failure', async () => {
    const { order: acts } = activitiesWith();
    const env = new MockActivityEnvironment();
    const err = await failure(
      run(env, () => acts.reserveInventory({ ...order, items: [{ sku: 'OUT-OF-STOCK-9', quantity: 1 }] })),
    );
    expect(err.type).toBe('OutOfStock');
    expect(err.nonRetryable).toBe(true);
  });

  it('makes injected faults retryable ServiceUnavailable failures', async () => {
    const { payment } = activitiesWith({ payment: { failureRate: 1, latencyMs: 0 } });
    const env = new MockActivityEnvironment({ attempt: 2 });
    const err = await failure(run(env, () => payment.chargePayment(order)));
    expect(err.type).toBe('ServiceUnavailable');
    expect(err.nonRetryable).toBe(false);
    expect(err.details).toEqual([{ attempt: 2 }]);
  });

  it('applies the failure rate through the random source', async () => {
    let n = 0;
    const random = () => [0.1, 0.9][n++ % 2] ?? 0;
    const { order: acts } = activitiesWith({ shipping: { failureRate: 0.5, latencyMs: 0 }, random });
    const env = new MockActivityEnvironment();
    await failure(run(env, () => acts.shipOrder(order)));
    expect((await run(env, () => acts.shipOrder(order))).value.trackingNumber).toBe('trk-order-unit-1');
  });

  it('refunds only what was charged', async () => {
    const { payment } = activitiesWith();
    const env = new MockActivityEnvironment();
    expect((await run(env, () => payment.refundPayment(order.orderId))).value).toEqual({ refunded: false });
    const charged = await run(env, () => payment.chargePayment(order));
    expect(charged.value.paymentId).toMatch(/^pay-/);
    expect((await run(env, () => payment.refundPayment(order.orderId))).value).toEqual({ refunded: true });
  });

  it('heartbeats during a slow call and stops when the activity is cancelled', async () => {
    const { order: acts } = activitiesWith({ shipping: { failureRate: 0, latencyMs: 60_000 } });
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => {
      beats += 1;
      if (beats === 2) env.cancel('CANCELLED');
    });
    const started = Date.now();
    const err = await run(env, () => acts.shipOrder(order)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledFailure);
    expect(beats).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('hands the worker settings to the workflow through loadOrderSettings', async () => {
    const { order: acts } = activitiesWith();
    expect(await run(new MockActivityEnvironment(), () => acts.loadOrderSettings())).toEqual(
      DEFAULT_ORDER_SETTINGS,
    );
  });
});

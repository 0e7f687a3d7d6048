import type { Order } from '../../src/domain.js';

let counter = 0;

/** A valid order with a unique id; `overrides` change any field. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  counter += 1;
  return {
    orderId: `order-${Date.now().toString(36)}-${counter}`,
    customerId: 'cust-1',
    customerTier: 'standard',
    items: [{ sku: 'SKU-1', quantity: 2 }],
    amountCents: 2_500,
    currency: 'USD',
    paymentToken: 'tok_visa_4242',
    shippingAddress: '1 Main St, Springfield',
    ...overrides,
  };
}

/** Polls `check` every 100 ms until it returns a value that is not undefined, or throws after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Order and payment task queues no other test uses (worker env names). */
export function uniqueQueues(tag: string): { ORDER_TASK_QUEUE: string; PAYMENT_TASK_QUEUE: string } {
  const suffix = `${tag}-${Date.now().toString(36)}`;
  return { ORDER_TASK_QUEUE: `orders-${suffix}`, PAYMENT_TASK_QUEUE: `payments-${suffix}` };
}

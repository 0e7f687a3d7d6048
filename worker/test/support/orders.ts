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

/** Order and payment task queues no other test uses (worker env names). */
export function uniqueQueues(tag: string): { ORDER_TASK_QUEUE: string; PAYMENT_TASK_QUEUE: string } {
  const suffix = `${tag}-${Date.now().toString(36)}`;
  return { ORDER_TASK_QUEUE: `orders-${suffix}`, PAYMENT_TASK_QUEUE: `payments-${suffix}` };
}

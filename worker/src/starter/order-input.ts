import type { Order, OrderItem } from '../domain.js';

/** A request body that is not a valid order; `field` names the offending field. */
export class OrderInputError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'OrderInputError';
  }
}

const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function requireString(body: Record<string, unknown>, field: string, fallback?: string): string {
  const value = body[field] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '')
    throw new OrderInputError(field, 'must be a non-empty string');
  return value.trim();
}

/** Validates a POST /orders body into an Order (defaults: tier `standard`, currency `USD`). */
export function parseOrderInput(body: unknown): Order {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new OrderInputError('body', 'must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  const orderId = requireString(b, 'orderId');
  if (!ORDER_ID.test(orderId)) {
    throw new OrderInputError(
      'orderId',
      'use 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
    );
  }
  if (!Array.isArray(b.items) || b.items.length === 0)
    throw new OrderInputError('items', 'must be a non-empty array');
  const items: OrderItem[] = b.items.map((raw, i) => {
    const item = raw as Partial<OrderItem> | null;
    if (typeof item?.sku !== 'string' || item.sku === '')
      throw new OrderInputError(`items[${i}].sku`, 'must be a string');
    if (!Number.isInteger(item.quantity) || (item.quantity ?? 0) < 1) {
      throw new OrderInputError(`items[${i}].quantity`, 'must be an integer ≥ 1');
    }
    return { sku: item.sku, quantity: item.quantity as number };
  });
  const amountCents = b.amountCents;
  if (typeof amountCents !== 'number' || !Number.isInteger(amountCents) || amountCents <= 0) {
    throw new OrderInputError('amountCents', 'must be a positive integer (the amount in cents)');
  }
  const currency = requireString(b, 'currency', 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new OrderInputError('currency', 'must be a 3-letter ISO code');
  return {
    orderId,
    customerId: requireString(b, 'customerId'),
    customerTier: requireString(b, 'customerTier', 'standard'),
    items,
    amountCents,
    currency,
    paymentToken: requireString(b, 'paymentToken'),
    shippingAddress: requireString(b, 'shippingAddress'),
  };
}

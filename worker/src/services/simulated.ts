import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ErrorTypes } from '../domain.js';
import {
  type CallOptions,
  type InventoryService,
  type NotificationService,
  type PaymentService,
  ServiceError,
  type Services,
  type ShippingService,
} from './types.js';

/** How one simulated service misbehaves: a share of calls failing (0..1) and a fixed latency. */
export interface FaultProfile {
  failureRate: number;
  latencyMs: number;
}

export interface SimulationOptions {
  inventory: FaultProfile;
  payment: FaultProfile;
  shipping: FaultProfile;
  /** Applies to releases and refunds, so a canary can break compensations on purpose. */
  compensationFailureRate: number;
  random?: () => number;
}

export const NO_FAULTS: FaultProfile = { failureRate: 0, latencyMs: 0 };

/** Cards whose token starts with this are declined (a business answer, never retried). */
export const DECLINED_TOKEN_PREFIX = 'tok_decline';
/** SKUs starting with this are out of stock. */
export const OUT_OF_STOCK_PREFIX = 'OUT-OF-STOCK';

async function behave(service: string, profile: FaultProfile, random: () => number, options?: CallOptions) {
  if (profile.latencyMs > 0) await delay(profile.latencyMs, undefined, { signal: options?.signal });
  if (profile.failureRate > 0 && random() < profile.failureRate) {
    throw new ServiceError(ErrorTypes.ServiceUnavailable, `${service} is unavailable (injected fault)`, true);
  }
}

/**
 * In-memory stand-ins for the inventory, payment and shipping services, with latency and failure
 * rates from the worker's env (`FAULT_*_RATE`, `LATENCY_MS_*`). State lives in this process only.
 */
export function simulatedServices(options: SimulationOptions): Services {
  const random = options.random ?? Math.random;
  const compensation: FaultProfile = { failureRate: options.compensationFailureRate, latencyMs: 0 };
  const reservations = new Map<string, string>();
  const charges = new Map<string, string>();

  const inventory: InventoryService = {
    async reserve(orderId, items, callOptions) {
      await behave('inventory', options.inventory, random, callOptions);
      const missing = items.find((i) => i.sku.startsWith(OUT_OF_STOCK_PREFIX));
      if (missing) throw new ServiceError(ErrorTypes.OutOfStock, `sku ${missing.sku} is out of stock`, false);
      const reservationId = reservations.get(orderId) ?? `res-${randomUUID()}`;
      reservations.set(orderId, reservationId);
      return { reservationId };
    },
    async release(orderId, callOptions) {
      await behave('inventory', compensation, random, callOptions);
      return reservations.delete(orderId);
    },
  };

  const payment: PaymentService = {
    async charge(request, callOptions) {
      await behave('payment', options.payment, random, callOptions);
      if (request.paymentToken.startsWith(DECLINED_TOKEN_PREFIX)) {
        throw new ServiceError(ErrorTypes.PaymentDeclined, 'the card was declined', false);
      }
      const paymentId = charges.get(request.orderId) ?? `pay-${randomUUID()}`;
      charges.set(request.orderId, paymentId);
      return { paymentId };
    },
    async refund(orderId, callOptions) {
      await behave('payment', compensation, random, callOptions);
      return charges.delete(orderId);
    },
  };

  const shipping: ShippingService = {
    async ship(orderId, _address, _items, callOptions) {
      await behave('shipping', options.shipping, random, callOptions);
      return { trackingNumber: `trk-${orderId}` };
    },
  };

  const notifications: NotificationService = {
    async notify() {},
  };

  return { inventory, payment, shipping, notifications };
}

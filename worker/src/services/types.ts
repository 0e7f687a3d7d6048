import type { ErrorType, OrderItem } from '../domain.js';

/** A service answered with an error; `retryable` says whether trying again can help. */
export class ServiceError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = type;
  }
}

/** Every call may be aborted (activity cancellation or worker shutdown past its grace period). */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface InventoryService {
  /** Idempotent per order. */
  reserve(orderId: string, items: OrderItem[], options?: CallOptions): Promise<{ reservationId: string }>;
  /** Idempotent; releasing an unknown order is a no-op that returns false. */
  release(orderId: string, options?: CallOptions): Promise<boolean>;
}

export interface ChargeRequest {
  orderId: string;
  amountCents: number;
  currency: string;
  paymentToken: string;
}

export interface PaymentService {
  /** Idempotent per order: charging the same order twice returns the first payment. */
  charge(request: ChargeRequest, options?: CallOptions): Promise<{ paymentId: string }>;
  /** Idempotent; refunding an order that was never charged is a no-op that returns false. */
  refund(orderId: string, options?: CallOptions): Promise<boolean>;
}

export interface ShippingService {
  ship(
    orderId: string,
    address: string,
    items: OrderItem[],
    options?: CallOptions,
  ): Promise<{ trackingNumber: string }>;
}

export interface NotificationService {
  notify(customerId: string, message: string, options?: CallOptions): Promise<void>;
}

export interface Services {
  inventory: InventoryService;
  payment: PaymentService;
  shipping: ShippingService;
  notifications: NotificationService;
}

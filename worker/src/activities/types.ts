import type { Order, OrderSettings } from '../domain.js';

/** Every activity reports the attempt that produced its result, so the `status` query can show retries. */
export interface StepResult<T> {
  value: T;
  attempt: number;
}

/** Details of an ApplicationFailure raised by an activity. */
export interface StepFailureDetails {
  attempt: number;
}

/** Activities on the order task queue (registered with the workflows). */
export interface OrderActivities {
  loadOrderSettings(): Promise<OrderSettings>;
  reserveInventory(order: Order): Promise<StepResult<{ reservationId: string }>>;
  releaseInventory(orderId: string): Promise<StepResult<{ released: boolean }>>;
  shipOrder(order: Order): Promise<StepResult<{ trackingNumber: string }>>;
  notifyCustomer(order: Order, trackingNumber: string): Promise<StepResult<{ notified: boolean }>>;
}

/** Activities on the payment task queue (a separate Worker in the same process). */
export interface PaymentActivities {
  chargePayment(order: Order): Promise<StepResult<{ paymentId: string }>>;
  refundPayment(orderId: string): Promise<StepResult<{ refunded: boolean }>>;
}

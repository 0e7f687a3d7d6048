/** The order an `OrderWorkflow` run processes. Shared by the workflow, the activities and the starter. */
export interface OrderItem {
  sku: string;
  quantity: number;
}

export interface Order {
  /** Also the workflow id: one run per order. */
  orderId: string;
  customerId: string;
  /** Free-form tier (e.g. `standard`, `gold`); indexed as the `CustomerTier` search attribute. */
  customerTier: string;
  items: OrderItem[];
  amountCents: number;
  currency: string;
  /** Opaque token for the customer's card. Card data: never logged. */
  paymentToken: string;
  shippingAddress: string;
}

export type OrderStage =
  | 'RECEIVED'
  | 'RESERVING_INVENTORY'
  | 'CHARGING_PAYMENT'
  | 'AWAITING_APPROVAL'
  | 'SHIPPING'
  | 'NOTIFYING_CUSTOMER'
  | 'COMPENSATING'
  | 'COMPLETED'
  | 'REJECTED'
  | 'FAILED'
  | 'CANCELLED';

/** The steps of the saga; a compensation undoes one of them. */
export type OrderStep = 'reserveInventory' | 'chargePayment' | 'shipOrder' | 'notifyCustomer';
export type CompensationStep = 'refundPayment' | 'releaseInventory';

export interface CompensationRecord {
  step: CompensationStep;
  /** What it undoes (the reservation or payment id). */
  reference: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  /** Attempts made by the last activity execution (server-side retries included). */
  attempts: number;
  /** How many times the workflow scheduled the compensation (it reschedules failed ones). */
  rounds: number;
  error?: string;
}

export type ApprovalDecision = 'APPROVED' | 'REJECTED' | 'TIMED_OUT';

export interface ApprovalState {
  required: boolean;
  decision?: ApprovalDecision;
  decidedBy?: string;
  reason?: string;
  waitedMs?: number;
}

/** What the `status` query returns. */
export interface OrderStatus {
  orderId: string;
  stage: OrderStage;
  /** Attempts per step, as reported by the activity that finally succeeded or failed. */
  attempts: Partial<Record<OrderStep, number>>;
  compensations: CompensationRecord[];
  approval: ApprovalState;
  reservationId?: string;
  paymentId?: string;
  trackingNumber?: string;
  /** Why the order did not complete. */
  failure?: string;
}

/** The workflow result: every business outcome completes the run; technical failures fail it. */
export interface OrderResult {
  orderId: string;
  outcome: 'COMPLETED' | 'REJECTED';
  status: OrderStatus;
}

export interface ApprovalSignal {
  approver: string;
  reason?: string;
}

/** Failure types an activity raises; the non-retryable ones are listed in the retry policies. */
export const ErrorTypes = {
  PaymentDeclined: 'PaymentDeclined',
  OutOfStock: 'OutOfStock',
  InvalidOrder: 'InvalidOrder',
  ServiceUnavailable: 'ServiceUnavailable',
} as const;
export type ErrorType = (typeof ErrorTypes)[keyof typeof ErrorTypes];

/** Settings the worker passes to each run (read from its env, recorded in history by a local activity). */
export interface OrderSettings {
  /** Task queue of the payment activities (the worker's `PAYMENT_TASK_QUEUE`). */
  paymentTaskQueue: string;
  /** `RETRY_MAX_ATTEMPTS`: attempts per saga step before it counts as failed. */
  retryMaxAttempts: number;
  retryInitialIntervalMs: number;
  /** Orders at or above this amount wait for an approve/reject signal. */
  approvalThresholdCents: number;
  approvalTimeoutMs: number;
  /** Attempts per compensation activity execution. */
  compensationMaxAttempts: number;
  /** A compensation still failing is rescheduled this many times, `compensationRoundDelayMs` apart. */
  compensationRounds: number;
  compensationRoundDelayMs: number;
  /** Name of a Keyword search attribute kept at the current stage, when the cluster has one. */
  stageSearchAttribute?: string;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  paymentTaskQueue: 'payment-task-queue',
  retryMaxAttempts: 5,
  retryInitialIntervalMs: 1_000,
  approvalThresholdCents: 100_000,
  approvalTimeoutMs: 24 * 60 * 60 * 1000,
  compensationMaxAttempts: 10,
  compensationRounds: 3,
  compensationRoundDelayMs: 60_000,
};

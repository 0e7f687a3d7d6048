import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  metricMeter,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  OrderActivities,
  PaymentActivities,
  StepFailureDetails,
  StepResult,
} from '../activities/types.js';
import {
  type ApprovalSignal,
  type CompensationRecord,
  type CompensationStep,
  ErrorTypes,
  type Order,
  type OrderResult,
  type OrderSettings,
  type OrderStage,
  type OrderStatus,
  type OrderStep,
} from '../domain.js';
import { CUSTOMER_TIER, ORDER_ID, stageSearchAttribute } from '../search-attributes.js';
import { approveSignal, NOTIFY_CUSTOMER_PATCH, rejectSignal, statusQuery } from './definitions.js';

/** Failure types that are a business answer (the order is rejected), not a technical fault. */
const BUSINESS_FAILURES = new Set<string>([
  ErrorTypes.PaymentDeclined,
  ErrorTypes.OutOfStock,
  ErrorTypes.InvalidOrder,
]);
const NON_RETRYABLE = [...BUSINESS_FAILURES];

/** Thrown inside the workflow to end the saga with a business rejection. */
class OrderRejected extends Error {}

interface PendingCompensation {
  step: CompensationStep;
  reference: string;
  run(): Promise<StepResult<unknown>>;
}

function activities(settings: OrderSettings) {
  const retry = {
    initialInterval: settings.retryInitialIntervalMs,
    backoffCoefficient: 2,
    maximumInterval: settings.retryInitialIntervalMs * 10,
    maximumAttempts: settings.retryMaxAttempts,
    nonRetryableErrorTypes: NON_RETRYABLE,
  };
  const compensationRetry = { ...retry, maximumAttempts: settings.compensationMaxAttempts };
  const order = proxyActivities<OrderActivities>({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '15 seconds',
    retry,
  });
  const payment = proxyActivities<PaymentActivities>({
    taskQueue: settings.paymentTaskQueue,
    startToCloseTimeout: '1 minute',
    heartbeatTimeout: '15 seconds',
    retry,
  });
  const orderCompensation = proxyActivities<OrderActivities>({
    startToCloseTimeout: '1 minute',
    retry: compensationRetry,
  });
  const paymentCompensation = proxyActivities<PaymentActivities>({
    taskQueue: settings.paymentTaskQueue,
    startToCloseTimeout: '1 minute',
    retry: compensationRetry,
  });
  return { order, payment, orderCompensation, paymentCompensation };
}

function failureOf(err: unknown): ApplicationFailure | undefined {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) return err.cause;
  return undefined;
}

function failedAttempt(err: unknown): number | undefined {
  const details = failureOf(err)?.details?.[0] as Partial<StepFailureDetails> | undefined;
  return typeof details?.attempt === 'number' ? details.attempt : undefined;
}

function describe(err: unknown): string {
  const cause = failureOf(err);
  if (cause) return `${cause.type ?? 'Error'}: ${cause.message}`;
  if (err instanceof ActivityFailure && err.cause) return `${err.cause.name}: ${err.cause.message}`;
  return err instanceof Error ? err.message : String(err);
}

function invalidReason(order: Order): string | undefined {
  if (!order || typeof order.orderId !== 'string' || order.orderId === '') return 'orderId is missing';
  if (!Array.isArray(order.items) || order.items.length === 0) return 'order has no items';
  if (!Number.isInteger(order.amountCents) || order.amountCents <= 0)
    return 'amountCents must be a positive integer';
  return undefined;
}

type Decision = { decision: 'APPROVED' | 'REJECTED'; signal: ApprovalSignal };
type Acts = ReturnType<typeof activities>;

/**
 * One order's run: the status the query shows, the settings once loaded, the compensations still owed, and
 * the helpers every stage uses. Plain state and calls in the order the saga makes them: deterministic.
 */
class OrderRun {
  readonly status: OrderStatus;
  settings: OrderSettings | undefined;
  readonly pending: PendingCompensation[] = [];
  readonly meta: { orderId: string; correlationId?: string };

  constructor(order: Order) {
    this.status = {
      orderId: order?.orderId ?? '',
      stage: 'RECEIVED',
      attempts: {},
      compensations: [],
      approval: { required: false },
    };
    const correlationId = workflowInfo().memo?.correlationId;
    this.meta = {
      orderId: this.status.orderId,
      ...(typeof correlationId === 'string' ? { correlationId } : {}),
    };
  }

  setStage(stage: OrderStage): void {
    this.status.stage = stage;
    log.info('order stage', { ...this.meta, stage });
    if (this.settings?.stageSearchAttribute) {
      upsertSearchAttributes([
        { key: stageSearchAttribute(this.settings.stageSearchAttribute), value: stage },
      ]);
    }
  }

  /** Runs an activity step and records its attempts, also those of a failure. */
  async step<T>(name: OrderStep, run: () => Promise<StepResult<T>>): Promise<T> {
    try {
      const result = await run();
      this.status.attempts[name] = result.attempt;
      return result.value;
    } catch (err) {
      const attempt = failedAttempt(err);
      if (attempt !== undefined) this.status.attempts[name] = attempt;
      throw err;
    }
  }

  /** Undoes what is owed, newest first, each in up to `compensationRounds` rounds. */
  async compensate(current: OrderSettings): Promise<void> {
    this.setStage('COMPENSATING');
    const work = this.pending.reverse().map((c) => {
      const record: CompensationRecord = {
        step: c.step,
        reference: c.reference,
        status: 'PENDING',
        attempts: 0,
        rounds: 0,
      };
      this.status.compensations.push(record);
      return { c, record };
    });
    for (const { c, record } of work) {
      for (let round = 1; round <= current.compensationRounds; round++) {
        record.rounds = round;
        try {
          const result = await c.run();
          record.attempts = result.attempt;
          record.status = 'COMPLETED';
          delete record.error;
          break;
        } catch (err) {
          record.attempts = failedAttempt(err) ?? current.compensationMaxAttempts;
          record.error = describe(err);
          const last = round === current.compensationRounds;
          record.status = last ? 'FAILED' : 'PENDING';
          log.warn('compensation failed', { ...this.meta, compensation: c.step, round, error: record.error });
          if (!last) await sleep(current.compensationRoundDelayMs);
        }
      }
    }
  }
}

/** The first approve or reject signal wins; later ones are ignored. */
function listenForDecision(status: OrderStatus): () => Decision | undefined {
  let decision: Decision | undefined;
  setHandler(statusQuery, () => status);
  setHandler(approveSignal, (signal) => {
    decision ??= { decision: 'APPROVED', signal };
  });
  setHandler(rejectSignal, (signal) => {
    decision ??= { decision: 'REJECTED', signal };
  });
  return () => decision;
}

/** The order's id and tier as search attributes, when the start did not already set them. */
function tagOrder(order: Order): void {
  const info = workflowInfo().typedSearchAttributes;
  const updates: SearchAttributeUpdatePair[] = [];
  if (info.get(ORDER_ID) !== order.orderId) updates.push({ key: ORDER_ID, value: order.orderId });
  if (order.customerTier && info.get(CUSTOMER_TIER) !== order.customerTier) {
    updates.push({ key: CUSTOMER_TIER, value: order.customerTier });
  }
  if (updates.length > 0) upsertSearchAttributes(updates);
}

async function reserveAndCharge(run: OrderRun, acts: Acts, order: Order): Promise<void> {
  run.setStage('RESERVING_INVENTORY');
  // Registered before the call: a reservation whose result never arrived is still released.
  run.pending.push({
    step: 'releaseInventory',
    reference: order.orderId,
    run: () => acts.orderCompensation.releaseInventory(order.orderId),
  });
  run.status.reservationId = (
    await run.step('reserveInventory', () => acts.order.reserveInventory(order))
  ).reservationId;

  run.setStage('CHARGING_PAYMENT');
  run.pending.push({
    step: 'refundPayment',
    reference: order.orderId,
    run: () => acts.paymentCompensation.refundPayment(order.orderId),
  });
  try {
    run.status.paymentId = (
      await run.step('chargePayment', () => acts.payment.chargePayment(order))
    ).paymentId;
  } catch (err) {
    // A declined card took no money: nothing to refund.
    if (failureOf(err)?.type === ErrorTypes.PaymentDeclined) run.pending.pop();
    throw err;
  }
}

/** Waits for a person's decision, up to the approval timeout; a rejection or no answer rejects the order. */
async function awaitApproval(
  run: OrderRun,
  settings: OrderSettings,
  decisionMade: () => Decision | undefined,
  approvalWait: ReturnType<typeof metricMeter.createHistogram>,
): Promise<void> {
  run.status.approval.required = true;
  run.setStage('AWAITING_APPROVAL');
  const started = Date.now();
  const decided = await condition(() => decisionMade() !== undefined, settings.approvalTimeoutMs);
  const waitedMs = Date.now() - started;
  const decision = decisionMade();
  const result = decided && decision ? decision.decision : 'TIMED_OUT';
  run.status.approval = {
    required: true,
    decision: result,
    waitedMs,
    ...(decision?.signal.approver ? { decidedBy: decision.signal.approver } : {}),
    ...(decision?.signal.reason ? { reason: decision.signal.reason } : {}),
  };
  approvalWait.record(waitedMs, { decision: result });
  if (result === 'TIMED_OUT') throw new OrderRejected(`approval timed out after ${waitedMs} ms`);
  if (result === 'REJECTED') {
    throw new OrderRejected(`rejected by ${decision?.signal.approver ?? 'an approver'}`);
  }
}

async function shipAndNotify(run: OrderRun, acts: Acts, order: Order): Promise<void> {
  run.setStage('SHIPPING');
  // Shipping is the pivot: once it succeeds nothing is undone.
  run.status.trackingNumber = (await run.step('shipOrder', () => acts.order.shipOrder(order))).trackingNumber;
  run.pending.length = 0;

  // The versioned change: runs that shipped before this code existed complete without notifying.
  if (patched(NOTIFY_CUSTOMER_PATCH)) {
    run.setStage('NOTIFYING_CUSTOMER');
    try {
      await run.step('notifyCustomer', () =>
        acts.order.notifyCustomer(order, run.status.trackingNumber ?? ''),
      );
    } catch (err) {
      if (isCancellation(err)) throw err;
      log.warn('customer notification failed; the order stands', { ...run.meta, error: describe(err) });
    }
  }
}

/**
 * After a failure or cancellation: compensates, then cancels (rethrows), rejects (a business answer
 * completes the run as REJECTED) or fails the run (a technical fault, or a compensation still failing).
 */
async function settleFailure(
  run: OrderRun,
  err: unknown,
  outcomes: ReturnType<typeof metricMeter.createCounter>,
): Promise<OrderResult> {
  const { status } = run;
  const failedAt = status.stage;
  const current = run.settings;
  if (isCancellation(err)) {
    status.failure = `cancelled at ${failedAt}`;
    if (current) await CancellationScope.nonCancellable(() => run.compensate(current));
    run.setStage('CANCELLED');
    outcomes.add(1, { outcome: 'CANCELLED' });
    throw err;
  }
  const cause = failureOf(err);
  const rejected = err instanceof OrderRejected || (cause?.type != null && BUSINESS_FAILURES.has(cause.type));
  status.failure = `${failedAt}: ${describe(err)}`;
  if (current) await CancellationScope.nonCancellable(() => run.compensate(current));
  const stuck = status.compensations.filter((c) => c.status === 'FAILED');
  if (stuck.length > 0) {
    run.setStage('FAILED');
    outcomes.add(1, { outcome: 'FAILED' });
    throw ApplicationFailure.create({
      type: 'CompensationFailed',
      nonRetryable: true,
      message: `order ${status.orderId}: ${status.failure}; compensations still failing: ${stuck
        .map((c) => `${c.step} (${c.error ?? 'unknown error'})`)
        .join(', ')}`,
      details: [status],
    });
  }
  if (rejected) {
    run.setStage('REJECTED');
    outcomes.add(1, { outcome: 'REJECTED' });
    return { orderId: status.orderId, outcome: 'REJECTED', status };
  }
  run.setStage('FAILED');
  outcomes.add(1, { outcome: 'FAILED' });
  throw ApplicationFailure.create({
    type: 'OrderFailed',
    nonRetryable: true,
    message: `order ${status.orderId} failed at ${status.failure}`,
    details: [status],
  });
}

/**
 * The order saga: reserve inventory → charge payment (payment task queue) → approval above a
 * threshold → ship → notify (patched in). Any failure or cancellation compensates in reverse order.
 * Business rejections complete the run with outcome REJECTED; technical failures fail it.
 */
export async function OrderWorkflow(order: Order): Promise<OrderResult> {
  const run = new OrderRun(order);
  const decisionMade = listenForDecision(run.status);
  const outcomes = metricMeter.createCounter('order_outcomes', 'orders', 'Orders by final outcome');
  const approvalWait = metricMeter.createHistogram(
    'order_approval_wait',
    'int',
    'ms',
    'Time an order waited for an approve/reject signal',
  );
  const { loadOrderSettings } = proxyLocalActivities<OrderActivities>({ startToCloseTimeout: '10 seconds' });

  try {
    const settings = await loadOrderSettings();
    run.settings = settings;
    const acts = activities(settings);

    const invalid = invalidReason(order);
    if (invalid) throw new OrderRejected(`${ErrorTypes.InvalidOrder}: ${invalid}`);
    tagOrder(order);

    await reserveAndCharge(run, acts, order);
    if (order.amountCents >= settings.approvalThresholdCents) {
      await awaitApproval(run, settings, decisionMade, approvalWait);
    }
    await shipAndNotify(run, acts, order);

    run.setStage('COMPLETED');
    outcomes.add(1, { outcome: 'COMPLETED' });
    return { orderId: order.orderId, outcome: 'COMPLETED', status: run.status };
  } catch (err) {
    return settleFailure(run, err, outcomes);
  }
}

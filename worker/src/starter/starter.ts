import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Order } from '../domain.js';
import { CUSTOMER_TIER, ORDER_ID } from '../search-attributes.js';
import type { OrderWorkflow } from '../workflows/order.js';

export interface StartOrderOptions {
  taskQueue: string;
  /** Carried in the run's memo (`correlationId`) and written on every workflow log line. */
  correlationId?: string;
}

export interface StartedOrder {
  workflowId: string;
  runId: string;
  taskQueue: string;
  /** true when a run for this order id already existed (running or closed): nothing new was started. */
  duplicate: boolean;
  status?: string;
}

/**
 * Starts `OrderWorkflow` with the order id as workflow id. A second request for the same order —
 * whether the first run is still open or already closed — starts nothing and returns the first run.
 */
export async function startOrder(
  client: Client,
  order: Order,
  options: StartOrderOptions,
): Promise<StartedOrder> {
  try {
    const handle = await client.workflow.start<typeof OrderWorkflow>('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: options.taskQueue,
      args: [order],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: ORDER_ID, value: order.orderId },
        { key: CUSTOMER_TIER, value: order.customerTier },
      ],
      ...(options.correlationId ? { memo: { correlationId: options.correlationId } } : {}),
    });
    return {
      workflowId: handle.workflowId,
      runId: handle.firstExecutionRunId,
      taskQueue: options.taskQueue,
      duplicate: false,
    };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(order.orderId).describe();
    return {
      workflowId: existing.workflowId,
      runId: existing.runId,
      taskQueue: existing.taskQueue,
      duplicate: true,
      status: existing.status.name,
    };
  }
}

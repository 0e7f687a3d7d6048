// A non-deterministic build of the order workflows: a timer before everything the released OrderWorkflow does,
// so replaying any history the released code wrote fails with a NonDeterminismError.
import { sleep } from '@temporalio/workflow';
import type { Order } from '../../worker/src/domain.js';
import { OrderWorkflow as released } from '../../worker/src/workflows/order.js';

export {
  approveSignal,
  NOTIFY_CUSTOMER_PATCH,
  rejectSignal,
  statusQuery,
} from '../../worker/src/workflows/definitions.js';

export async function OrderWorkflow(order: Order): ReturnType<typeof released> {
  await sleep('1 second');
  return released(order);
}

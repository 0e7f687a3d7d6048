// The pieces of a non-deterministic canary scenario, shared by analyze-nde.test.ts and
// scripts/bench/time-to-detect.ts: a changed build of the order workflows, and open orders written by the released
// code that wait for approval (so the next workflow task of each replays its history on whoever polls next).
import type { Client, WorkflowHandle } from '@temporalio/client';
import { makeOrder } from '../../worker/test/support/orders.js';
import { bundleWorkflowsFile } from './order-workers.js';

/** Bundles test/integration/analyze-nde-workflows.ts (a timer before everything) into `dir`; its path. */
export async function changedWorkflowBundle(dir: string): Promise<string> {
  return bundleWorkflowsFile(
    new URL('../integration/analyze-nde-workflows.ts', import.meta.url),
    dir,
    'changed-workflows.js',
  );
}

/** Starts `count` large orders on `taskQueue` and waits (up to 30 s each) until each awaits approval. */
export async function ordersAwaitingApproval(
  client: Client,
  taskQueue: string,
  count: number,
): Promise<WorkflowHandle[]> {
  const handles = await Promise.all(
    Array.from({ length: count }, () => {
      const order = makeOrder({ amountCents: 500_000 });
      return client.workflow.start('OrderWorkflow', { workflowId: order.orderId, taskQueue, args: [order] });
    }),
  );
  for (const h of handles) {
    for (let i = 0; i < 150; i++) {
      const status = (await h.query('status').catch(() => undefined)) as { stage?: string } | undefined;
      if (status?.stage === 'AWAITING_APPROVAL') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return handles;
}

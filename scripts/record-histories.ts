// Records OrderWorkflow histories, one per scenario, from a real dev server running the real order worker
// process (`node worker/dist/main.js`), into histories/OrderWorkflow/<scenario>[-<tag>].json + manifest.json.
//
//   npx tsx scripts/record-histories.ts [--tag v2] [--only happy,cancelled]
//
// A history already on disk is never rewritten (it is the record of what older code did): to record the same
// scenarios from newer code, pass --tag (e.g. the release) so the files get new names.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ManifestEntry } from '../actions/src/core/replay/manifest.js';
import type { Order, OrderStage } from '../worker/src/domain.js';
import { approveSignal, rejectSignal, statusQuery } from '../worker/src/workflows/definitions.js';
import {
  codeVersion,
  HISTORIES_DIR,
  recordInManifest,
  sdkVersion,
  writeRecordedHistory,
} from './history-records.js';
import { ensureWorkerBuilt, startWorkerProcess } from './local-platform/order-worker.js';
import { startTemporal } from './local-platform/temporal.js';

const outDir = HISTORIES_DIR;
const TYPE = 'OrderWorkflow';
const ORDER_QUEUE = 'order-task-queue-v1';
const PAYMENT_QUEUE = 'payment-task-queue-v1';
const THRESHOLD = 50_000;

interface Scenario {
  name: string;
  description: string;
  order: Partial<Order>;
  /** Drives the run after it starts; resolves when the history is ready to be taken. */
  drive(handle: WorkflowHandle, client: Client): Promise<void>;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stage = (handle: WorkflowHandle, wanted: OrderStage) =>
  waitFor(`${handle.workflowId} at ${wanted}`, async () =>
    (await handle.query(statusQuery)).stage === wanted ? true : undefined,
  );

const finished = async (handle: WorkflowHandle) => {
  await handle.result().catch(() => undefined);
};

const scenarios: Scenario[] = [
  {
    name: 'happy',
    description: 'small order: reserve, charge, ship, notify (patched path)',
    order: {},
    drive: finished,
  },
  {
    name: 'declined-compensation',
    description: 'card declined: inventory released, outcome REJECTED',
    order: { paymentToken: 'tok_decline_0001' },
    drive: finished,
  },
  {
    name: 'approval-approved',
    description: 'order above the approval threshold, approved by signal',
    order: { amountCents: THRESHOLD * 2 },
    async drive(handle) {
      await stage(handle, 'AWAITING_APPROVAL');
      await handle.signal(approveSignal, { approver: 'alice' });
      await finished(handle);
    },
  },
  {
    name: 'approval-rejected',
    description: 'order above the threshold, rejected by signal: refund + release',
    order: { amountCents: THRESHOLD * 2 },
    async drive(handle) {
      await stage(handle, 'AWAITING_APPROVAL');
      await handle.signal(rejectSignal, { approver: 'bob', reason: 'suspicious' });
      await finished(handle);
    },
  },
  {
    name: 'approval-timed-out',
    description: 'order above the threshold, no decision before APPROVAL_TIMEOUT: refund + release',
    order: { amountCents: THRESHOLD * 2 },
    drive: finished,
  },
  {
    name: 'cancelled',
    description: 'cancelled while awaiting approval: compensations, then CANCELED',
    order: { amountCents: THRESHOLD * 2 },
    async drive(handle) {
      await stage(handle, 'AWAITING_APPROVAL');
      await handle.cancel();
      await finished(handle);
    },
  },
  {
    name: 'open-awaiting-approval',
    description: 'still open: waiting for approval when the history was taken',
    order: { amountCents: THRESHOLD * 3 },
    async drive(handle) {
      await stage(handle, 'AWAITING_APPROVAL');
    },
  },
  {
    name: 'open-awaiting-approval-gold',
    description: 'still open, a gold-tier customer waiting for approval',
    order: { amountCents: THRESHOLD * 4, customerTier: 'gold' },
    async drive(handle) {
      await stage(handle, 'AWAITING_APPROVAL');
    },
  },
];

function order(name: string, overrides: Partial<Order>): Order {
  return {
    orderId: `rec-${name}-${Date.now().toString(36)}`,
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tag: { type: 'string' }, only: { type: 'string' } },
  });
  const suffix = values.tag ? `-${values.tag}` : '';
  const only = values.only?.split(',');
  const todo = scenarios.filter(
    (s) => (!only || only.includes(s.name)) && !existsSync(join(outDir, TYPE, `${s.name}${suffix}.json`)),
  );
  if (todo.length === 0) {
    console.log('every scenario is already recorded (histories are never rewritten; use --tag)');
    return;
  }
  await ensureWorkerBuilt();
  const server = await startTemporal();
  const worker = await startWorkerProcess({
    TEMPORAL_ADDRESS: server.address,
    ORDER_TASK_QUEUE: ORDER_QUEUE,
    PAYMENT_TASK_QUEUE: PAYMENT_QUEUE,
    APPROVAL_THRESHOLD_CENTS: String(THRESHOLD),
    APPROVAL_TIMEOUT: '3s',
    RETRY_INITIAL_INTERVAL: '100ms',
    LOG_LEVEL: 'WARN',
  });
  const entries: ManifestEntry[] = [];
  try {
    const { client } = server.env;
    const version = codeVersion(['worker/src']);
    const sdk = sdkVersion();
    await Promise.all(
      todo.map(async (scenario) => {
        const input = order(scenario.name, scenario.order);
        const handle = await client.workflow.start(TYPE, {
          workflowId: input.orderId,
          taskQueue: ORDER_QUEUE,
          args: [input],
        });
        await scenario.drive(handle, client);
        const file = `${TYPE}/${scenario.name}${suffix}.json`;
        const { entry, eventCount } = await writeRecordedHistory({
          dir: outDir,
          file,
          workflowType: TYPE,
          scenario: scenario.name,
          history: await handle.fetchHistory(),
          codeVersion: version,
          sdkVersion: sdk,
          withRunId: true,
        });
        entries.push(entry);
        console.log(`${file}: ${entry.status}, ${eventCount} events — ${scenario.description}`);
      }),
    );
  } finally {
    await worker.process.stop();
    await server.teardown();
  }
  await recordInManifest(entries);
}

await main();

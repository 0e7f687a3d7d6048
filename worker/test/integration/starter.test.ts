import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eventually } from '../../../scripts/local-platform/eventually.js';
import {
  ensureWorkerBuilt,
  STARTER_MAIN,
  startStarterProcess,
} from '../../../scripts/local-platform/order-worker.js';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import {
  CUSTOMER_TIER,
  ORDER_ID,
  startTemporal,
  type TemporalDevServer,
} from '../../../scripts/local-platform/temporal.js';
import { loadWorkerConfig } from '../../src/config.js';
import type { OrderStatus } from '../../src/domain.js';
import { formatRoutingFile, routingPoint } from '../../src/starter/routing.js';
import { createOrderWorkers } from '../../src/workers.js';
import { makeOrder } from '../support/orders.js';
import { ControlledServices } from '../support/services.js';
import { runWorkerToExit } from '../support/worker-process.js';

/** A fresh order whose routing point satisfies `wanted` (about half of all ids do). */
function orderAt(wanted: (point: number) => boolean) {
  for (let tries = 0; tries < 1_000; tries++) {
    const order = makeOrder();
    if (wanted(routingPoint(order.orderId))) return order;
  }
  throw new Error('no order id with the wanted routing point in 1,000 tries');
}

describe('order starter service (node worker/dist/starter/server.js)', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let worker: { order: Worker; payment: Worker };
  let running: Promise<unknown>;
  const suffix = Date.now().toString(36);
  const v1 = `order-task-queue-v1-${suffix}`;
  const v2 = `order-task-queue-v2-${suffix}`;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    server = await startTemporal();
    dir = await tempDir('starter');
    // A worker on v1 only, so runs routed there progress and answer queries.
    worker = await createOrderWorkers(
      loadWorkerConfig({
        ORDER_TASK_QUEUE: v1,
        PAYMENT_TASK_QUEUE: `payments-${suffix}`,
        APPROVAL_THRESHOLD_CENTS: '1',
      }),
      {
        connection: server.env.nativeConnection,
        services: new ControlledServices().services,
        meter: Runtime.instance().metricMeter,
      },
    );
    running = Promise.all([worker.order.run(), worker.payment.run()]);
  });
  afterAll(async () => {
    for (const w of [worker?.order, worker?.payment]) if (w?.getState() === 'RUNNING') w.shutdown();
    await running?.catch(() => undefined);
    await server?.teardown();
    await dir?.remove();
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('starts one run per order id, propagates the correlation id and answers status', async () => {
    const starter = await startStarterProcess({ TEMPORAL_ADDRESS: server.address, ORDER_TASK_QUEUE: v1 });
    onTestFinished(() => starter.process.stop());
    const order = makeOrder({ customerTier: 'gold' });
    const first = await post(starter.url, order, { 'x-correlation-id': 'corr-123' });
    expect(first.status).toBe(202);
    expect(first.headers.get('x-correlation-id')).toBe('corr-123');
    const started = (await first.json()) as {
      workflowId: string;
      runId: string;
      taskQueue: string;
      duplicate: boolean;
    };
    expect(started).toMatchObject({ workflowId: order.orderId, taskQueue: v1, duplicate: false });

    const again = await post(starter.url, order);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      workflowId: order.orderId,
      runId: started.runId,
      duplicate: true,
    });

    const handle = server.env.client.workflow.getHandle(order.orderId);
    const described = await handle.describe();
    expect(await described.memo).toEqual({ correlationId: 'corr-123' });
    expect(described.typedSearchAttributes.get(ORDER_ID)).toBe(order.orderId);
    expect(described.typedSearchAttributes.get(CUSTOMER_TIER)).toBe('gold');

    const status = await eventually(async () => {
      const res = await fetch(`${starter.url}/orders/${order.orderId}`);
      const body = (await res.json()) as OrderStatus;
      return body.stage === 'AWAITING_APPROVAL' ? body : undefined;
    });
    expect(status.orderId).toBe(order.orderId);
    expect((await fetch(`${starter.url}/orders/no-such-order`)).status).toBe(404);
    await handle.cancel();
  });

  it('rejects a bad body with the field name and starts nothing', async () => {
    const starter = await startStarterProcess({ TEMPORAL_ADDRESS: server.address, ORDER_TASK_QUEUE: v1 });
    onTestFinished(() => starter.process.stop());
    const res = await post(starter.url, { ...makeOrder(), amountCents: -5 });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'amountCents: must be a positive integer (the amount in cents)',
      field: 'amountCents',
    });
    const notJson = await fetch(`${starter.url}/orders`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('routes by the weights in ROUTING_FILE and follows changes to the file', async () => {
    const file = join(dir.path, 'routing.json');
    const write = async (w1: number, w2: number) => {
      // Write-then-rename, as a ConfigMap update swaps the file.
      const tmp = `${file}.tmp`;
      await writeFile(
        tmp,
        formatRoutingFile({
          routes: [
            { taskQueue: v1, weight: w1 },
            { taskQueue: v2, weight: w2 },
          ],
        }),
      );
      await rename(tmp, file);
    };
    await write(100, 0);
    const starter = await startStarterProcess({ TEMPORAL_ADDRESS: server.address, ROUTING_FILE: file });
    onTestFinished(() => starter.process.stop());
    const queueOf = async (order = makeOrder()) => {
      const res = await post(starter.url, order);
      expect(res.status).toBe(202);
      return ((await res.json()) as { taskQueue: string }).taskQueue;
    };
    const before = await Promise.all(Array.from({ length: 5 }, queueOf));
    expect(new Set(before)).toEqual(new Set([v1]));

    await write(0, 100);
    const after = await Promise.all(Array.from({ length: 5 }, queueOf));
    expect(new Set(after)).toEqual(new Set([v2]));

    await write(50, 50);
    const mixed = await Promise.all(Array.from({ length: 40 }, queueOf));
    expect(new Set(mixed)).toEqual(new Set([v1, v2]));

    // A broken update is reported and the last good table stays in force.
    // Orders whose routing points lie on both halves of the line, so only a lost 50/50 table gives one queue.
    await writeFile(file, '{"routes": [');
    const bothHalves = [orderAt((u) => u < 0.5), orderAt((u) => u >= 0.5)];
    expect(new Set(await Promise.all(bothHalves.map((order) => queueOf(order))))).toEqual(new Set([v1, v2]));
    await eventually(async () =>
      starter.process.output().includes('routing file rejected; keeping the last good table')
        ? true
        : undefined,
    );
  });

  it('refuses to start with bad ROUTING_WEIGHTS, naming the variable', async () => {
    const result = await runWorkerToExit({ ROUTING_WEIGHTS: 'v1=90,v2=ten' }, STARTER_MAIN);
    expect(result.code).toBe(2);
    expect(result.output).toContain('ROUTING_WEIGHTS: routes[1].weight must be an integer ≥ 0');
  });
});

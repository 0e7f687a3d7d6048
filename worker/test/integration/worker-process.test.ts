import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eventually } from '../../../scripts/local-platform/eventually.js';
import {
  ensureWorkerBuilt,
  prebuiltWorkflowBundle,
  startWorkerProcess,
  type WorkerProcess,
} from '../../../scripts/local-platform/order-worker.js';
import { freePort } from '../../../scripts/local-platform/ports.js';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../../scripts/local-platform/temporal.js';
import type { Order, OrderResult } from '../../src/domain.js';
import { approveSignal, statusQuery } from '../../src/workflows/definitions.js';
import { makeOrder, uniqueQueues } from '../support/orders.js';
import { runWorkerToExit, sampleSum } from '../support/worker-process.js';

describe('order worker process (node worker/dist/main.js)', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let bundle: string;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    dir = await tempDir('worker-process');
    bundle = await prebuiltWorkflowBundle(dir.path);
    server = await startTemporal();
  });
  afterAll(async () => {
    await server?.teardown();
    await dir?.remove();
  });

  const launch = async (env: Record<string, string>): Promise<WorkerProcess> => {
    const worker = await startWorkerProcess({
      TEMPORAL_ADDRESS: server.address,
      WORKFLOW_BUNDLE_PATH: bundle,
      ...env,
    });
    onTestFinished(() => worker.process.stop());
    return worker;
  };

  const start = (order: Order, taskQueue: string): Promise<WorkflowHandle> =>
    server.env.client.workflow.start('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue,
      args: [order],
    });

  it('serves /healthz and /ready, and exports SDK and custom metrics with activity retries', async () => {
    const q = uniqueQueues('metrics');
    const worker = await launch({
      ...q,
      FAULT_INVENTORY_RATE: '0.7',
      APPROVAL_THRESHOLD_CENTS: '50000',
      RETRY_MAX_ATTEMPTS: '30',
      RETRY_INITIAL_INTERVAL: '20ms',
    });
    const healthz = await fetch(`${worker.healthUrl}/healthz`);
    expect(healthz.status).toBe(200);
    const ready = await fetch(`${worker.healthUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', orderWorker: 'RUNNING', paymentWorker: 'RUNNING' });
    expect((await fetch(`${worker.healthUrl}/nope`)).status).toBe(404);

    const orders = [...Array.from({ length: 7 }, () => makeOrder()), makeOrder({ amountCents: 60_000 })];
    const results = await Promise.all(
      orders.map(async (o) => {
        const handle = await start(o, q.ORDER_TASK_QUEUE);
        if (o.amountCents >= 50_000) {
          await eventually(async () =>
            (await handle.query(statusQuery)).stage === 'AWAITING_APPROVAL' ? true : undefined,
          );
          await handle.signal(approveSignal, { approver: 'ops' });
        }
        return handle.result() as Promise<OrderResult>;
      }),
    );
    expect(results.every((r) => r.outcome === 'COMPLETED')).toBe(true);
    const retried = results.reduce((n, r) => n + ((r.status.attempts.reserveInventory ?? 1) - 1), 0);
    expect(retried).toBeGreaterThan(0);

    const metrics = await eventually(async () => {
      const text = await (await fetch(worker.metricsUrl)).text();
      return sampleSum(text, 'order_outcomes', { outcome: 'COMPLETED' }) >= orders.length ? text : undefined;
    }, 30_000);
    const reserve = { activity_type: 'reserveInventory', task_queue: q.ORDER_TASK_QUEUE };
    // Every retry the workflows saw is on /metrics: as SDK failures and as our retry counter.
    expect(sampleSum(metrics, 'order_activity_retries', reserve)).toBe(retried);
    expect(sampleSum(metrics, 'order_activity_attempts', { ...reserve, outcome: 'failure' })).toBe(retried);
    expect(sampleSum(metrics, 'order_activity_attempts', { ...reserve, outcome: 'success' })).toBe(
      orders.length,
    );
    expect(
      sampleSum(metrics, 'temporal_activity_execution_failed', { activity_type: 'reserveInventory' }),
    ).toBe(retried);
    expect(sampleSum(metrics, 'temporal_workflow_completed', { workflow_type: 'OrderWorkflow' })).toBe(
      orders.length,
    );
    expect(sampleSum(metrics, 'order_activity_attempts', { activity_type: 'chargePayment' })).toBe(
      orders.length,
    );
    expect(metrics).toContain(`task_queue="${q.PAYMENT_TASK_QUEUE}"`);
    expect(sampleSum(metrics, 'order_approval_wait_count', { decision: 'APPROVED' })).toBe(1);
  });

  it('on SIGTERM stops polling, finishes the activity in flight and exits 0', async () => {
    const q = uniqueQueues('sigterm');
    const worker = await launch({ ...q, LATENCY_MS_SHIPPING: '8000', SHUTDOWN_GRACE_MS: '30000' });
    const order = makeOrder();
    const handle = await start(order, q.ORDER_TASK_QUEUE);
    await eventually(
      async () => {
        const { raw } = await handle.describe();
        const shipping = raw.pendingActivities?.find((a) => a.activityType?.name === 'shipOrder');
        return shipping?.state === 2 /* PENDING_ACTIVITY_STATE_STARTED */ ? shipping : undefined;
      },
      20_000,
      'shipOrder started',
    );

    const sentAt = Date.now();
    process.kill(worker.process.pid, 'SIGTERM');
    const notReady = await eventually(
      async () => {
        const res = await fetch(`${worker.healthUrl}/ready`).catch(() => undefined);
        return res?.status === 503 ? res.status : undefined;
      },
      5_000,
      '/ready to turn 503',
    );
    expect(notReady).toBe(503);
    const code = await worker.process.exited;
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(30_000);

    const history = await handle.fetchHistory();
    const completed = (history.events ?? []).filter((e) => e.activityTaskCompletedEventAttributes);
    // reserve, charge and the in-flight ship all completed; nothing was picked up after the signal.
    expect(completed).toHaveLength(3);
    await eventually(async () => (worker.process.output().includes('shutdown requested') ? true : undefined));
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // A new worker on the same queues finishes the order from where it stopped.
    await launch(q);
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('COMPLETED');
    expect(result.status.attempts.shipOrder).toBe(1);
  });

  it('writes JSON logs with workflow and activity context and never the card token', async () => {
    const q = uniqueQueues('logs');
    const worker = await launch({ ...q, LOG_LEVEL: 'DEBUG' });
    const order = makeOrder({ paymentToken: 'tok_secret_card_4111111111111111' });
    const { runId } = await start(order, q.ORDER_TASK_QUEUE).then(async (h) => {
      await h.result();
      return h.describe();
    });
    // The result can reach the client before the worker's stdout has been read here.
    const lines = await eventually(async () => {
      const parsed = worker.process
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.endsWith('}'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      return parsed.some((l) => l.msg === 'order stage' && l.stage === 'COMPLETED') ? parsed : undefined;
    }, 30_000);
    const stage = lines.find((l) => l.msg === 'order stage' && l.workflowId === order.orderId);
    expect(stage).toMatchObject({ runId, taskQueue: q.ORDER_TASK_QUEUE, workflowType: 'OrderWorkflow' });
    const charged = lines.find((l) => l.msg === 'payment charged' && l.workflowId === order.orderId);
    expect(charged).toMatchObject({
      runId,
      activityType: 'chargePayment',
      attempt: 1,
      taskQueue: q.PAYMENT_TASK_QUEUE,
    });
    expect(worker.process.output()).not.toContain('4111111111111111');
  });

  it('exits non-zero on bad env and names every bad variable', async () => {
    const { code, output } = await runWorkerToExit({
      TEMPORAL_ADDRESS: server.address,
      RETRY_MAX_ATTEMPTS: 'lots',
      FAULT_PAYMENT_RATE: '2',
      DEPLOYMENT_NAME: 'order-worker',
      HEALTH_PORT: '0',
    });
    expect(code).toBe(2);
    expect(output).toContain('RETRY_MAX_ATTEMPTS: must be an integer from 1 to 1000, got "lots"');
    expect(output).toContain('FAULT_PAYMENT_RATE: must be a number from 0 to 1, got "2"');
    expect(output).toContain('BUILD_ID: DEPLOYMENT_NAME is "order-worker"');
  });

  it('exits 1 with a clear message when the server refuses the connection', async () => {
    const port = await freePort();
    const { code, output } = await runWorkerToExit({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toContain(`cannot connect to Temporal at 127.0.0.1:${port} over plain TCP (no TLS)`);
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  ensureWorkerBuilt,
  prebuiltWorkflowBundle,
  startWorkerProcess,
} from '../../../scripts/local-platform/order-worker.js';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../../scripts/local-platform/temporal.js';
import type { OrderResult } from '../../src/domain.js';
import { makeOrder } from '../support/orders.js';
import { type MtlsProxy, makePki, type Pki, startMtlsProxy } from '../support/tls.js';
import { runWorkerToExit } from '../support/worker-process.js';

// `temporal server start-dev` (CLI v1.5.1) has no TLS flags, so the dev server gets a TLS front that
// demands a client certificate (mTLS), and the worker connects through it exactly as to a TLS frontend.
describe('worker over mTLS (dev server behind a client-certificate TLS front)', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let pki: Pki;
  let proxy: MtlsProxy;
  let bundle: string;
  const serverName = 'temporal.test';

  beforeAll(async () => {
    await ensureWorkerBuilt();
    dir = await tempDir('pki');
    pki = await makePki(dir.path, serverName);
    bundle = await prebuiltWorkflowBundle(dir.path);
    server = await startTemporal();
    proxy = await startMtlsProxy(pki, server.address, (p) => readFile(p));
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.teardown();
    await dir?.remove();
  });

  it('connects with TEMPORAL_TLS_CERT/KEY/CA/SERVER_NAME and processes an order', async () => {
    const suffix = Date.now().toString(36);
    const q = { ORDER_TASK_QUEUE: `orders-tls-${suffix}`, PAYMENT_TASK_QUEUE: `payments-tls-${suffix}` };
    const worker = await startWorkerProcess({
      ...q,
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_TLS_CERT: pki.clientCert,
      TEMPORAL_TLS_KEY: pki.clientKey,
      TEMPORAL_TLS_CA: pki.caCert,
      TEMPORAL_TLS_SERVER_NAME: serverName,
      WORKFLOW_BUNDLE_PATH: bundle,
    });
    onTestFinished(() => worker.process.stop());
    const order = makeOrder();
    const result: OrderResult = await server.env.client.workflow.execute('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: q.ORDER_TASK_QUEUE,
      args: [order],
    });
    expect(result.outcome).toBe('COMPLETED');
    expect(proxy.clients).toContain('order-worker');
  });

  it('fails with a clear error when the client certificate is from another CA', async () => {
    const before = proxy.refused.length;
    const { code, output } = await runWorkerToExit({
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_TLS_CERT: pki.rogueCert,
      TEMPORAL_TLS_KEY: pki.rogueKey,
      TEMPORAL_TLS_CA: pki.caCert,
      TEMPORAL_TLS_SERVER_NAME: serverName,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `cannot connect to Temporal at ${proxy.address} over mTLS (TEMPORAL_TLS_CERT/KEY)`,
    );
    expect(proxy.refused.length).toBeGreaterThan(before);
  });

  it('fails with a clear error when the server certificate is not trusted', async () => {
    const { code, output } = await runWorkerToExit({
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_TLS_CERT: pki.clientCert,
      TEMPORAL_TLS_KEY: pki.clientKey,
      TEMPORAL_TLS_SERVER_NAME: serverName,
    });
    expect(code).toBe(1);
    expect(output).toContain(`cannot connect to Temporal at ${proxy.address} over mTLS`);
  });

  it('fails with a clear error when TLS is off but the server speaks TLS', async () => {
    const { code, output } = await runWorkerToExit({ TEMPORAL_ADDRESS: proxy.address });
    expect(code).toBe(1);
    expect(output).toContain(`cannot connect to Temporal at ${proxy.address} over plain TCP (no TLS)`);
  });
});

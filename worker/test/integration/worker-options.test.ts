import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eventually } from '../../../scripts/local-platform/eventually.js';
import { ensureWorkerBuilt, startWorkerProcess } from '../../../scripts/local-platform/order-worker.js';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../../scripts/local-platform/temporal.js';
import type { OrderResult } from '../../src/domain.js';
import { otelWorkflowInterceptors, writeWorkflowBundle } from '../../src/image/bundle-workflows.js';
import { WORKFLOWS_PATH } from '../../src/workers.js';
import { makeOrder, uniqueQueues } from '../support/orders.js';

describe('worker process options: versioning, prebuilt bundle, tracing', () => {
  let server: TemporalDevServer;
  let dir: TempDir;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    server = await startTemporal();
    dir = await tempDir('worker-options');
  });
  afterAll(async () => {
    await server?.teardown();
    await dir?.remove();
  });

  it('joins a Worker Deployment version (DEPLOYMENT_NAME/BUILD_ID) and runs a prebuilt WORKFLOW_BUNDLE_PATH', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ignoreModules: [] });
    const bundlePath = join(dir.path, 'workflow-bundle.js');
    await writeFile(bundlePath, code);
    const q = uniqueQueues('versioned');
    const deploymentName = `order-worker-${Date.now().toString(36)}`;
    const worker = await startWorkerProcess({
      ...q,
      TEMPORAL_ADDRESS: server.address,
      DEPLOYMENT_NAME: deploymentName,
      BUILD_ID: 'build-7',
      DEFAULT_VERSIONING_BEHAVIOR: 'PINNED',
      WORKFLOW_BUNDLE_PATH: bundlePath,
    });
    onTestFinished(() => worker.process.stop());
    const service = server.env.client.workflowService;
    // The version exists once its pollers have reached the server.
    await eventually(
      () =>
        service
          .setWorkerDeploymentCurrentVersion({
            namespace: 'default',
            deploymentName,
            buildId: 'build-7',
            identity: 'test',
          })
          .then(() => true),
      30_000,
      'the deployment version to accept becoming current',
    );
    const order = makeOrder();
    const handle = await server.env.client.workflow.start('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: q.ORDER_TASK_QUEUE,
      args: [order],
    });
    const result: OrderResult = await handle.result();
    expect(result.outcome).toBe('COMPLETED');
    const info = (await handle.describe()).raw.workflowExecutionInfo?.versioningInfo;
    expect(info?.deploymentVersion).toMatchObject({ deploymentName, buildId: 'build-7' });
    expect(info?.behavior).toBe(1); // VERSIONING_BEHAVIOR_PINNED
    expect(worker.process.output()).toContain(`"deployment":"${deploymentName}:build-7"`);
  });

  it.each([
    ['bundling at start', false],
    ['from the prebuilt WORKFLOW_BUNDLE_PATH_TRACING, as the image runs', true],
  ])('exports OpenTelemetry spans over OTLP/HTTP when ENABLE_TRACING is set, %s', async (_, prebuilt) => {
    const bodies: Buffer[] = [];
    const paths: string[] = [];
    const collector: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        paths.push(req.url ?? '');
        bodies.push(Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
    onTestFinished(() => new Promise<void>((resolve) => collector.close(() => resolve())));
    const address = collector.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const q = uniqueQueues('traced');
    // The plain bundle has no workflow interceptors: a RunWorkflow span proves the tracing bundle was chosen.
    const bundles: Record<string, string> = prebuilt
      ? {
          WORKFLOW_BUNDLE_PATH: await writeWorkflowBundle(join(dir.path, 'plain.js'), WORKFLOWS_PATH),
          WORKFLOW_BUNDLE_PATH_TRACING: await writeWorkflowBundle(
            join(dir.path, 'tracing.js'),
            WORKFLOWS_PATH,
            [otelWorkflowInterceptors()],
          ),
        }
      : {};
    const worker = await startWorkerProcess({
      ...q,
      ...bundles,
      TEMPORAL_ADDRESS: server.address,
      ENABLE_TRACING: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    onTestFinished(() => worker.process.stop());
    const order = makeOrder();
    const result: OrderResult = await server.env.client.workflow.execute('OrderWorkflow', {
      workflowId: order.orderId,
      taskQueue: q.ORDER_TASK_QUEUE,
      args: [order],
    });
    expect(result.outcome).toBe('COMPLETED');
    const spans = await eventually(
      async () => {
        const all = Buffer.concat(bodies).toString('latin1');
        return all.includes('RunActivity:chargePayment') && all.includes('RunWorkflow:OrderWorkflow')
          ? all
          : undefined;
      },
      20_000,
      'workflow and activity spans at the collector',
    );
    expect(paths.every((p) => p === '/v1/traces')).toBe(true);
    expect(spans).toContain('RunActivity:shipOrder');
    expect(spans).toContain('order-worker');
  });
});

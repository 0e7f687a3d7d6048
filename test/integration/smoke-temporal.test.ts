import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORDERS_NAMESPACE,
  startTemporal,
  type TemporalDevServer,
} from '../../scripts/local-platform/temporal.js';

describe('Temporal dev server (CLI, existing-path)', () => {
  let server: TemporalDevServer;
  let connection: Connection;

  beforeAll(async () => {
    server = await startTemporal();
    connection = await Connection.connect({ address: server.address });
  });
  afterAll(async () => {
    await connection?.close();
    await server?.teardown();
  });

  it('listens on 127.0.0.1 and describes both namespaces', async () => {
    expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
    for (const namespace of ['default', ORDERS_NAMESPACE]) {
      const described = await connection.workflowService.describeNamespace({ namespace });
      expect(described.namespaceInfo?.name).toBe(namespace);
    }
  });

  it('has the OrderID and CustomerTier search attributes in both namespaces', async () => {
    for (const namespace of ['default', ORDERS_NAMESPACE]) {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      expect(Object.keys(customAttributes ?? {})).toEqual(
        expect.arrayContaining(['OrderID', 'CustomerTier']),
      );
    }
  });

  it('runs a workflow with an activity through a real worker', async () => {
    const taskQueue = `smoke-${Date.now()}`;
    const worker = await Worker.create({
      connection: server.env.nativeConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('../fixtures/smoke/workflows.ts', import.meta.url)),
      activities: { greet: async (name: string) => `hello ${name}` },
    });
    const result = await worker.runUntil(
      server.env.client.workflow.execute('smokeWorkflow', {
        taskQueue,
        workflowId: `smoke-${Date.now()}`,
        args: ['temporal'],
      }),
    );
    expect(result).toBe('hello temporal');
  });
});

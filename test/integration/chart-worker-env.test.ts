import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { freePort } from '../support/ports.js';
import { httpOk, startProcess } from '../support/process.js';
import { startTemporal, type TemporalDevServer } from '../support/temporal.js';
import { tool } from '../support/tools.js';

// The environment the chart gives the worker container, run by the real worker process against the dev
// server: proves the chart's env names and values are ones the worker accepts (it exits on a bad one).
const CHART = fileURLToPath(new URL('../../charts/order-worker', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url));
const DIGEST = `sha256:${'d'.repeat(64)}`;

interface EnvVar {
  name: string;
  value?: string;
}

async function renderedEnv(args: string[]): Promise<Record<string, string>> {
  const { stdout } = await execa(tool('helm'), [
    'template',
    'order-worker',
    CHART,
    '--kube-version',
    '1.37.2',
    '--show-only',
    'templates/deployment.yaml',
    '--set-string',
    `image.digest=${DIGEST}`,
    ...args,
  ]);
  const [doc] = parseAllDocuments(stdout);
  const deployment = doc?.toJS() as { spec: { template: { spec: { containers: { env: EnvVar[] }[] } } } };
  const vars = deployment.spec.template.spec.containers[0]!.env;
  return Object.fromEntries(vars.filter((v) => v.value !== undefined).map((v) => [v.name, v.value!]));
}

let temporal: TemporalDevServer;
beforeAll(async () => {
  temporal = await startTemporal();
});
afterAll(async () => {
  await temporal?.teardown();
});

async function runWorker(name: string, chartEnv: Record<string, string>) {
  const [metrics, health] = [await freePort(), await freePort()];
  const env = {
    ...chartEnv,
    // Only what differs between a pod and this machine: where Temporal is, and loopback ports.
    TEMPORAL_ADDRESS: temporal.address,
    LISTEN_HOST: '127.0.0.1',
    METRICS_PORT: String(metrics),
    HEALTH_PORT: String(health),
    SHUTDOWN_GRACE_MS: '5000',
  };
  const worker = await startProcess(name, process.execPath, [WORKER_MAIN], {
    env,
    ready: () => httpOk(`http://127.0.0.1:${health}/ready`),
    readyTimeoutMs: 90_000,
  });
  onTestFinished(() => worker.stop(10_000));
  return { worker, metrics, health };
}

describe('the chart worker env, run by the real worker', () => {
  it('task-queue strategy: becomes ready on the rendered queues and exits 0 on SIGTERM', async () => {
    const chartEnv = await renderedEnv([
      '--set-string',
      'worker.orderTaskQueue=chart-order-v1,worker.paymentTaskQueue=chart-payment-v1,worker.buildId=1.0.0',
    ]);
    expect(chartEnv.ORDER_TASK_QUEUE).toBe('chart-order-v1');
    const { worker, metrics } = await runWorker('chart-worker', chartEnv);
    expect(await httpOk(`http://127.0.0.1:${metrics}/metrics`)).toBe(true);
    await worker.stop(10_000);
    expect(await worker.exited).toBe(0);
  });

  it('worker-versioning strategy: registers its build id in the deployment the chart names', async () => {
    const chartEnv = await renderedEnv([
      '--set',
      'worker.versioning.enabled=true',
      '--set-string',
      'worker.orderTaskQueue=chart-order-vv,worker.paymentTaskQueue=chart-payment-vv,worker.buildId=2.0.0,worker.deploymentName=chart-order-worker',
    ]);
    expect(chartEnv).toMatchObject({ DEPLOYMENT_NAME: 'chart-order-worker', BUILD_ID: '2.0.0' });
    await runWorker('chart-worker-versioned', chartEnv);
    const service = temporal.env.client.workflowService;
    let buildIds: string[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const described = await service
        .describeWorkerDeployment({ namespace: 'default', deploymentName: 'chart-order-worker' })
        .catch(() => undefined);
      buildIds = (described?.workerDeploymentInfo?.versionSummaries ?? []).map(
        (v) => v.deploymentVersion?.buildId ?? '',
      );
      if (buildIds.includes('2.0.0')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(buildIds).toContain('2.0.0');
  });
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { freePort } from '../../scripts/local-platform/ports.js';
import { httpOk, startProcess } from '../../scripts/local-platform/process.js';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';

// The environment the chart gives the worker container, run by the real worker process against the dev
// server: proves the chart's env names and values are ones the worker accepts (it exits on a bad one).
const CHART = fileURLToPath(new URL('../../charts/order-worker', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url));
const STARTER_MAIN = fileURLToPath(new URL('../../worker/dist/starter/server.js', import.meta.url));
const DIGEST = `sha256:${'d'.repeat(64)}`;

interface EnvVar {
  name: string;
  value?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary YAML
type Manifest = Record<string, any>;

async function render(args: string[]): Promise<Manifest[]> {
  const { stdout } = await execa(tool('helm'), [
    'template',
    'order-worker',
    CHART,
    '--kube-version',
    '1.37.2',
    '--set-string',
    `image.digest=${DIGEST}`,
    ...args,
  ]);
  return parseAllDocuments(stdout)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

function containerEnv(deployment: Manifest): Record<string, string> {
  const vars = deployment.spec.template.spec.containers[0].env as EnvVar[];
  return Object.fromEntries(vars.filter((v) => v.value !== undefined).map((v) => [v.name, v.value!]));
}

async function renderedEnv(args: string[]): Promise<Record<string, string>> {
  const manifests = await render(args);
  return containerEnv(manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'order-worker')!);
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

  it('the starter, with the rendered env and routing ConfigMap, sends new orders where the weights say', async () => {
    const dir = await tempDir('chart-starter');
    onTestFinished(() => dir.remove());
    const routesFile = join(dir.path, 'routes.json');
    const routed = async (routes: { taskQueue: string; weight: number }[]) => {
      const manifests = await render([
        '--set',
        'starter.enabled=true',
        '--set-json',
        `routing.routes=${JSON.stringify(routes)}`,
      ]);
      const configMap = manifests.find((m) => m.kind === 'ConfigMap')!;
      const starter = manifests.find(
        (m) => m.kind === 'Deployment' && m.metadata.name === 'order-worker-starter',
      )!;
      return { routesJson: configMap.data['routes.json'] as string, env: containerEnv(starter) };
    };
    const first = await routed([
      { taskQueue: 'chart-q-a', weight: 0 },
      { taskQueue: 'chart-q-b', weight: 100 },
    ]);
    await writeFile(routesFile, first.routesJson);
    const port = await freePort();
    const starter = await startProcess('chart-starter', process.execPath, [STARTER_MAIN], {
      // The pod's path of the mounted ConfigMap becomes this temp file; everything else as rendered.
      env: {
        ...first.env,
        ROUTING_FILE: routesFile,
        TEMPORAL_ADDRESS: temporal.address,
        STARTER_PORT: String(port),
        LISTEN_HOST: '127.0.0.1',
      },
      ready: () => httpOk(`http://127.0.0.1:${port}/healthz`),
      readyTimeoutMs: 60_000,
    });
    onTestFinished(() => starter.stop(10_000));
    const order = async (orderId: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          orderId,
          customerId: 'c-1',
          items: [{ sku: 'sku-1', quantity: 1 }],
          amountCents: 1500,
          currency: 'EUR',
          paymentToken: 'tok_test',
          shippingAddress: '1 Test Street',
        }),
      });
      expect(response.status, await response.clone().text()).toBe(202);
      return ((await response.json()) as { taskQueue: string }).taskQueue;
    };
    expect(await order('chart-order-1')).toBe('chart-q-b');
    expect(await order('chart-order-2')).toBe('chart-q-b');

    // The pipeline upgrades the stable release with new weights; the kubelet rewrites the mounted file.
    const second = await routed([
      { taskQueue: 'chart-q-a', weight: 100 },
      { taskQueue: 'chart-q-b', weight: 0 },
    ]);
    await writeFile(routesFile, second.routesJson);
    expect(await order('chart-order-3')).toBe('chart-q-a');
  });
});

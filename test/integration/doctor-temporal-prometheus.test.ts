// `temporal-rollout doctor` (its CLI) against a real Temporal dev server, the real order worker as the stable
// release, and a real Prometheus scraping it with the chart's runbook rules: each check fails for its reason,
// then passes once the environment is fixed.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import proto from '@temporalio/proto';
import { execa } from 'execa';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FileStateStore } from '../../actions/src/adapters/state-file.js';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import {
  ensureWorkerBuilt,
  prebuiltWorkflowBundle,
  startWorkerProcess,
  type WorkerProcess,
} from '../../scripts/local-platform/order-worker.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import {
  type PrometheusServer,
  startPrometheus,
  writeFileSdTargets,
} from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { makePki, startMtlsProxy } from '../../worker/test/support/tls.js';
import { doctorUntil, runDoctor } from './doctor-support.js';

const { temporal } = proto;

const ORDER_QUEUE = 'doctor-order-v1';
const PAYMENT_QUEUE = 'doctor-payment-v1';

const STABLE: RolloutState = {
  schema: 1,
  app: 'order-worker',
  strategy: 'task-queue',
  phase: 'stable',
  stable: {
    version: '1.0.0',
    buildId: '1.0.0',
    image: 'local',
    orderQueue: ORDER_QUEUE,
    paymentQueue: PAYMENT_QUEUE,
  },
  deployed: [],
  history: [],
};

/** The chart's PrometheusRule for the stable queues, as a Prometheus rule file. */
async function renderedRunbookRules(): Promise<string> {
  const { stdout } = await execa(tool('helm'), [
    'template',
    'order-worker',
    join(repoRoot, 'charts', 'order-worker'),
    '--set-string',
    `image.tag=1.0.0,worker.orderTaskQueue=${ORDER_QUEUE},worker.paymentTaskQueue=${PAYMENT_QUEUE}`,
    '--show-only',
    'templates/prometheusrule.yaml',
  ]);
  return stringify({ groups: (parse(stdout) as { spec: { groups: unknown[] } }).spec.groups });
}

describe('doctor: Temporal and Prometheus checks against real servers', () => {
  let server: TemporalDevServer;
  let prometheus: PrometheusServer;
  let worker: WorkerProcess | undefined;
  let dir: TempDir;
  let rulesDir: string;
  let fileSd: string;
  let base: string[];

  beforeAll(async () => {
    await ensureWorkerBuilt();
    server = await startTemporal();
    dir = await tempDir('doctor');
    rulesDir = join(dir.path, 'rules');
    await mkdir(rulesDir);
    fileSd = join(dir.path, 'targets.json');
    await writeFileSdTargets(fileSd, []);
    prometheus = await startPrometheus([], { fileSd, ruleFiles: [join(rulesDir, '*.yaml')] });
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      [
        'app: order-worker',
        'image: registry.example.com/acme/order-worker',
        'taskQueues:',
        '  order: { base: doctor-order }',
        '  payment: { base: doctor-payment }',
        'doctor: { metricsMaxAge: 30s }',
      ].join('\n'),
    );
    const stateDir = join(dir.path, '.rollout');
    await new FileStateStore(join(stateDir, 'state.json')).save(STABLE);
    base = ['--config', config, '--state-dir', stateDir, '--temporal-address', server.address];
  });
  afterAll(async () => {
    await worker?.process.stop();
    await prometheus?.stop();
    await server?.teardown();
    await dir?.remove();
  });

  it('a dead frontend and a dead Prometheus fail quickly with the reason; dependent checks are skipped', async () => {
    const [deadTemporal, deadPrometheus] = [await freePort(), await freePort()];
    const run = await runDoctor([
      ...base,
      '--only',
      'temporal,prometheus',
      '--temporal-address',
      `127.0.0.1:${deadTemporal}`,
      '--prometheus-url',
      `http://127.0.0.1:${deadPrometheus}`,
      '--timeout',
      '3s',
    ]);
    expect(run.code).toBe(1);
    expect(run.check('temporal.frontend')).toMatchObject({
      status: 'fail',
      seen: expect.stringContaining(`127.0.0.1:${deadTemporal}`),
    });
    expect(run.check('prometheus.reachable')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(/cannot reach .*ECONNREFUSED/),
    });
    for (const id of [
      'temporal.namespace',
      'temporal.pollers',
      'prometheus.sdk-metrics',
      'prometheus.alert-rules',
    ])
      expect(run.check(id).status).toBe('skip');
    expect(run.elapsedMs).toBeLessThan(10_000);
    console.log(`doctor: dead endpoints reported in ${run.elapsedMs} ms`);
  });

  it("the stable release's queues without workers and metrics fail; with the stable worker running they pass; stopped, its metrics go stale", async () => {
    const argv = [...base, '--only', 'temporal,prometheus', '--prometheus-url', prometheus.url];
    const before = await runDoctor(argv);
    expect(before.code).toBe(1);
    expect(before.check('temporal.frontend').status).toBe('pass');
    expect(before.check('temporal.namespace')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(/default is registered, retention/),
    });
    expect(before.check('temporal.pollers')).toMatchObject({
      status: 'fail',
      seen: expect.stringContaining(`${ORDER_QUEUE} (workflow): 0 poller(s)`),
      fix: expect.stringContaining(`${PAYMENT_QUEUE} (activity)`),
    });
    expect(before.check('prometheus.sdk-metrics')).toMatchObject({
      status: 'fail',
      seen: expect.stringContaining(`${ORDER_QUEUE}: no temporal_* series`),
    });

    const bundle = await prebuiltWorkflowBundle(dir.path);
    worker = await startWorkerProcess({
      TEMPORAL_ADDRESS: server.address,
      ORDER_TASK_QUEUE: ORDER_QUEUE,
      PAYMENT_TASK_QUEUE: PAYMENT_QUEUE,
      WORKFLOW_BUNDLE_PATH: bundle,
      LOG_LEVEL: 'WARN',
    });
    await writeFileSdTargets(fileSd, [{ address: new URL(worker.metricsUrl).host }]);
    const after = await doctorUntil(
      argv,
      (r) =>
        r.check('temporal.pollers').status === 'pass' && r.check('prometheus.sdk-metrics').status === 'pass',
    );
    expect(after.check('temporal.pollers')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(new RegExp(`${PAYMENT_QUEUE} \\(activity\\): [1-9]\\d* poller`)),
    });
    expect(after.check('prometheus.sdk-metrics')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(new RegExp(`${ORDER_QUEUE}: last sample \\d+ s ago`)),
    });

    // The stable workers stop: their series go stale in Prometheus and the check fails again.
    await worker.process.stop();
    worker = undefined;
    const stale = await doctorUntil(argv, (r) => r.check('prometheus.sdk-metrics').status === 'fail', 20_000);
    expect(stale.check('prometheus.sdk-metrics')).toMatchObject({
      status: 'fail',
      seen: expect.stringContaining(`${ORDER_QUEUE}: no temporal_* series`),
    });
  });

  it('runbook alerts: not loaded fails; loaded (reload) passes; one firing fails by name', async () => {
    const argv = [...base, '--only', 'prometheus', '--prometheus-url', prometheus.url];
    const missing = await runDoctor(argv);
    expect(missing.check('prometheus.alert-rules')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(
        /6 of 6 runbook alerts are not loaded: OrderPaymentActivityRetries, .*OrderWorkflowTooSlow/,
      ),
    });
    expect(missing.check('prometheus.alerts-firing').status).toBe('skip');

    await writeFile(join(rulesDir, 'runbook.yaml'), await renderedRunbookRules());
    prometheus.reload();
    const loaded = await doctorUntil(
      argv,
      (r) => r.check('prometheus.alert-rules').status === 'pass',
      20_000,
    );
    expect(loaded.check('prometheus.alert-rules')).toMatchObject({
      status: 'pass',
      seen: expect.stringContaining('all 6 runbook alerts loaded (from charts/order-worker/templates)'),
    });
    expect(loaded.check('prometheus.alerts-firing')).toMatchObject({
      status: 'pass',
      seen: expect.stringContaining('none of the 6'),
    });

    // A runbook alert that fires now (its condition made always true).
    const firing = join(rulesDir, 'firing.yaml');
    await writeFile(
      firing,
      stringify({
        groups: [{ name: 'drill', rules: [{ alert: 'OrderWorkerPanics', expr: 'vector(1)', for: '0s' }] }],
      }),
    );
    prometheus.reload();
    const fired = await doctorUntil(
      argv,
      (r) => r.check('prometheus.alerts-firing').status === 'fail',
      20_000,
    );
    expect(fired.code).toBe(1);
    expect(fired.check('prometheus.alerts-firing')).toMatchObject({
      status: 'fail',
      seen: 'firing: OrderWorkerPanics (1 alert(s))',
    });
    await rm(firing);
    prometheus.reload();
    const quiet = await doctorUntil(
      argv,
      (r) => r.check('prometheus.alerts-firing').status === 'pass',
      20_000,
    );
    expect(quiet.check('prometheus.alerts-firing').status).toBe('pass');
  });

  it('a namespace without the search attributes the histories use fails; registering them passes', async () => {
    const namespace = 'doctor-new';
    const service = server.env.connection.workflowService;
    await service.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) },
    });
    const argv = [...base, '--only', 'temporal', '--namespace', namespace];
    const without = await doctorUntil(argv, (r) => r.check('temporal.namespace').status === 'pass', 30_000);
    expect(without.check('temporal.namespace')).toMatchObject({
      status: 'pass',
      seen: `namespace ${namespace} is registered, retention 24h`,
    });
    expect(without.check('temporal.search-attributes')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(
        /CustomerTier \(Keyword, used in histories\/OrderWorkflow\/.+\.json\) is not registered/,
      ),
      fix: `temporal operator search-attribute create --namespace ${namespace} --name CustomerTier --type Keyword --name OrderID --type Keyword`,
    });

    const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    await server.env.connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: { OrderID: keyword, CustomerTier: keyword },
    });
    const registered = await doctorUntil(
      argv,
      (r) => r.check('temporal.search-attributes').status === 'pass',
      30_000,
    );
    expect(registered.check('temporal.search-attributes')).toMatchObject({
      status: 'pass',
      seen: `CustomerTier (Keyword), OrderID (Keyword) registered in ${namespace}`,
    });

    const nowhere = await runDoctor([...base, '--only', 'temporal', '--namespace', 'doctor-missing']);
    expect(nowhere.check('temporal.namespace')).toMatchObject({
      status: 'fail',
      seen: 'namespace doctor-missing does not exist',
      fix: expect.stringContaining('temporal operator namespace create --namespace doctor-missing'),
    });
    // One cause, one failure: the checks inside the namespace are skipped.
    expect(nowhere.check('temporal.search-attributes').status).toBe('skip');
    expect(nowhere.check('temporal.pollers').status).toBe('skip');
  });

  it('worker versioning: available on this server passes; a server with it turned off fails', async () => {
    const versioning = [...base, '--only', 'temporal', '--strategy', 'worker-versioning'];
    expect((await runDoctor(versioning)).check('temporal.worker-versioning')).toMatchObject({
      status: 'pass',
      seen: 'default serves Worker Deployments (order-worker)',
    });
    expect(
      (await runDoctor([...base, '--only', 'temporal'])).check('temporal.worker-versioning').status,
    ).toBe('skip');

    const off = await startTemporal({
      extraArgs: ['--dynamic-config-value', 'system.enableDeploymentVersions=false'],
    });
    try {
      const run = await runDoctor([...versioning, '--temporal-address', off.address]);
      expect(run.check('temporal.worker-versioning')).toMatchObject({
        status: 'fail',
        seen: expect.stringContaining('default does not serve Worker Deployments'),
      });
    } finally {
      await off.teardown();
    }
  });

  it('mTLS: the configured client certificate passes; one from another CA fails, naming the address', async () => {
    await mkdir(join(dir.path, 'pki'), { recursive: true });
    const pki = await makePki(join(dir.path, 'pki'), 'temporal.test');
    const proxy = await startMtlsProxy(pki, server.address, (p) => readFile(p));
    try {
      const tls = [
        '--only',
        'temporal',
        '--temporal-address',
        proxy.address,
        '--tls-ca',
        pki.caCert,
        '--tls-server-name',
        'temporal.test',
      ];
      const good = await runDoctor([
        ...base,
        ...tls,
        '--tls-cert',
        pki.clientCert,
        '--tls-key',
        pki.clientKey,
      ]);
      expect(good.check('temporal.frontend')).toMatchObject({
        status: 'pass',
        seen: `${proxy.address} answered (mTLS client certificate)`,
      });
      expect(good.check('temporal.namespace').status).toBe('pass');
      const rogue = await runDoctor([
        ...base,
        ...tls,
        '--tls-cert',
        pki.rogueCert,
        '--tls-key',
        pki.rogueKey,
        '--timeout',
        '5s',
      ]);
      expect(rogue.code).toBe(1);
      expect(rogue.check('temporal.frontend')).toMatchObject({
        status: 'fail',
        seen: expect.stringContaining(`${proxy.address} (mTLS client certificate)`),
      });
    } finally {
      await proxy.close();
    }
  });
});

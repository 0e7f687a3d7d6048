// The rollout worker killed inside an activity on the Helm path: RolloutWorkflow runs in a real
// `temporal-rollout controller` process against a kwok cluster and a real dev server, a release is started with
// `temporal-rollout release`, and the stand-in kubelet runs the chart's worker and order-starter pods as real
// processes, scraped by a real Prometheus for the analysis. While the promotion's `helm upgrade --wait` hangs
// (a ResourceQuota refuses the new pod), the controller's whole process group is SIGKILLed, helm included,
// leaving the stable release pending-upgrade. A second controller takes the activity's retry, recovers the
// release, and the rollout ends promoted with orders completing on the new queue. The controllers run as the
// chart's least-privilege deploy ServiceAccount (deployRbac), as the chart's controller Deployment does.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RolloutStatus, releaseOutcome, rolloutWorkflowId } from '../../actions/src/controller/api.js';
import { readStatus } from '../../actions/src/controller/client.js';
import { bundleRolloutWorkflows } from '../../actions/src/controller/worker.js';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import { type KubernetesCluster, startKubernetes } from '../support/kubernetes.js';
import type { PodProcess, PodRunner } from '../support/kwok-pods.js';
import { type PrometheusServer, startPrometheus, writeFileSdTargets } from '../support/prometheus.js';
import { type TempDir, tempDir } from '../support/temp.js';
import { startTemporal, type TemporalDevServer } from '../support/temporal.js';
import { tool } from '../support/tools.js';
import { brief, REPO_ROOT } from './controller-support.js';
import { helmRolloutYaml, order, startOrderWorkerPods } from './rollout-support.js';

const CLI = join(REPO_ROOT, 'actions', 'src', 'entries', 'cli.ts');
const APP = 'order-worker';
const digest = (n: number) => `registry.example.com/acme/order-worker@sha256:${String(n).repeat(64)}`;
const route = (version: number, weight: number) => ({ taskQueue: `order-task-queue-v${version}`, weight });
/** Short enough for a test, long enough that the kill lands inside `helm upgrade --wait`. */
const HELM_TIMEOUT_S = 20;

interface HelmRow {
  revision: number;
  status: string;
  description: string;
}
interface Deployment {
  spec: { template: { spec: { containers: { image: string }[] } } };
}

describe('the rollout worker SIGKILLed inside helm upgrade --wait (Helm path, kwok cluster)', () => {
  let cluster: KubernetesCluster;
  let server: TemporalDevServer;
  let prometheus: PrometheusServer;
  let dir: TempDir;
  let pods: PodRunner;
  let connection: Connection;
  let client: Client;
  let flags: string[];
  /** Every CLI process started here, stopped by afterAll if still running. */
  const processes: ResultPromise[] = [];
  const ended = new Set<ResultPromise>();
  /** What each process printed so far (its last 20 kB). */
  const printedBy = new Map<ResultPromise, () => string>();
  let controllerA: ResultPromise | undefined;
  const stops: (() => Promise<unknown>)[] = [];
  const rejected: string[] = [];

  const workers = (running: PodProcess[]) =>
    running.filter((p) => p.labels['app.kubernetes.io/component'] === 'worker');
  const queues = (running: PodProcess[]) =>
    workers(running)
      .map((p) => p.env.ORDER_TASK_QUEUE)
      .sort();
  const starterUrl = () => {
    const starter = pods.running().find((p) => p.labels['app.kubernetes.io/component'] === 'starter');
    return starter ? `http://127.0.0.1:${starter.ports.http}` : undefined;
  };

  const cli = (command: 'release' | 'controller', args: string[]) => {
    // Its own process group: a SIGKILL to the group takes the helm it runs down with it, as a pod kill does.
    const run = execa(process.execPath, ['--import', 'tsx', CLI, command, ...args, ...flags], {
      cwd: REPO_ROOT,
      reject: false,
      detached: true,
      all: true,
      env: { LOG_LEVEL: 'WARN' },
    });
    processes.push(run);
    let printed = '';
    run.all?.on('data', (chunk: Buffer) => {
      printed = `${printed}${chunk.toString()}`.slice(-20_000);
    });
    printedBy.set(run, () => printed);
    void run.finally(() => ended.add(run));
    return run;
  };
  const startController = (identity: string) => cli('controller', ['--identity', identity]);
  const killGroup = async (run: ResultPromise) => {
    if (run.pid === undefined) throw new Error('the controller did not start');
    process.kill(-run.pid, 'SIGKILL');
    await run;
  };

  const history = async (release: string): Promise<HelmRow[]> => {
    const run = await execa(tool('helm'), ['history', release, '-n', cluster.namespace, '-o', 'json'], {
      env: { KUBECONFIG: cluster.kubeconfig, HELM_DRIVER: 'configmap' },
      reject: false,
    });
    return run.exitCode === 0 ? (JSON.parse(run.stdout) as HelmRow[]) : [];
  };
  const imageOf = async (name: string) =>
    (await cluster.getJson<Deployment>(['deployment', name, '-n', cluster.namespace])).spec.template.spec
      .containers[0]?.image;
  const configMap = async (name: string, key: string) => {
    const map = await cluster.getJson<{ data: Record<string, string> }>([
      'configmap',
      name,
      '-n',
      cluster.namespace,
    ]);
    return JSON.parse(map.data[key] ?? '{}') as unknown;
  };
  /** The routes the starter reads: the routing ConfigMap, straight from the API server. */
  const routesInCluster = async () =>
    ((await configMap('order-worker-routing', 'routes.json')) as { routes: unknown }).routes;
  const stateInCluster = async () =>
    (await configMap('order-worker-rollout-state', 'state.json')) as RolloutState;
  const podCount = async () =>
    (await cluster.getJson<{ items: unknown[] }>(['pods', '-n', cluster.namespace])).items.length;
  /** A ResourceQuota admitting exactly the pods there are now: the next new pod is refused. */
  const freezePods = async () => {
    const present = await podCount();
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'pods', namespace: cluster.namespace },
      spec: { hard: { pods: String(present) } },
    };
    await cluster.kubectl(['apply', '-f', '-'], { input: JSON.stringify(quota) });
    await cluster.kubectl([
      'wait',
      '-n',
      cluster.namespace,
      `--for=jsonpath={.status.used.pods}=${present}`,
      'resourcequota/pods',
      '--timeout=60s',
    ]);
  };
  const unfreezePods = () => cluster.kubectl(['delete', 'resourcequota', 'pods', '-n', cluster.namespace]);

  const status = async (): Promise<RolloutStatus | undefined> =>
    readStatus(client, APP).catch(() => undefined);
  const waitForStatus = async (until: (s: RolloutStatus) => boolean, what: string, timeoutMs: number) => {
    let last: RolloutStatus | undefined;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      last = await status();
      if (last && until(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}; status: ${JSON.stringify(brief(last))}`);
  };

  beforeAll(async () => {
    [cluster, server, dir] = await Promise.all([
      startKubernetes({ nodes: 1 }),
      startTemporal({
        extraArgs: [
          '--dynamic-config-value',
          'frontend.enableUpdateWorkflowExecution=true',
          '--dynamic-config-value',
          'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
        ],
      }),
      tempDir('k8s-controller'),
    ]);
    const fileSd = join(dir.path, 'targets.json');
    await writeFileSdTargets(fileSd, []);
    prometheus = await startPrometheus([], { fileSd });
    const values = join(dir.path, 'values.yaml');
    // One worker per release, and the chart's order starter routing new orders by the routing ConfigMap.
    await writeFile(values, 'replicaCount: 1\nstarter:\n  enabled: true\n');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      helmRolloutYaml({
        drain: '{ policy: wait, timeout: 120s }',
        helm: `{ release: order-worker, timeout: ${HELM_TIMEOUT_S}s, valuesFiles: [ ${JSON.stringify(values)} ] }`,
        steps: '[ { weight: 50, pause: 1s }, { weight: 100 } ]',
        extra: [
          'analysis:',
          '  initialDelay: 6s',
          '  interval: 2s',
          '  count: 3',
          '  window: 15s',
          '  minSamples: 2',
          '  failureLimit: 0',
          '  inconclusiveLimit: 2',
          '  builtins: [non-determinism, activity-failure-rate]',
        ],
      }),
    );
    // The controllers run as the chart's deploy ServiceAccount, as the chart's controller Deployment does: an
    // admin installs its RBAC once, and every helm and kubectl call of the rollout goes through that Role.
    await execa(
      tool('helm'),
      [
        'upgrade',
        '--install',
        'order-worker-deployer',
        join(REPO_ROOT, 'charts', 'order-worker'),
        '--namespace',
        cluster.namespace,
        '--set',
        'deployRbac.only=true',
        '--wait',
      ],
      { env: { KUBECONFIG: cluster.kubeconfig, HELM_DRIVER: 'configmap' } },
    );
    const { stdout: token } = await cluster.kubectl([
      'create',
      'token',
      'order-worker-deployer',
      '-n',
      cluster.namespace,
      '--duration',
      '2h',
    ]);
    const asDeployer = await cluster.writeTokenKubeconfig(token.trim(), 'deployer.kubeconfig');
    const bundle = join(dir.path, 'rollout-workflows.js');
    await writeFile(bundle, (await bundleRolloutWorkflows()).code);
    flags = [
      '--config',
      config,
      '--deployer',
      'helm',
      '--kubeconfig',
      asDeployer,
      '--helm-namespace',
      cluster.namespace,
      '--helm',
      tool('helm'),
      '--kubectl',
      tool('kubectl'),
      '--temporal-address',
      server.address,
      '--state-dir',
      join(dir.path, '.rollout'),
      '--prometheus-url',
      prometheus.url,
      '--workflow-bundle',
      bundle,
    ];
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection, namespace: 'default' });
    pods = await startOrderWorkerPods(cluster, dir.path, ['worker', 'starter']);

    // Worker pods come and go with each step: publish their metrics ports to Prometheus every second.
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        const targets = workers(pods.running()).flatMap((p) =>
          p.ports.metrics ? [{ address: `127.0.0.1:${p.ports.metrics}`, labels: { pod: p.pod } }] : [],
        );
        await writeFileSdTargets(fileSd, targets).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();
    stops.push(async () => {
      publishing = false;
      await publisher;
    });
  }, 240_000);

  afterAll(async () => {
    for (const stop of stops.toReversed()) await stop().catch(() => undefined);
    for (const run of processes) {
      if (!ended.has(run) && run.pid !== undefined) {
        try {
          process.kill(-run.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await run;
    }
    await pods?.stop();
    await connection?.close();
    await prometheus?.stop();
    // delete() throws when the cluster does not stop cleanly: the suite fails rather than leaking it.
    await Promise.all([cluster?.delete(), server?.teardown()]);
    await dir?.remove();
  }, 180_000);

  it('installs 1.0.0 through the workflow run by a controller process, the release CLI following it', async () => {
    controllerA = startController('controller-a');
    const install = await cli('release', ['--version', '1.0.0', '--image', digest(1), '--no-worker']);
    expect(install.exitCode, install.all).toBe(0);
    expect(install.stdout).toMatch(/1\.0\.0: installed/);
    expect(await routesInCluster()).toEqual([route(1, 100)]);
    expect(await imageOf('order-worker')).toBe(digest(1));
    await pods.waitFor(
      (running) => queues(running).join() === 'order-task-queue-v1' && starterUrl() !== undefined,
      'a v1 worker and the starter',
    );

    // A bounded stream of orders through the starter the chart runs (1/s, at most 600), wherever it runs now:
    // enough for the analysis, little enough that a loaded machine drains v1 in time.
    let sent = 0;
    const timer = setInterval(() => {
      const url = starterUrl();
      if (!url || sent >= 600) return;
      sent++;
      const id = `k8s-ctl-${sent}-${Date.now().toString(36)}`;
      void fetch(`${url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(order(id)),
        signal: AbortSignal.timeout(5_000),
      })
        .then(async (r) => {
          if (r.status !== 202) rejected.push(`${r.status} ${await r.text()}`);
        })
        // A starter pod replaced by an upgrade refuses connections for a moment: counted, not asserted.
        .catch((err: Error) => rejected.push(err.message));
    }, 1_000);
    stops.push(async () => clearInterval(timer));
  }, 240_000);

  it('a second controller takes the retry of the killed promotion, recovers pending-upgrade, and promotes', async () => {
    const release = cli('release', [
      '--version',
      '2.0.0',
      '--image',
      digest(2),
      '--no-worker',
      '--heartbeat-timeout',
      '5s',
      '--drain-poll',
      '1s',
    ]);
    const at50 = await waitForStatus(
      (s) => s.release?.version === '2.0.0' && s.canary?.weight === 50 && s.phase === 'analyzing',
      'the 2.0.0 canary analysed at 50%',
      180_000,
    );
    expect(at50.canary).toEqual({ version: '2.0.0', weight: 50 });
    expect(await routesInCluster()).toEqual([route(1, 50), route(2, 50)]);
    await pods.waitFor(
      (running) => queues(running).join() === 'order-task-queue-v1,order-task-queue-v2',
      'v1 and v2 workers',
    );
    // The promotion moves the routes (no new pod), then upgrades stable to 2.0.0: its new pod is refused, so
    // that `helm upgrade --wait` hangs until the controller is killed.
    const before = (await history('order-worker')).at(-1)?.revision ?? 0;
    await freezePods();

    const first = controllerA;
    if (!first) throw new Error('controller-a is not running');
    let pending: HelmRow | undefined;
    for (const deadline = Date.now() + 420_000; !pending && Date.now() < deadline; ) {
      const latest = (await history('order-worker')).at(-1);
      if (latest?.status === 'pending-upgrade' && latest.revision >= before + 2) pending = latest;
      else if (ended.has(first)) throw new Error(`controller-a ended:\n${(await first).all}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
    if (!pending) {
      throw new Error(
        `stable never hung in an upgrade: ${JSON.stringify(await history('order-worker'))}; status ${JSON.stringify(brief(await status()))}`,
      );
    }
    const helmRunning = await execa('pgrep', ['-g', String(first.pid), '-f', 'helm upgrade'], {
      reject: false,
    });
    expect(helmRunning.exitCode, 'helm upgrade runs in controller-a').toBe(0);
    const promoting = await status();
    expect(promoting?.phase).toBe('promoting');

    await killGroup(first);
    const killedAt = Date.now();
    await unfreezePods();
    expect((await history('order-worker')).at(-1)).toMatchObject({
      revision: pending.revision,
      status: 'pending-upgrade',
    });

    const controllerB = startController('controller-b');
    const done = await waitForStatus(
      (s) => releaseOutcome(s, '2.0.0') !== undefined,
      'the 2.0.0 release to end',
      420_000,
    );
    const convergedAt = Date.now();
    expect(releaseOutcome(done, '2.0.0'), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    // The ramp went on from where it was: one canary, one analysis at 50% (passed), then the promotion.
    expect(done.analyses.filter((a) => a.version === '2.0.0').map((a) => [a.weight, a.verdict])).toEqual([
      [50, 'pass'],
    ]);
    expect(done.history.filter((e) => e.event === 'canary' && e.version === '2.0.0')).toHaveLength(1);
    expect(done.stable).toBe('2.0.0');

    // The killed attempt was retried by controller-b after its heartbeat stopped.
    const events = (await client.workflow.getHandle(rolloutWorkflowId(APP)).fetchHistory()).events ?? [];
    const promoteScheduled = events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'promote')
      .map((e) => String(e.eventId));
    const retried = events.find(
      (e) =>
        e.activityTaskStartedEventAttributes &&
        promoteScheduled.includes(String(e.activityTaskStartedEventAttributes.scheduledEventId)) &&
        (e.activityTaskStartedEventAttributes.attempt ?? 1) > 1,
    )?.activityTaskStartedEventAttributes;
    expect(retried?.identity).toBe('controller-b');
    expect(retried?.lastFailure?.timeoutFailureInfo?.timeoutType).toBeDefined();
    const retriedAt = events.find((e) => e.activityTaskStartedEventAttributes === retried)?.eventTime;

    // Helm: the pending revision was rolled back to the last good one, then 2.0.0 deployed; nothing pending.
    // Helm: the release is no longer pending — rolled back to the last good revision (the promotion's routing
    // revision), then 2.0.0 deployed. The killed revision stays in Helm's records as the killed helm left it
    // (a rollback supersedes only deployed revisions); nothing after it is pending and the newest is deployed.
    const stable = await history('order-worker');
    const told = `helm history: ${JSON.stringify(stable.map((r) => [r.revision, r.status, r.description.slice(0, 40)]))}\ncontroller-b:\n${printedBy.get(controllerB)?.()}`;
    const after = stable.filter((r) => r.revision > pending.revision);
    expect(
      after.map((r) => [r.status, r.description.replace(/ image=.*/, '')]),
      told,
    ).toEqual([
      ['superseded', `Rollback to ${before + 1}`],
      ['deployed', 'temporal-rollout version=2.0.0'],
    ]);
    expect(stable.find((r) => r.revision === pending.revision)?.status, told).not.toBe('deployed');
    expect(printedBy.get(controllerB)?.(), told).toMatch(
      new RegExp(
        `order-worker was stuck pending-upgrade at revision ${pending.revision} .*rolled back to revision ${before + 1}, the last good one`,
      ),
    );
    expect(await imageOf('order-worker')).toBe(digest(2));
    expect(await history('order-worker-canary')).toEqual([]);
    expect(await routesInCluster()).toEqual([route(2, 100)]);
    expect((await stateInCluster()).history.at(-1)).toMatchObject({ event: 'promote', version: '2.0.0' });
    await pods.waitFor((running) => queues(running).join() === 'order-task-queue-v2', 'only v2 workers');

    const released = await release;
    // Exit 0: promoted, or handed the drain to the controller that was polling.
    expect(released.exitCode, released.all).toBe(0);

    // A new order through the starter completes on the new queue, served by a 2.0.0 worker.
    await expect.poll(starterUrl, { timeout: 60_000 }).toBeDefined();
    const response = await fetch(`${starterUrl()}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order('k8s-ctl-after-promote')),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const fresh = client.workflow.getHandle('k8s-ctl-after-promote');
    expect(await fresh.result()).toMatchObject({ outcome: 'COMPLETED' });
    expect((await fresh.describe()).taskQueue).toBe('order-task-queue-v2');

    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      [
        `kill → promote retried on controller-b: ${retriedAt ? seconds(Number(String(retriedAt.seconds)) * 1000 + Math.floor((retriedAt.nanos ?? 0) / 1e6) - killedAt) : '?'} s`,
        `kill → rollout promoted: ${seconds(convergedAt - killedAt)} s`,
        `(helm timeout ${HELM_TIMEOUT_S} s; a pending revision counts as stuck ${HELM_TIMEOUT_S + 15} s after it began)`,
        `orders the starter refused or could not take meanwhile: ${rejected.length}`,
      ].join('\n'),
    );
  }, 1_200_000);
});

// The rollout worker killed inside an activity on the Helm path: RolloutWorkflow runs in a real
// `temporal-rollout controller` process against a kwok cluster and a real dev server, a release is started with
// `temporal-rollout release`, and the stand-in kubelet runs the chart's worker and order-starter pods as real
// processes, scraped by a real Prometheus for the analysis. While the promotion's `helm upgrade --wait` hangs
// (a ResourceQuota refuses the new pod), the controller's whole process group is SIGKILLed, helm included,
// leaving the stable release pending-upgrade. A second controller takes the activity's retry, recovers the
// release, and the rollout ends promoted with orders completing on the new queue. Side by side, in another
// namespace of the same cluster, only a controller's own process is killed: its helm lives on, and the other
// replica waits for that helm instead of racing it. The controllers run as the chart's least-privilege deploy
// ServiceAccount (deployRbac), as the chart's controller Deployment does.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { execa, type ResultPromise } from 'execa';
import { describe, expect, it } from 'vitest';
import { type RolloutStatus, releaseOutcome, rolloutWorkflowId } from '../../actions/src/controller/api.js';
import { readStatus } from '../../actions/src/controller/client.js';
import { bundleRolloutWorkflows } from '../../actions/src/controller/worker.js';
import { sleep } from '../../actions/src/core/sleep.js';
import type { KubernetesCluster } from '../../scripts/local-platform/kubernetes.js';
import type { PodProcess } from '../../scripts/local-platform/kwok-pods.js';
import { startPrometheus, writeFileSdTargets } from '../../scripts/local-platform/prometheus.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { deployerKubeconfig, limitPods, podCount, unlimitPods } from '../support/cluster-namespace.js';
import { killGroup } from '../support/process-group.js';
import { brief, REPO_ROOT } from './controller-support.js';
import {
  digest,
  type HelmLine,
  type HelmLineOptions,
  workerQueues as queues,
  route,
  useHelmLine,
  useSharedCluster,
} from './helm-lines.js';
import { order } from './rollout-support.js';

const CLI = join(REPO_ROOT, 'actions', 'src', 'entries', 'cli.ts');
const APP = 'order-worker';
/** Short enough for a test, long enough that the kill lands inside `helm upgrade --wait`. */
const HELM_TIMEOUT_S = 20;

/** The rollout workflows bundled once for the file (webpack takes seconds): both lines load the same code. */
let rolloutBundle: Promise<{ code: string }> | undefined;

const LINE: HelmLineOptions = {
  // One worker per release, and the chart's order starter routing new orders by the routing ConfigMap.
  values: 'replicaCount: 1\nstarter:\n  enabled: true\n',
  components: ['worker', 'starter'],
  drain: '{ policy: wait, timeout: 120s }',
  helmTimeoutS: HELM_TIMEOUT_S,
  steps: '[ { weight: 50, pause: 1s }, { weight: 100 } ]',
  extra: [
    'analysis:',
    // The canary's pod is Ready only once its worker serves (podReadiness: 'stand-in-kubelet').
    '  initialDelay: 6s',
    '  interval: 3s',
    '  count: 3',
    '  window: 20s',
    '  minSamples: 2',
    '  failureLimit: 0',
    '  inconclusiveLimit: 2',
    '  builtins: [non-determinism, activity-failure-rate]',
  ],
  temporalArgs: [
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  ],
  hookTimeoutsMs: { start: 240_000, stop: 180_000 },
};

/**
 * One line of releases in its own namespace of the shared cluster, with its own dev server, Prometheus, pods,
 * controllers and order traffic: registers the hooks that start it before the calling describe block's cases
 * and stop it after them, and returns what those cases use.
 */
function useLine(shared: () => KubernetesCluster, lineName: string) {
  return useHelmLine(shared, lineName, LINE, withControllers);
}

/** What a controller line adds to its Helm line: Prometheus, the deployer's kubeconfig, the CLI and the waits. */
async function withControllers(line: HelmLine) {
  const { cluster, server, dir, pods, history, imageOf, routesInCluster, stateInCluster, onStop } = line;
  /** Every CLI process started here, stopped when the line stops if still running. */
  const processes: ResultPromise[] = [];
  /** What each process printed so far (its last 20 kB). */
  const printedBy = new Map<ResultPromise, () => string>();
  const rejected: string[] = [];

  const fileSd = join(dir.path, 'targets.json');
  await writeFileSdTargets(fileSd, []);
  const prometheus = await startPrometheus([], { fileSd });
  onStop(() => prometheus.stop());
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
  const asDeployer = await deployerKubeconfig(cluster, '2h');
  const bundle = join(dir.path, 'rollout-workflows.js');
  rolloutBundle ??= bundleRolloutWorkflows();
  await writeFile(bundle, (await rolloutBundle).code);
  const flags = [
    ...line.cliFlags(asDeployer),
    '--prometheus-url',
    prometheus.url,
    '--workflow-bundle',
    bundle,
  ];
  const connection = await Connection.connect({ address: server.address });
  onStop(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });
  onStop(async () => {
    for (const run of processes) {
      // The whole group: a controller killed alone may have left its helm behind.
      if (run.pid !== undefined) {
        try {
          process.kill(-run.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await run;
    }
  });

  const workers = (running: PodProcess[]) =>
    running.filter((p) => p.labels['app.kubernetes.io/component'] === 'worker');
  const starterUrl = () => {
    const starter = pods.running().find((p) => p.labels['app.kubernetes.io/component'] === 'starter');
    return starter ? `http://127.0.0.1:${starter.ports.http}` : undefined;
  };

  // Worker pods come and go with each step: publish their metrics ports to Prometheus every second.
  let publishing = true;
  const publisher = (async () => {
    while (publishing) {
      const targets = workers(pods.running()).flatMap((p) =>
        p.ports.metrics ? [{ address: `127.0.0.1:${p.ports.metrics}`, labels: { pod: p.pod } }] : [],
      );
      await writeFileSdTargets(fileSd, targets).catch(() => undefined);
      await sleep(1_000);
    }
  })();
  onStop(async () => {
    publishing = false;
    await publisher;
  });

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
    return run;
  };
  const startController = (identity: string) => cli('controller', ['--identity', identity]);

  const status = async (): Promise<RolloutStatus | undefined> =>
    readStatus(client, APP).catch(() => undefined);
  const waitForStatus = async (until: (s: RolloutStatus) => boolean, what: string, timeoutMs: number) => {
    let last: RolloutStatus | undefined;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      last = await status();
      if (last && until(last)) return last;
      await sleep(250);
    }
    throw new Error(`timed out waiting for ${what}; status: ${JSON.stringify(brief(last))}`);
  };

  /**
   * Installs 1.0.0 through the workflow run by a controller process started as `identity`, the release CLI
   * following it, then starts the order traffic; returns that controller's process.
   */
  const install = async (identity: string) => {
    const controller = startController(identity);
    const installed = await cli('release', ['--version', '1.0.0', '--image', digest(1), '--no-worker']);
    expect(installed.exitCode, installed.all).toBe(0);
    expect(installed.stdout).toMatch(/1\.0\.0: installed/);
    expect(await routesInCluster()).toEqual([route(1, 100)]);
    expect(await imageOf('order-worker')).toBe(digest(1));
    await pods.waitFor(
      (running) => queues(running).join() === 'order-task-queue-v1' && starterUrl() !== undefined,
      'a v1 worker and the starter',
    );

    // A bounded stream of orders through the starter the chart runs (1/s, at most 1500), wherever it runs now:
    // enough for the analysis, little enough that a loaded machine drains v1 in time.
    let sent = 0;
    const timer = setInterval(() => {
      const url = starterUrl();
      if (!url || sent >= 1_500) return;
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
    onStop(async () => clearInterval(timer));
    // Wrapped: a process handle is a promise of its end, which an async function's return would await.
    return { controller };
  };

  /**
   * Releases `version` through the CLI and waits until its promotion's `helm upgrade --wait` of stable hangs
   * (a ResourceQuota refuses the new pod) inside `controller`, with helm running in the controller's group.
   */
  const releaseUntilPromotionHangs = async (version: number, controllers: ResultPromise[]) => {
    const release = cli('release', [
      '--version',
      `${version}.0.0`,
      '--image',
      digest(version),
      '--no-worker',
      '--heartbeat-timeout',
      '5s',
      '--drain-poll',
      '1s',
    ]);
    const at50 = await waitForStatus(
      (s) => s.release?.version === `${version}.0.0` && s.canary?.weight === 50 && s.phase === 'analyzing',
      `the ${version}.0.0 canary analysed at 50%`,
      180_000,
    );
    expect(at50.canary).toEqual({ version: `${version}.0.0`, weight: 50 });
    expect(await routesInCluster()).toEqual([route(version - 1, 50), route(version, 50)]);
    await pods.waitFor(
      (running) => queues(running).join() === `order-task-queue-v${version - 1},order-task-queue-v${version}`,
      `v${version - 1} and v${version} workers`,
    );
    // The promotion moves the routes (no new pod), then upgrades stable to the new version: its new pod is
    // refused, so that `helm upgrade --wait` hangs.
    const before = (await history('order-worker')).at(-1)?.revision ?? 0;
    // A quota admitting exactly the pods there are now.
    await limitPods(cluster, await podCount(cluster));
    const pending = await line.waitForLatest(
      'order-worker',
      (row) => row.status === 'pending-upgrade' && row.revision >= before + 2,
      {
        runs: controllers,
        timeoutMs: 420_000,
        said: (gone) => `a controller ended:\n${printedBy.get(gone)?.() ?? ''}`,
        context: async () =>
          `stable never hung in an upgrade; status ${JSON.stringify(brief(await status()))}`,
      },
    );
    // A loop, not Promise.all: a process handle is a promise of its end, and would be awaited.
    let runner: ResultPromise | undefined;
    for (const c of controllers) if (!runner && (await helmRunsIn(c))) runner = c;
    if (!runner) throw new Error('no controller runs the hanging helm upgrade');
    expect((await status())?.phase).toBe('promoting');
    return { release, before, pending, runner };
  };
  const helmRunsIn = async (run: ResultPromise) =>
    (await execa('pgrep', ['-g', String(run.pid), '-f', 'helm upgrade'], { reject: false })).exitCode === 0;

  /** The promote activity's attempt that completed after a retry: who ran it, when, and why it was retried. */
  const retriedPromotion = async () => {
    const events = (await client.workflow.getHandle(rolloutWorkflowId(APP)).fetchHistory()).events ?? [];
    const scheduled = events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'promote')
      .map((e) => String(e.eventId));
    const started = events.find((e) => {
      const attributes = e.activityTaskStartedEventAttributes;
      return (
        attributes && scheduled.includes(String(attributes.scheduledEventId)) && (attributes.attempt ?? 1) > 1
      );
    });
    const at = started?.eventTime;
    return {
      attributes: started?.activityTaskStartedEventAttributes,
      atMs: at ? Number(String(at.seconds)) * 1000 + Math.floor((at.nanos ?? 0) / 1e6) : undefined,
    };
  };

  /** What every converged promotion shows: the status, Helm, the cluster, and an order on the new queue. */
  const expectPromoted = async (version: number, done: RolloutStatus) => {
    const v = `${version}.0.0`;
    expect(releaseOutcome(done, v), JSON.stringify(brief(done))).toMatchObject({ result: 'promoted' });
    // The ramp went on from where it was: one canary, one analysis at 50% (passed), then the promotion.
    expect(done.analyses.filter((a) => a.version === v).map((a) => [a.weight, a.verdict])).toEqual([
      [50, 'pass'],
    ]);
    expect(done.history.filter((e) => e.event === 'canary' && e.version === v)).toHaveLength(1);
    expect(done.stable).toBe(v);
    expect((await history('order-worker')).at(-1)).toMatchObject({ status: 'deployed' });
    expect(await imageOf('order-worker')).toBe(digest(version));
    expect(await history('order-worker-canary')).toEqual([]);
    expect(await routesInCluster()).toEqual([route(version, 100)]);
    expect((await stateInCluster()).history.at(-1)).toMatchObject({ event: 'promote', version: v });
    await pods.waitFor(
      (running) => queues(running).join() === `order-task-queue-v${version}`,
      `only v${version} workers`,
    );
    // A new order through the starter completes on the new queue, served by a worker of the new version.
    await pods.waitFor(() => starterUrl() !== undefined, 'the starter');
    const id = `k8s-ctl-after-${version}`;
    const response = await fetch(`${starterUrl()}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order(id)),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const fresh = client.workflow.getHandle(id);
    expect(await fresh.result()).toMatchObject({ outcome: 'COMPLETED' });
    expect((await fresh.describe()).taskQueue).toBe(`order-task-queue-v${version}`);
  };
  return {
    rejected,
    printedBy,
    install,
    startController,
    history,
    waitForStatus,
    releaseUntilPromotionHangs,
    helmRunsIn,
    retriedPromotion,
    expectPromoted,
    unlimitPods: () => unlimitPods(cluster),
  };
}

/**
 * Registers the case that installs 1.0.0 through the workflow run by a controller process started as
 * `identity`, the release CLI following it; returns that controller's process for the cases after it.
 */
function itInstalls(line: ReturnType<typeof useLine>, identity: string): () => ResultPromise {
  let controller: ResultPromise | undefined;
  it.sequential('installs 1.0.0 through the workflow run by a controller process, the release CLI following it', async () => {
    ({ controller } = await line().install(identity));
  }, 240_000);
  return () => {
    if (!controller) throw new Error(`${identity} is not running`);
    return controller;
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

describe('the rollout worker SIGKILLed inside helm upgrade --wait (Helm path, kwok cluster)', () => {
  // One kwok cluster for the file (its start is the slow part); each describe block below is a line of
  // releases in a namespace of its own, with its own dev server, Prometheus and controllers, so the two run
  // side by side (concurrent suites) while the cases inside each run in order (it.sequential).
  const shared = useSharedCluster();

  describe('the whole process group killed', { concurrent: true }, () => {
    const line = useLine(shared, 'k8s-ctl-group');
    const installed = itInstalls(line, 'controller-a');

    it.sequential('a second controller takes the retry of the killed promotion, recovers pending-upgrade, and promotes', async ({
      expect,
    }) => {
      const {
        printedBy,
        rejected,
        history,
        startController,
        releaseUntilPromotionHangs,
        waitForStatus,
        retriedPromotion,
        expectPromoted,
      } = line();
      const controllerA = installed();
      const { release, before, pending, runner } = await releaseUntilPromotionHangs(2, [controllerA]);
      expect(runner).toBe(controllerA);
      // The whole process group, helm included, as a pod kill does.
      await killGroup(controllerA);
      const killedAt = Date.now();
      await line().unlimitPods();
      expect((await history('order-worker')).at(-1)).toMatchObject({
        revision: pending.revision,
        status: 'pending-upgrade',
      });

      const b = startController('controller-b');
      const done = await waitForStatus(
        (s) => releaseOutcome(s, '2.0.0') !== undefined,
        'the 2.0.0 release to end',
        420_000,
      );
      const convergedAt = Date.now();
      const retried = await retriedPromotion();
      // The killed attempt was retried by controller-b once its heartbeat stopped.
      expect(retried.attributes?.identity).toBe('controller-b');
      expect(retried.attributes?.lastFailure?.timeoutFailureInfo?.timeoutType).toBeDefined();

      // Helm: rolled back to the last good revision (the promotion's routing revision), then 2.0.0 deployed. The
      // killed revision stays in Helm's records as the killed helm left it (a rollback supersedes only deployed
      // revisions); nothing after it is pending and the newest is deployed.
      const stable = await history('order-worker');
      const told = `helm history: ${JSON.stringify(stable.map((r) => [r.revision, r.status, r.description.slice(0, 40)]))}\ncontroller-b:\n${printedBy.get(b)?.()}`;
      expect(
        stable
          .filter((r) => r.revision > pending.revision)
          .map((r) => [r.status, r.description.replace(/ image=.*/, '')]),
        told,
      ).toEqual([
        ['superseded', `Rollback to ${before + 1}`],
        ['deployed', 'temporal-rollout version=2.0.0'],
      ]);
      expect(stable.find((r) => r.revision === pending.revision)?.status, told).not.toBe('deployed');
      expect(printedBy.get(b)?.(), told).toMatch(
        new RegExp(
          `order-worker was stuck pending-upgrade at revision ${pending.revision} .*rolled back to revision ${before + 1}, the last good one`,
        ),
      );
      await expectPromoted(2, done);
      const released = await release;
      // Exit 0: promoted, or handed the drain to the controller that was polling.
      expect(released.exitCode, released.all).toBe(0);

      console.log(
        [
          'controller killed with its helm (process group):',
          `  kill → promote retried on controller-b: ${retried.atMs ? seconds(retried.atMs - killedAt) : '?'} s`,
          `  kill → rollout promoted: ${seconds(convergedAt - killedAt)} s`,
          `  (helm timeout ${HELM_TIMEOUT_S} s; a pending revision counts as stuck ${HELM_TIMEOUT_S + 15} s after it began)`,
          `  orders the starter refused or could not take so far: ${rejected.length}`,
        ].join('\n'),
      );
    }, 1_200_000);
  });

  describe('the controller process killed alone, its helm left running', { concurrent: true }, () => {
    const line = useLine(shared, 'k8s-ctl-alone');
    const installed = itInstalls(line, 'controller-b');

    it.sequential('a controller killed alone leaves its helm running: the other replica waits for that helm, never races it, and promotes', async ({
      expect,
    }) => {
      const {
        printedBy,
        rejected,
        history,
        startController,
        releaseUntilPromotionHangs,
        helmRunsIn,
        waitForStatus,
        retriedPromotion,
        expectPromoted,
      } = line();
      const controllerB = installed();
      // A second replica polls beside controller-b; whichever runs the promotion's helm is killed.
      const c = startController('controller-c');
      const names = new Map([
        [controllerB, 'controller-b'],
        [c, 'controller-c'],
      ]);
      const { release, pending, runner } = await releaseUntilPromotionHangs(2, [controllerB, c]);
      const other = runner === c ? controllerB : c;
      const printedBefore = printedBy.get(other)?.().length ?? 0;
      const printedSince = () => (printedBy.get(other)?.() ?? '').slice(printedBefore);
      // Only the controller's own process, as on a VM where just the node process dies: its helm lives on.
      if (runner.pid === undefined) throw new Error('the controller has no pid');
      process.kill(runner.pid, 'SIGKILL');
      // Not `await runner`: that also waits for its output to close, which the surviving helm may hold.
      if (runner.exitCode === null && runner.signalCode === null) {
        await new Promise((r) => runner.once('exit', r));
      }
      const killedAt = Date.now();
      expect(await helmRunsIn(runner), 'the killed controller’s helm still runs').toBe(true);
      // The retry reaches the other replica while that helm still waits: it waits for it rather than recover.
      await expect
        .poll(printedSince, { timeout: 60_000, interval: 250 })
        .toMatch(/order-worker is pending-upgrade .*another deploy may still run it; waiting up to/);
      await line().unlimitPods();

      const done = await waitForStatus(
        (s) => releaseOutcome(s, '2.0.0') !== undefined,
        'the 2.0.0 release to end',
        420_000,
      );
      const convergedAt = Date.now();
      const retried = await retriedPromotion();
      expect(retried.attributes?.identity).toBe(names.get(other));
      const stable = await history('order-worker');
      const told = `helm history: ${JSON.stringify(stable.map((r) => [r.revision, r.status, r.description.slice(0, 40)]))}\n${names.get(other)} since the kill:\n${printedSince()}`;
      // The orphaned helm settled its own revision (deployed once the pod was admitted, or failed and rolled back
      // by --atomic at its timeout); the retry waited for it instead of rolling back a deploy still running.
      expect(stable.find((r) => r.revision === pending.revision)?.status, told).not.toBe('pending-upgrade');
      expect(printedSince(), told).not.toMatch(/was stuck pending-upgrade/);
      await expectPromoted(2, done);
      expect((await release).exitCode).toBe(0);

      console.log(
        [
          `${names.get(runner)} killed alone (its helm kept running):`,
          `  kill → promote retried on ${names.get(other)}: ${retried.atMs ? seconds(retried.atMs - killedAt) : '?'} s`,
          `  kill → rollout promoted: ${seconds(convergedAt - killedAt)} s`,
          `  the killed helm's revision ended ${stable.find((r) => r.revision === pending.revision)?.status}`,
          `  orders the starter refused or could not take in all: ${rejected.length}`,
        ].join('\n'),
      );
    }, 1_200_000);
  });
});

// A tag pushed in a user's repository, run by nektos/act through our reusable-release.yml (build and push beside the
// replay gate → release), against real components on 127.0.0.1: buildah pushing to a docker-registry over
// TLS, a kwok Kubernetes API server with Helm (configmap driver), a Temporal dev server, Prometheus scraping
// the workers, and FakeGitHub for the deployment statuses.
//
// What runs the pods: kwok has no container runtime. The stand-in kubelet (scripts/local-platform/kwok-pods.ts) pulls each
// pod's image — the one this run built and pushed — from the registry, mounts its filesystem
// (scripts/local-platform/image-roots.ts) and runs the image's own files (its compiled worker, staged node_modules, prebuilt
// workflow bundle) with this machine's Node and the pod's env. So a faulty activity built into 3.0.0 really
// fails in the 3.0.0 canary; the image's base layer (its Node, libc, USER) is not what runs.
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolloutStatus } from '../../actions/src/controller/api.js';
import { nodeBaseImage } from '../../scripts/local-platform/base-image.js';
import { type ImageRoots, imageRoots } from '../../scripts/local-platform/image-roots.js';
import { type KubernetesCluster, startKubernetes } from '../../scripts/local-platform/kubernetes.js';
import { type PodProcess, type PodRunner, startPodRunner } from '../../scripts/local-platform/kwok-pods.js';
import {
  type PrometheusServer,
  startPrometheus,
  writeFileSdTargets,
} from '../../scripts/local-platform/prometheus.js';
import { type OciRegistry, startRegistry } from '../../scripts/local-platform/registry.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { FAST_ANALYSIS_YAML } from '../integration/controller-support.js';
import { order as orderOf } from '../integration/rollout-support.js';
import {
  type ConsumerRepo,
  createWorkerConsumerRepo,
  TOOLKIT,
  toolkitSnapshot,
} from '../support/act/consumer-repo.js';
import { type ActRun, runAct } from '../support/act/run-act.js';
import { helmHistory } from '../support/cluster-namespace.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';

/** Two ramp steps (50%, then 100%) with a short analysis: enough canary orders at 1/s to judge each. */
const rolloutYaml = (image: string) =>
  [
    'app: order-worker',
    `image: ${image}`,
    // The chart from the toolkit checkout the release job makes (.temporal-rollout).
    'chart: .temporal-rollout/charts/order-worker',
    'deployer: helm',
    'taskQueues:',
    '  order: { base: order-task-queue, template: "{base}-v{major}" }',
    '  payment: { base: payment-task-queue, template: "{base}-v{major}" }',
    'strategy:',
    '  type: task-queue',
    '  deploymentName: order-worker',
    '  steps: [ { weight: 50, pause: 1s }, { weight: 100 } ]',
    '  drain: { policy: wait, timeout: 90s }',
    'helm: { release: order-worker, timeout: 3m, valuesFiles: [deploy/values.yaml] }',
    // A pod turns Ready only once the stand-in kubelet's worker passed its readiness probe, so helm's --wait
    // and the analysis's initialDelay start from a canary that really serves.
    ...FAST_ANALYSIS_YAML,
    // The replay gate lets each release take over stable's queue (same-queue), so task_queue cannot tell canary
    // from stable: the build id can (the chart labels each pod with it; its PodMonitor copies it onto the metrics).
    '  selector: { label: temporal_rollout_build_id }',
    '',
  ].join('\n');

/** One worker per release, the order starter on, quick retries and a short shutdown for test time. */
const HELM_VALUES = [
  'replicaCount: 1',
  'preStopSleepSeconds: 0',
  'starter: { enabled: true }',
  'worker:',
  '  logLevel: warn',
  '  shutdownGraceSeconds: 5',
  '  longestActivitySeconds: 4',
  '  extraEnv:',
  '    - { name: RETRY_INITIAL_INTERVAL, value: 50ms }',
  '',
].join('\n');

/** The bug 3.0.0 ships: every charge fails before it reaches the payment service. */
const FAULTY_CHARGE = [
  '    async chargePayment(order) {',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of the faulty activity, written into the consumer's worker
  '      throw new Error(`payment gateway rejected order ${order.orderId}: the 3.0.0 client sends no currency`);',
].join('\n');

/** Log lines that mark where a tag's run spends its time: npm, compile, image build and push, Helm, rollout events. */
const MILESTONES =
  /^(⭐ Run Main|✅ {2}Success - Main|❌ {2}Failure - Main)|compiling|staging|building |builder:|STEP \d|Writing manifest|pushed|digest|helm|replay:|rollout\/order-worker|canary at|promoted|rolled back|installed as stable|analysis|drain/i;

const loadAverage = () =>
  `load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`;

// 5.3 min on a nearly idle 2-core machine, 9–13 min on a shared one (load average 10–30); it prints where each
// tag's time went.
describe('release.yml under act: a tag builds, replays and rolls out through Helm on kwok', () => {
  let cluster: KubernetesCluster;
  let server: TemporalDevServer;
  let github: FakeGitHub;
  let registry: OciRegistry;
  let prometheus: PrometheusServer;
  let toolkit: TempDir;
  let dir: TempDir;
  let repo: ConsumerRepo;
  let images: ImageRoots;
  let pods: PodRunner;
  const rejected: string[] = [];
  let sent = 0;
  /** How long orders were being sent, over every withTraffic call. */
  let trafficMs = 0;

  const helmRevisions = (release: string) => helmHistory(cluster, release);
  /** The Deployment Helm made for `release`: its image and the order queue the chart says it polls. */
  const deployed = async (release: string) => {
    const deployment = await cluster.getJson<{
      metadata: { annotations?: Record<string, string> };
      spec: { template: { spec: { containers: { image: string }[] } } };
    }>(['deployment', release, '-n', cluster.namespace]);
    return {
      image: deployment.spec.template.spec.containers[0]?.image,
      orderQueue: deployment.metadata.annotations?.['temporal-rollout/order-task-queue'],
    };
  };
  const deployedImage = async (release: string) => (await deployed(release)).image;
  const workers = (running: PodProcess[]) =>
    running.filter((p) => p.labels['app.kubernetes.io/component'] === 'worker');

  const pushTag = async (tag: string): Promise<ActRun> => {
    await repo.tag(tag);
    const sha = (await execa('git', ['rev-parse', 'HEAD'], { cwd: repo.path })).stdout.trim();
    const run = await runAct({
      repo: repo.path,
      workflow: '.github/workflows/release.yml',
      event: {
        name: 'push',
        payload: {
          ref: `refs/tags/${tag}`,
          before: '0'.repeat(40),
          after: sha,
          created: true,
          repository: {
            full_name: 'acme/orders',
            name: 'orders',
            owner: { login: 'acme' },
            default_branch: 'main',
          },
          pusher: { name: 'dev' },
          sender: { login: 'dev' },
        },
      },
      repositories: { [TOOLKIT]: toolkit.path },
      secrets: {
        // Not a word that occurs in the log: act masks every secret value wherever it appears.
        REGISTRY_USERNAME: 'acme-registry-robot',
        REGISTRY_PASSWORD: 'hunter2-registry-password',
        KUBECONFIG: await readFile(cluster.kubeconfig, 'utf8'),
        TEMPORAL_ADDRESS: server.address,
        PROMETHEUS_URL: prometheus.url,
      },
      // The runner host's setup: buildah (and skopeo) with a private vfs store and chroot isolation, trusting
      // the registry's CA; helm and kubectl on PATH.
      env: {
        CONTAINERS_STORAGE_CONF: join(dir.path, 'storage.conf'),
        BUILDAH_ISOLATION: 'chroot',
        SSL_CERT_FILE: registry.caFile ?? '',
      },
      path: [
        dirname(tool('helm')),
        dirname(tool('kubectl')),
        dirname(tool('buildah')),
        dirname(tool('skopeo')),
      ],
      github,
      timeoutMs: 1_800_000,
    });
    // Where the run's time went: each job and slow step, and the milestones of the build and the release.
    console.log(
      [
        `[act-release] ${tag}: ${Math.round(run.durationMs / 1000)} s, exit ${run.exitCode} (${loadAverage()})`,
        run.timings,
        ...run.timeline(MILESTONES),
      ].join('\n'),
    );
    return run;
  };

  /**
   * A bounded stream of orders to the starter pod while `during` runs: 1/s, at most 1,800, stopped when it
   * settles (each act run is itself bounded by its timeout).
   */
  const withTraffic = async <T>(during: () => Promise<T>): Promise<T> => {
    let sentNow = 0;
    const timer = setInterval(() => {
      const starter = pods.running().find((p) => p.labels['app.kubernetes.io/component'] === 'starter');
      const port = starter?.ports.http;
      if (sentNow >= 1_800 || !port) return;
      sentNow++;
      sent++;
      const id = `o-${sent}-${Date.now().toString(36)}`;
      void fetch(`http://127.0.0.1:${port}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orderOf(id)),
        signal: AbortSignal.timeout(5_000),
      })
        .then(async (r) => {
          if (r.status !== 202) rejected.push(`${r.status} ${await r.text()}`);
        })
        .catch((err: Error) => rejected.push(err.message));
    }, 1_000);
    const started = Date.now();
    try {
      return await during();
    } finally {
      clearInterval(timer);
      trafficMs += Date.now() - started;
    }
  };

  beforeAll(async () => {
    const setupStarted = Date.now();
    // The releases live in the kubeconfig's default namespace: the reusable workflow names none.
    [cluster, server, github, registry, toolkit, dir] = await Promise.all([
      startKubernetes({ nodes: 1, namespace: 'default', podReadiness: 'stand-in-kubelet' }),
      startTemporal(),
      startFakeGitHub(),
      startRegistry({ tls: true }),
      toolkitSnapshot(),
      tempDir('act-release'),
    ]);
    const base = await nodeBaseImage();
    await writeFile(
      join(dir.path, 'storage.conf'),
      `[storage]\ndriver = "vfs"\ngraphroot = "${join(dir.path, 'containers', 'root')}"\nrunroot = "${join(dir.path, 'containers', 'run')}"\n`,
    );
    const fileSd = join(dir.path, 'targets.json');
    await writeFileSdTargets(fileSd, []);
    prometheus = await startPrometheus([], { fileSd });
    images = await imageRoots({ caFile: registry.caFile ?? '' });
    pods = await startPodRunner({
      cluster,
      selector: 'app.kubernetes.io/name=order-worker',
      imageRoot: (image) => images.root(image),
      entrypoint: ['node', 'worker/dist/main.js'],
      workdir: join(dir.path, 'pods'),
      stopGraceMs: 10_000,
      readyTimeoutMs: 60_000,
      log: (line) => console.log(`[act-release] ${new Date().toISOString().slice(11, 19)} ${line}`),
      // Prometheus scrapes every worker pod, as the chart's PodMonitor has it scrape them in a cluster.
      onChange: (running) => {
        void writeFileSdTargets(
          fileSd,
          workers(running)
            .filter((p) => p.ports.metrics)
            .map((p) => ({
              address: `127.0.0.1:${p.ports.metrics}`,
              // The labels the chart's PodMonitor copies from the pod (podTargetLabels), named as the
              // Prometheus Operator names them.
              labels: {
                temporal_rollout_track: p.labels['temporal-rollout/track'] ?? '',
                temporal_rollout_build_id: p.labels['temporal-rollout/build-id'] ?? '',
                pod: p.pod,
              },
            })),
        );
      },
    });
    repo = await createWorkerConsumerRepo({
      rolloutYaml: rolloutYaml(`${registry.host}/acme/order-worker`),
      helmValues: HELM_VALUES,
      baseImage: base.ref,
    });
    console.log(
      `[act-release] setup: ${Math.round((Date.now() - setupStarted) / 1000)} s (${loadAverage()})`,
    );
  }, 600_000);
  afterAll(async () => {
    await pods?.stop();
    await images?.remove();
    await Promise.all([
      cluster?.delete(),
      server?.teardown(),
      prometheus?.stop(),
      registry?.stop(),
      toolkit?.remove(),
      repo?.remove(),
      dir?.remove(),
    ]);
    await github?.close();
  });

  it('tag v1.0.0: the first release is built, pushed, replayed and installed as stable', async () => {
    const run = await pushTag('v1.0.0');
    expect(run.exitCode, run.log.slice(-8000)).toBe(0);
    const build = run.job('/build and push');
    expect(build.result).toBe('success');
    const built = build.outputs.build ?? {};
    expect(built.version).toBe('1.0.0');
    expect(built['image-ref']).toMatch(
      new RegExp(`^${registry.host}/acme/order-worker@sha256:[0-9a-f]{64}$`),
    );
    expect(run.job('/replay gate').result).toBe('success');
    expect(run.job('/reusable release/release').result).toBe('success');
    expect(await deployedImage('order-worker')).toBe(built['image-ref']);
    expect((await helmRevisions('order-worker')).map((r) => r.status)).toEqual(['deployed']);
    await pods.waitFor((running) => workers(running).length === 1, 'the 1.0.0 worker pod', 90_000);
    expect(images.images()).toEqual([built['image-ref']]);
    expect(github.state.deployments).toHaveLength(1);
    expect(github.state.deployments[0]).toMatchObject({ environment: 'production' });
    expect(github.state.deployments[0]?.statuses.at(-1)).toBe('success');
    // The registry password never reaches the log.
    expect(run.log).not.toContain('hunter2-registry-password');
  }, 2_100_000);

  it('tag v2.0.0: the full ramp of rollout.yaml, each step analysed on real metrics, then promoted', async () => {
    const before = (await helmRevisions('order-worker')).length;
    const stableQueue = (await deployed('order-worker')).orderQueue;
    expect(stableQueue).toBe('order-task-queue-v1');
    // Orders flow through the stable release's starter pod while the tag's pipeline runs.
    const run = await withTraffic(() => pushTag('v2.0.0'));
    expect(run.exitCode, run.log.slice(-8000)).toBe(0);
    const built = run.job('/build and push').outputs.build ?? {};
    expect(built.version).toBe('2.0.0');
    const release = run.job('/reusable release/release');
    expect(release.result).toBe('success');
    const outputs = Object.values(release.outputs).find((o) => 'outcome' in o) ?? {};
    expect(outputs).toMatchObject({ outcome: 'promoted', stable: '2.0.0', canary: '' });
    const status = JSON.parse(outputs.status ?? '{}') as RolloutStatus;
    expect(
      status.analyses.filter((a) => a.version === '2.0.0').map((a) => [a.step, a.weight, a.verdict]),
    ).toEqual([[1, 50, 'pass']]);
    // Canary and stable measured apart by their build ids, though they shared one queue.
    expect(status.analyses.find((a) => a.version === '2.0.0')?.selectors).toMatchObject({
      label: 'temporal_rollout_build_id',
      canary: '2.0.0',
      baseline: '1.0.0',
    });
    expect(status.history.filter((e) => e.version === '2.0.0').map((e) => e.event)).toContain('promote');

    // Helm: the stable release moved to 2.0.0's image in new revisions, on the queue it took over (the replay
    // gate said same-queue); the canary release is gone.
    expect(await deployed('order-worker')).toEqual({ image: built['image-ref'], orderQueue: stableQueue });
    expect((await helmRevisions('order-worker')).length).toBeGreaterThan(before);
    expect(await helmRevisions('order-worker-canary')).toEqual([]);
    // The job summary (act prints it after the job) and the GitHub deployment of 2.0.0.
    expect(run.log).toContain('## Release 2.0.0: promoted');
    expect(run.log).toContain('### Step 1 (50%): ✅ pass');
    expect(run.log).toContain('Replay gate: `same-queue`.');
    expect(run.log).toMatch(/\| production \| success \| promoted: 2\.0\.0 is stable/);
    const deployment = github.state.deployments.at(-1);
    expect(deployment).toMatchObject({ environment: 'production', statuses: ['in_progress', 'success'] });
    expect(deployment?.payload).toMatchObject({ version: '2.0.0' });
    // The starter pod is replaced when the stable release is upgraded (no Service in front of it here): the
    // few orders sent in that moment fail; the rest were accepted.
    console.log(
      `[act-release] orders sent ${sent} in ${Math.round(trafficMs / 1000)} s, not accepted ${rejected.length}`,
    );
    // One a second while the run lasted (a fast machine finishes the tag in about 90 s), less the moments
    // with no starter pod to send to.
    expect(sent).toBeGreaterThanOrEqual(30);
    expect(sent).toBeGreaterThan(trafficMs / 1000 / 2);
    expect(rejected.length).toBeLessThan(sent / 2);
  }, 2_100_000);

  it('tag v3.0.0 with a faulty payment activity: the analysis fails, the release rolls back, 2.0.0 keeps serving', async () => {
    const payment = join(repo.path, 'worker', 'src', 'activities', 'payment.ts');
    const source = await readFile(payment, 'utf8');
    expect(source).toContain('    async chargePayment(order) {');
    await writeFile(payment, source.replace('    async chargePayment(order) {', FAULTY_CHARGE));
    await repo.commit('payment: new gateway client');
    const { image: stableImage, orderQueue: stableQueue } = await deployed('order-worker');
    const stableRevisions = await helmRevisions('order-worker');

    const run = await withTraffic(() => pushTag('v3.0.0'));
    expect(run.exitCode).not.toBe(0);
    expect(run.job('/build and push').result).toBe('success');
    expect(run.job('/replay gate').result).toBe('success');
    const release = run.job('/reusable release/release');
    expect(release.result, run.log.slice(-8000)).toBe('failure');
    const errors = release.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(
      /3\.0\.0: rolled-back — analysis failed at 50%: .*activity-failure-rate/,
    );
    expect(run.log).toContain('## Release 3.0.0: rolled-back');
    const outputs = Object.values(release.outputs).find((o) => 'outcome' in o) ?? {};
    expect(outputs).toMatchObject({ outcome: 'rolled-back', stable: '2.0.0' });
    const status = JSON.parse(outputs.status ?? '{}') as RolloutStatus;
    expect(status.analyses.filter((a) => a.version === '3.0.0').map((a) => a.verdict)).toContain('fail');

    // Stable untouched: same image; its release got at most routing-only revisions; the canary is gone.
    expect(await deployedImage('order-worker')).toBe(stableImage);
    const after = await helmRevisions('order-worker');
    expect(after.slice(0, stableRevisions.length).map((r) => r.revision)).toEqual(
      stableRevisions.map((r) => r.revision),
    );
    expect(after.at(-1)?.status).toBe('deployed');
    expect(await helmRevisions('order-worker-canary')).toEqual([]);
    await pods.waitFor(
      (running) =>
        workers(running).length === 1 && workers(running)[0]?.labels['temporal-rollout/track'] === 'stable',
      'only the stable worker',
      60_000,
    );
    // And it serves: an order sent now completes on stable's queue, its payment charged.
    const id = `after-rollback-${Date.now().toString(36)}`;
    const result = await server.env.client.workflow.execute('OrderWorkflow', {
      taskQueue: stableQueue ?? '',
      workflowId: id,
      args: [orderOf(id)],
      workflowExecutionTimeout: '120s',
    });
    expect(result).toMatchObject({ outcome: 'COMPLETED', status: { paymentId: expect.any(String) } });
    expect(github.state.deployments.at(-1)?.statuses.at(-1)).toBe('failure');
  }, 2_100_000);
});

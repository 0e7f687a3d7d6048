// `npm run demo`: the whole release pipeline on this machine, with real components on 127.0.0.1.
//   1. starts a Temporal dev server and Prometheus (and, with `--deployer helm`, a Kubernetes control plane
//      with kwok nodes), and the order starter with a bounded stream of orders;
//   2. replays the stored histories against the worker's code (the gate every release passes);
//   3. installs 1.0.0 as stable, releases 2.0.0 (healthy: ramped, analysed, promoted) and 3.0.0 (its payment
//      activity fails: analysis fails, automatic rollback);
//   4. writes demo-report/report.md and demo-report/canary.svg, and stops everything it started.
// `--deployer local` (default) runs workers as processes; `--deployer helm` installs the chart with Helm into
// the local cluster, and since kwok pods run nothing, a stand-in kubelet runs each pod as a process from this
// checkout with the env the chart gave it.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { analysisSection } from '../actions/src/action/release-summary.js';
import { LocalDeployer } from '../actions/src/adapters/local-deployer.js';
import type { StepAnalysis } from '../actions/src/controller/api.js';
import { type AttachResult, attachRelease } from '../actions/src/controller/attach.js';
import { parseRolloutConfig, type RolloutConfig } from '../actions/src/core/rollout-config.js';
import { applyOverrides } from '../actions/src/core/rollout-overrides.js';
import { replay } from '../actions/src/steps/replay.js';
import type { OpenRolloutOptions } from '../actions/src/steps/rollout-open.js';
import { openRolloutSession } from '../actions/src/steps/rollout-session.js';
import { cleanupOnSignal } from './cleanup-on-signal.js';
import { startKubernetes } from './local-platform/kubernetes.js';
import { type PodProcess, startPodRunner } from './local-platform/kwok-pods.js';
import { prebuiltWorkflowBundle } from './local-platform/order-worker.js';
import { freePort } from './local-platform/ports.js';
import { httpOk, startProcess } from './local-platform/process.js';
import { type PrometheusServer, startPrometheus, writeFileSdTargets } from './local-platform/prometheus.js';
import { type TempDir, tempDir } from './local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from './local-platform/temporal.js';
import { tool } from './local-platform/tools.js';
import { repoRoot } from './tool-paths.mjs';

const REPORT_DIR = resolve(repoRoot, 'demo-report');
const WORKER_DIST = join(repoRoot, 'worker', 'dist');
const CHART = join(repoRoot, 'charts', 'order-worker');
const ORDERS_PER_SECOND = 3;
const MAX_ORDERS = 1_500;
const started = Date.now();

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
const say = (line: string) => console.log(`[demo ${elapsed()}] ${line}`);

const ROLLOUT_YAML = `
app: order-worker
image: registry.example.com/acme/order-worker
taskQueues:
  order: { base: order-task-queue }
  payment: { base: payment-task-queue }
strategy:
  type: task-queue
  steps: [ { weight: 25, pause: 2s }, { weight: 50 }, { weight: 100 } ]
  drain: { policy: wait, timeout: 60s }
analysis:
  initialDelay: 12s
  interval: 3s
  count: 5
  window: 15s
  minSamples: 3
  failureLimit: 1
  inconclusiveLimit: 2
  builtins: [non-determinism, activity-failure-rate, schedule-to-start]
`;

const USAGE = `usage: npm run demo [-- --deployer local|helm]

  --deployer local   workers run as processes on this machine (default)
  --deployer helm    the chart is installed with Helm into a local Kubernetes control plane (kwok nodes);
                     each pod runs as a process from this checkout, with the env the chart gave it`;

interface ScrapeTarget {
  address: string;
  labels: Record<string, string>;
}

/**
 * Where the releases run: rollout.yaml and the deployer settings the rollout worker's activities build their
 * deployer from, the starter's address and the workers to scrape.
 */
interface Platform {
  config: RolloutConfig;
  rollout: Omit<OpenRolloutOptions, 'config'>;
  /** The image reference a version is released as. */
  image(version: string): string;
  /** Starts the order starter (or waits for its pod) once a stable release publishes routing; returns its URL. */
  starter(): Promise<() => string | undefined>;
  targets(): Promise<ScrapeTarget[]>;
}

interface PlatformInput {
  server: TemporalDevServer;
  dir: string;
  bundle: string;
  /** Re-publishes the scrape targets (chained, never interleaved). */
  publish: () => Promise<void>;
  /** Registers how to stop something just started; the demo's teardown runs these newest first. */
  started: (what: string, stop: () => Promise<unknown>) => void;
}

async function localPlatform({ server, dir, bundle, started }: PlatformInput): Promise<Platform> {
  const stateDir = join(dir, '.rollout');
  const workerEntry = join(WORKER_DIST, 'main.js');
  const workerEnv = { LOG_LEVEL: 'WARN', WORKFLOW_BUNDLE_PATH: bundle, RETRY_INITIAL_INTERVAL: '50ms' };
  // The activities build their own deployer from the same settings; this one lists and stops the workers.
  const deployer = new LocalDeployer({ dir: stateDir, workerEntry, env: workerEnv, stopGraceMs: 5_000 });
  started('local workers', () => deployer.removeAll());
  return {
    config: applyOverrides(parseRolloutConfig(ROLLOUT_YAML, 'demo rollout.yaml'), {
      temporalAddress: server.address,
    }),
    rollout: {
      stateDir,
      workerEntry,
      workerEnv,
      drain: { pollMs: 500 },
      log: (line) => say(`  ${line}`),
    },
    image: () => `file:${join(WORKER_DIST, 'main.js')}`,
    async starter() {
      const port = await freePort();
      const starter = await startProcess(
        'order-starter',
        process.execPath,
        [join(WORKER_DIST, 'starter', 'server.js')],
        {
          env: {
            TEMPORAL_ADDRESS: server.address,
            TEMPORAL_NAMESPACE: 'default',
            ROUTING_FILE: deployer.routingFile,
            STARTER_PORT: String(port),
            LISTEN_HOST: '127.0.0.1',
            LOG_LEVEL: 'WARN',
          },
          ready: () => httpOk(`http://127.0.0.1:${port}/healthz`),
        },
      );
      started('order starter', () => starter.stop());
      return () => `http://127.0.0.1:${port}`;
    },
    async targets() {
      const targets: ScrapeTarget[] = [];
      for (const track of ['stable', 'canary'] as const) {
        for (const w of await deployer.workers(track)) {
          targets.push({ address: `127.0.0.1:${w.metricsPort}`, labels: { track } });
        }
      }
      return targets;
    },
  };
}

async function helmPlatform({ server, dir, bundle, publish, started }: PlatformInput): Promise<Platform> {
  say('starting a Kubernetes control plane (etcd, kube-apiserver, controllers, kwok nodes) on 127.0.0.1');
  const cluster = await startKubernetes({ nodes: 2, podReadiness: 'stand-in-kubelet' });
  started('Kubernetes cluster', () => cluster.delete());
  say(`cluster ${cluster.name} ready in ${(cluster.timings.totalMs / 1000).toFixed(1)} s`);
  const valuesFile = join(dir, 'demo-values.yaml');
  await writeFile(valuesFile, 'starter:\n  enabled: true\n');
  const yaml = `${ROLLOUT_YAML}chart: ${CHART}\nhelm: { release: order-worker, timeout: 120s, valuesFiles: [${valuesFile}] }\n`;
  const pods = await startPodRunner({
    cluster,
    selector: 'app.kubernetes.io/name=order-worker',
    appRoot: repoRoot,
    entrypoint: ['node', 'worker/dist/main.js'],
    env: { WORKFLOW_BUNDLE_PATH: bundle, RETRY_INITIAL_INTERVAL: '50ms' },
    workdir: join(dir, 'pods'),
    stopGraceMs: 10_000,
    log: (line) => say(`  kubelet stand-in: ${line}`),
    onChange: () => void publish(),
  });
  started('pod processes', () => pods.stop());
  const component = (p: PodProcess) => p.labels['app.kubernetes.io/component'];
  return {
    config: applyOverrides(parseRolloutConfig(yaml, 'demo rollout.yaml'), {
      deployer: 'helm',
      temporalAddress: server.address,
    }),
    rollout: {
      stateDir: join(dir, '.rollout'),
      helm: {
        binary: tool('helm'),
        kubeconfig: cluster.kubeconfig,
        namespace: cluster.namespace,
      },
      drain: { pollMs: 500 },
      log: (line) => say(`  ${line}`),
    },
    // kwok runs no image; a digest per version keeps Helm's by-digest rule and tells the releases apart.
    image: (version) =>
      `registry.example.com/acme/order-worker@sha256:${createHash('sha256').update(version).digest('hex')}`,
    async starter() {
      await pods.waitFor((running) => running.some((p) => component(p) === 'starter'), 'the starter pod');
      return () => {
        const starter = pods.running().find((p) => component(p) === 'starter');
        return starter?.ports.http ? `http://127.0.0.1:${starter.ports.http}` : undefined;
      };
    },
    async targets() {
      return pods
        .running()
        .filter((p) => component(p) === 'worker' && p.ports.metrics)
        .map((p) => ({
          address: `127.0.0.1:${p.ports.metrics}`,
          labels: { track: p.labels['temporal-rollout/track'] ?? 'unknown', pod: p.pod },
        }));
    },
  };
}

interface Stack {
  /** What the platform started, in order: stopped newest first. */
  cleanups: [string, () => Promise<unknown>][];
  server?: TemporalDevServer;
  prometheus?: PrometheusServer;
  platform?: Platform;
  dir?: TempDir;
  stopTraffic?: () => Promise<number>;
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: { deployer: { type: 'string', default: 'local' }, help: { type: 'boolean', short: 'h' } },
  });
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (options.deployer !== 'local' && options.deployer !== 'helm') {
    throw new Error(`--deployer must be local or helm, not "${options.deployer}"\n${USAGE}`);
  }
  const deployerKind = options.deployer;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack: Stack = { cleanups: [] };
  const stop = cleanupOnSignal(() => teardown(stack));
  const releases: DemoRelease[] = [];
  try {
    stack.dir = await tempDir('demo');
    const dir = stack.dir.path;
    say(`deployer: ${deployerKind}`);
    say('starting the Temporal dev server (127.0.0.1, free port)');
    stack.server = await startTemporal();
    const server = stack.server;

    say('replay gate: stored histories against worker/src/workflows');
    const gate = await replay({
      workspace: repoRoot,
      histories: ['histories/*/*.json'],
      workflowsPath: join(repoRoot, 'worker', 'src', 'workflows', 'index.ts'),
      reportPath: join(dir, 'replay-report.json'),
    });
    const { total, passed, failed } = gate.totals;
    say(`replay gate: ${passed}/${total} histories replayed, ${failed} failed (SDK ${gate.sdk.version})`);
    if (!gate.passed) throw new Error('the replay gate failed: the demo stops here, as a release would');

    const fileSd = join(dir, 'targets.json');
    await writeFileSdTargets(fileSd, []);
    say('starting Prometheus (scrapes every worker the deployer starts)');
    stack.prometheus = await startPrometheus([], { scrapeIntervalSeconds: 1, fileSd });
    const prometheus = stack.prometheus;

    const bundle = await prebuiltWorkflowBundle(dir);

    // Called on every progress line and pod change; chained so two writes never interleave.
    let publishing = Promise.resolve();
    const writeTargets = async () => {
      if (stack.platform) await writeFileSdTargets(fileSd, await stack.platform.targets());
    };
    const publish = () => {
      publishing = publishing.then(writeTargets, writeTargets);
      return publishing;
    };
    const input: PlatformInput = {
      server,
      dir,
      bundle,
      publish,
      started: (what, stop) => stack.cleanups.push([what, stop]),
    };
    stack.platform = deployerKind === 'helm' ? await helmPlatform(input) : await localPlatform(input);
    const platform = stack.platform;
    // The releases run through the rollout workflow (rollout/order-worker), on a rollout worker in this
    // process: the demo is attached to each release as the GitHub release job is.
    const options: OpenRolloutOptions = { config: platform.config, ...platform.rollout };
    const session = await openRolloutSession(options, { prometheus: { url: prometheus.url } });
    stack.cleanups.push(['Temporal connections', () => session.close()]);
    const run = async (version: string, env: Record<string, string> = {}): Promise<DemoRelease> => {
      const attached = await attachRelease({
        client: session.client,
        namespace: session.namespace,
        startWorker: (identity) => session.startWorker(identity),
        pollMs: 500,
        request: {
          config: platform.config,
          version,
          image: platform.image(version),
          env,
          requestedBy: 'demo',
        },
        log: (line) => {
          say(line);
          void publish();
        },
      });
      await publish();
      const outcome = attached.end.kind === 'outcome' ? attached.end.outcome.result : attached.end.kind;
      const result = { version, attached, outcome };
      releases.push(result);
      say(`${version}: ${outcome.toUpperCase()} (${attached.message})`);
      return result;
    };

    say('installing 1.0.0 as the stable release');
    const first = await run('1.0.0');
    if (first.outcome !== 'installed')
      throw new Error(`1.0.0 should have been installed but was ${first.outcome}`);

    const starterUrl = await platform.starter();
    stack.stopTraffic = startTraffic(starterUrl);
    say(`order traffic: ${ORDERS_PER_SECOND}/s through the starter (at most ${MAX_ORDERS})`);
    await new Promise((r) => setTimeout(r, 15_000));

    say('release 2.0.0 (healthy)');
    const good = await run('2.0.0');
    if (good.outcome !== 'promoted')
      throw new Error(`2.0.0 should have been promoted but was ${good.outcome}`);
    say('release 3.0.0 (its payment activity fails 60% of the time)');
    const bad = await run('3.0.0', { FAULT_PAYMENT_RATE: '0.6' });

    const orders = await stack.stopTraffic();
    stack.stopTraffic = undefined;
    await writeReport(releases, orders, deployerKind);
    say(`report: ${join(REPORT_DIR, 'report.md')} and canary.svg`);
    if (bad.outcome !== 'rolled-back')
      throw new Error(`3.0.0 should have been rolled back but was ${bad.outcome}`);
    say(`done: one promotion, one rollback, ${orders} orders, in ${elapsed().trim()}`);
  } finally {
    await stop();
  }
}

/** Stops what the demo started, in reverse; each step runs even when an earlier one throws. */
async function teardown(stack: Stack): Promise<void> {
  const steps: [string, () => Promise<unknown> | undefined][] = [
    ['order traffic', () => stack.stopTraffic?.()],
    ...stack.cleanups.toReversed(),
    ['Prometheus', () => stack.prometheus?.stop()],
    ['Temporal dev server', () => stack.server?.teardown()],
    ['temp folder', () => stack.dir?.remove()],
  ];
  for (const [what, stop] of steps) {
    await Promise.resolve()
      .then(stop)
      .catch((err: unknown) => console.error(`[demo] could not stop ${what}: ${String(err)}`));
  }
}

/** Posts orders at ORDERS_PER_SECOND, at most MAX_ORDERS; skips a tick while the starter has no address. */
function startTraffic(starterUrl: () => string | undefined): () => Promise<number> {
  let sent = 0;
  const pending = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const url = starterUrl();
    if (sent >= MAX_ORDERS || !url) return;
    sent++;
    const id = `demo-${sent}-${Date.now().toString(36)}`;
    const body = {
      orderId: id,
      customerId: `c-${sent % 17}`,
      customerTier: sent % 5 === 0 ? 'gold' : 'standard',
      items: [{ sku: 'sku-1', quantity: 1 }],
      amountCents: 1_500,
      currency: 'USD',
      paymentToken: 'tok_demo',
      shippingAddress: '1 Demo Street',
    };
    const p = fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
  }, 1000 / ORDERS_PER_SECOND);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    return sent;
  };
}

/** An SVG line chart of one check's canary and baseline values across every analysis of every release. */
function svgChart(title: string, series: { label: string; canary: number[]; baseline: number[] }[]): string {
  const width = 760;
  const height = 300;
  const pad = 48;
  const points = series.flatMap((s) => [...s.canary, ...s.baseline]).filter(Number.isFinite);
  const max = Math.max(0.01, ...points);
  const total = Math.max(1, series.reduce((n, s) => n + Math.max(s.canary.length, s.baseline.length), 0) - 1);
  const x = (i: number) => pad + (i / total) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const line = (values: number[], offset: number) =>
    values
      .map((v, i) => (Number.isFinite(v) ? `${x(offset + i).toFixed(1)},${y(v).toFixed(1)}` : ''))
      .filter(Boolean)
      .join(' ');
  let offset = 0;
  const parts: string[] = [];
  for (const s of series) {
    const n = Math.max(s.canary.length, s.baseline.length);
    parts.push(
      `<polyline fill="none" stroke="#d62728" stroke-width="2" points="${line(s.canary, offset)}"/>`,
    );
    parts.push(
      `<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${line(s.baseline, offset)}"/>`,
    );
    parts.push(`<text x="${x(offset)}" y="${pad - 8}" font-size="11">${s.label}</text>`);
    if (offset > 0)
      parts.push(
        `<line x1="${x(offset)}" x2="${x(offset)}" y1="${pad}" y2="${height - pad}" stroke="#bbb"/>`,
      );
    offset += n;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${pad}" y="20" font-size="14">${title}</text>`,
    `<line x1="${pad}" x2="${width - pad}" y1="${height - pad}" y2="${height - pad}" stroke="black"/>`,
    `<line x1="${pad}" x2="${pad}" y1="${pad}" y2="${height - pad}" stroke="black"/>`,
    `<text x="4" y="${pad + 4}" font-size="11">${max.toFixed(2)}</text>`,
    `<text x="4" y="${height - pad}" font-size="11">0</text>`,
    ...parts,
    `<text x="${width - 220}" y="${height - 12}" font-size="11" fill="#d62728">canary</text>`,
    `<text x="${width - 160}" y="${height - 12}" font-size="11" fill="#1f77b4">baseline (stable)</text>`,
    '</svg>',
  ].join('\n');
}

interface DemoRelease {
  version: string;
  outcome: string;
  attached: AttachResult;
}

/** Every analysis of a release, from the rollout's status when the release ended. */
function analysesOf(release: DemoRelease): StepAnalysis[] {
  return release.attached.status?.analyses.filter((a) => a.version === release.version) ?? [];
}

async function writeReport(results: DemoRelease[], orders: number, deployer: string): Promise<void> {
  await mkdir(REPORT_DIR, { recursive: true });
  const analyses = results.flatMap(analysesOf);
  const series = analyses.map((analysis) => {
    const check = analysis.checks.find((c) => c.name === 'activity-failure-rate');
    const values = (side: 'canary' | 'baseline') =>
      (check?.measurements ?? []).map((m) => m[side] ?? Number.NaN);
    return {
      label: `${analysis.version} @${analysis.weight}%`,
      canary: values('canary'),
      baseline: values('baseline'),
    };
  });
  await writeFile(
    join(REPORT_DIR, 'canary.svg'),
    svgChart('activity failure rate: canary vs baseline', series),
  );
  const why = (r: DemoRelease) => r.attached.message.replace(/\|/g, '\\|');
  const lines = [
    '# temporal-rollout demo',
    '',
    `Deployer: ${deployer}. Every release ran through the rollout workflow \`rollout/order-worker\`. ${orders} orders sent through the starter; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    '',
    '| release | outcome | why |',
    '|---|---|---|',
    ...results.map((r) => `| ${r.version} | ${r.outcome} | ${why(r)} |`),
    '',
    '![canary vs baseline](canary.svg)',
    '',
  ];
  for (const analysis of analyses) lines.push(...analysisSection(analysis), '');
  await writeFile(join(REPORT_DIR, 'report.md'), lines.join('\n'));
}

main().catch((err) => {
  console.error(`[demo] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

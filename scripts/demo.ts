// `npm run demo`: the whole release pipeline on this machine, with real components on 127.0.0.1.
//   1. starts a Temporal dev server and Prometheus, and the order starter with a bounded stream of orders;
//   2. replays the stored histories against the worker's code (the gate every release passes);
//   3. installs 1.0.0 as stable, releases 2.0.0 (healthy: ramped, analysed, promoted) and 3.0.0 (its payment
//      activity fails: analysis fails, automatic rollback);
//   4. writes demo-report/report.md and demo-report/canary.svg, and stops everything it started.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { LocalDeployer } from '../actions/src/adapters/local-deployer.js';
import { FileStateStore } from '../actions/src/adapters/state-file.js';
import { TemporalVisibility } from '../actions/src/adapters/temporal-visibility.js';
import { type AnalysisReport, renderMarkdown } from '../actions/src/core/analysis/report.js';
import { parseRolloutConfig } from '../actions/src/core/rollout-config.js';
import { resolveAnalysisSpec } from '../actions/src/steps/analyze.js';
import { type ReleaseResult, release } from '../actions/src/steps/release.js';
import { replay } from '../actions/src/steps/replay.js';
import type { RolloutContext } from '../actions/src/steps/rollout.js';
import { freePort } from '../test/support/ports.js';
import { httpOk, type ManagedProcess, startProcess } from '../test/support/process.js';
import { type PrometheusServer, startPrometheus, writeFileSdTargets } from '../test/support/prometheus.js';
import { type TempDir, tempDir } from '../test/support/temp.js';
import { startTemporal, type TemporalDevServer } from '../test/support/temporal.js';
import { repoRoot } from './tool-paths.mjs';

const REPORT_DIR = resolve(repoRoot, 'demo-report');
const WORKER_DIST = join(repoRoot, 'worker', 'dist');
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

interface Stack {
  server?: TemporalDevServer;
  prometheus?: PrometheusServer;
  starter?: ManagedProcess;
  deployer?: LocalDeployer;
  dir?: TempDir;
  stopTraffic?: () => Promise<number>;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack: Stack = {};
  const releases: ReleaseResult[] = [];
  try {
    stack.dir = await tempDir('demo');
    const dir = stack.dir.path;
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

    const { code } = await bundleWorkflowCode({
      workflowsPath: join(WORKER_DIST, 'workflows', 'index.js'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const bundle = join(dir, 'workflows-bundle.js');
    await writeFile(bundle, code);

    stack.deployer = new LocalDeployer({
      dir: join(dir, '.rollout'),
      workerEntry: join(WORKER_DIST, 'main.js'),
      env: { LOG_LEVEL: 'WARN', WORKFLOW_BUNDLE_PATH: bundle, RETRY_INITIAL_INTERVAL: '50ms' },
      stopGraceMs: 5_000,
    });
    const deployer = stack.deployer;
    const config = parseRolloutConfig(ROLLOUT_YAML, 'demo rollout.yaml');
    const configFile = join(dir, 'rollout.yaml');
    await writeFile(configFile, ROLLOUT_YAML);
    const client = server.env.client;
    // Called on every progress line; chained so two writes never interleave.
    let publishing = Promise.resolve();
    const publishTargets = () => {
      publishing = publishing.then(writeTargets, writeTargets);
      return publishing;
    };
    const writeTargets = async () => {
      const targets = [];
      for (const track of ['stable', 'canary'] as const) {
        for (const w of await deployer.workers(track)) {
          targets.push({ address: `127.0.0.1:${w.metricsPort}`, labels: { track } });
        }
      }
      await writeFileSdTargets(fileSd, targets);
    };
    const ctx: RolloutContext = {
      settings: { ...config, temporal: { address: server.address, namespace: 'default' } },
      deployer,
      store: new FileStateStore(join(dir, '.rollout', 'state.json')),
      client,
      visibility: new TemporalVisibility(client, 'default'),
      replicas: 1,
      drain: { pollMs: 500 },
      log: (line) => say(`  ${line}`),
    };
    const run = async (version: string, env: Record<string, string> = {}) => {
      const result = await release(ctx, {
        version,
        image: `file:${join(WORKER_DIST, 'main.js')}`,
        env,
        prometheus: { url: prometheus.url },
        settleTimeoutMs: 600_000,
        analysisSpec: (selectors) => resolveAnalysisSpec({ configPath: configFile, ...selectors }),
        log: (line) => {
          say(line);
          void publishTargets();
        },
      });
      await publishTargets();
      releases.push(result);
      say(`${version}: ${result.outcome.toUpperCase()} (${result.reasons.join('; ')})`);
      return result;
    };

    say('installing 1.0.0 as the stable release');
    await run('1.0.0');

    const starterPort = await freePort();
    stack.starter = await startProcess(
      'order-starter',
      process.execPath,
      [join(WORKER_DIST, 'starter', 'server.js')],
      {
        env: {
          TEMPORAL_ADDRESS: server.address,
          TEMPORAL_NAMESPACE: 'default',
          ROUTING_FILE: deployer.routingFile,
          STARTER_PORT: String(starterPort),
          LISTEN_HOST: '127.0.0.1',
          LOG_LEVEL: 'WARN',
        },
        ready: () => httpOk(`http://127.0.0.1:${starterPort}/healthz`),
      },
    );
    stack.stopTraffic = startTraffic(`http://127.0.0.1:${starterPort}`);
    say(`order traffic: ${ORDERS_PER_SECOND}/s through the starter (at most ${MAX_ORDERS})`);
    await new Promise((r) => setTimeout(r, 15_000));

    say('release 2.0.0 (healthy)');
    const good = await run('2.0.0');
    say('release 3.0.0 (its payment activity fails 60% of the time)');
    const bad = await run('3.0.0', { FAULT_PAYMENT_RATE: '0.6' });

    const orders = await stack.stopTraffic();
    stack.stopTraffic = undefined;
    await writeReport(releases, orders);
    say(`report: ${join(REPORT_DIR, 'report.md')} and canary.svg`);
    if (good.outcome !== 'promoted' || bad.outcome !== 'rolled-back') {
      throw new Error(
        `expected 2.0.0 promoted and 3.0.0 rolled back, got ${good.outcome} and ${bad.outcome}`,
      );
    }
    say(`done: one promotion, one rollback, ${orders} orders, in ${elapsed().trim()}`);
  } finally {
    await stack.stopTraffic?.();
    await stack.starter?.stop();
    await stack.deployer?.removeAll();
    await stack.prometheus?.stop();
    await stack.server?.teardown();
    await stack.dir?.remove();
  }
}

function startTraffic(url: string): () => Promise<number> {
  let sent = 0;
  const pending = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    if (sent >= MAX_ORDERS) return;
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

async function writeReport(results: ReleaseResult[], orders: number): Promise<void> {
  await mkdir(REPORT_DIR, { recursive: true });
  const analyses: { version: string; weight: number; report: AnalysisReport }[] = results.flatMap((r) =>
    r.ramp.map((step) => ({ version: r.version, weight: step.weight, report: step.analysis })),
  );
  const series = analyses.map(({ version, weight, report }) => {
    const check = report.checks.find((c) => c.name === 'activity-failure-rate');
    const values = (side: 'canary' | 'baseline') =>
      (check?.measurements ?? []).map((m) => m[side] ?? Number.NaN);
    return { label: `${version} @${weight}%`, canary: values('canary'), baseline: values('baseline') };
  });
  await writeFile(
    join(REPORT_DIR, 'canary.svg'),
    svgChart('activity failure rate: canary vs baseline', series),
  );
  const lines = [
    '# temporal-rollout demo',
    '',
    `${orders} orders sent through the starter; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    '',
    '| release | outcome | why |',
    '|---|---|---|',
    ...results.map((r) => `| ${r.version} | ${r.outcome} | ${r.reasons.join('; ').replace(/\|/g, '\\|')} |`),
    '',
    '![canary vs baseline](canary.svg)',
    '',
  ];
  for (const { version, weight, report } of analyses) {
    lines.push(`## ${version} at ${weight}%`, '', renderMarkdown(report), '');
  }
  await writeFile(join(REPORT_DIR, 'report.md'), lines.join('\n'));
}

main().catch((err) => {
  console.error(`[demo] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

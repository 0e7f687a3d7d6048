// Time to detect: seconds from the moment a fault starts on the canary to the analyze step's `fail`, and to
// rollback complete (new orders back on stable, canary workers stopped after finishing in-flight tasks).
// The canary runs a faulty build (FAULT_PAYMENT_RATE); the fault starts when orders start reaching it, which is
// also when the analysis starts (as in the pipeline: canary deployed, then analyze).
// Real dev server, real order worker processes, real Prometheus scraping them every --scrape seconds (15 s is the
// chart's PodMonitor interval), order traffic from a Temporal client; the analysis runs at its defaults
// (interval 10s, window 60s, failureLimit 1, inconclusiveLimit 2, built-in checks) except `count`, raised so a
// slow detection is still measured, and `initialDelay` (--initial-delay, default two scrapes: no rate exists
// before a series has two samples).
//
//   npx tsx scripts/bench/time-to-detect.ts [--scrape 15] [--fault-rate 0.5] [--rate 2]
import { parseArgs } from 'node:util';
import { type AnalysisSpec, parseAnalysisSpec } from '../../actions/src/core/analysis/spec.js';
import { analyze } from '../../actions/src/steps/analyze.js';
import { freePort } from '../../test/support/ports.js';
import { httpOk, type ManagedProcess, startProcess } from '../../test/support/process.js';
import { startPrometheus } from '../../test/support/prometheus.js';
import { startTemporal } from '../../test/support/temporal.js';
import { makeOrder } from '../../worker/test/support/orders.js';
import { ensureWorkerBuilt, WORKER_MAIN } from '../../worker/test/support/worker-process.js';
import { cleanupOnSignal } from '../cleanup-on-signal.js';

const { values } = parseArgs({
  options: {
    scrape: { type: 'string', default: '15' },
    'fault-rate': { type: 'string', default: '0.5' },
    rate: { type: 'string', default: '1' },
    'initial-delay': { type: 'string' },
  },
});
const scrapeSeconds = Number(values.scrape);
const faultRate = values['fault-rate']!;
const ordersPerSecond = Number(values.rate);
const RUN = Date.now().toString(36);
const queue = (v: number, kind: 'order' | 'payment') => `${kind}-${RUN}-v${v}`;

const cleanups: (() => Promise<unknown>)[] = [];
// Ctrl-C stops the dev server, Prometheus and the workers too, not only a normal end.
const stopAll = cleanupOnSignal(async () => {
  for (const cleanup of cleanups.toReversed()) await cleanup().catch(() => undefined);
});
const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function worker(
  v: number,
  ports: { metrics: number; health: number },
  env: Record<string, string> = {},
) {
  const proc = await startProcess(`worker-v${v}`, process.execPath, [WORKER_MAIN], {
    env: {
      TEMPORAL_ADDRESS: temporal.address,
      ORDER_TASK_QUEUE: queue(v, 'order'),
      PAYMENT_TASK_QUEUE: queue(v, 'payment'),
      LISTEN_HOST: '127.0.0.1',
      METRICS_PORT: String(ports.metrics),
      HEALTH_PORT: String(ports.health),
      LOG_LEVEL: 'WARN',
      ...env,
    },
    ready: () => httpOk(`http://127.0.0.1:${ports.health}/ready`),
    readyTimeoutMs: 60_000,
  });
  cleanups.push(() => proc.stop());
  return proc;
}

const temporal = await startTemporal();
cleanups.push(() => temporal.teardown());
try {
  await ensureWorkerBuilt();
  const ports = {
    stable: { metrics: await freePort(), health: await freePort() },
    canary: { metrics: await freePort(), health: await freePort() },
  };
  await worker(1, ports.stable);
  const canary: ManagedProcess = await worker(2, ports.canary, { FAULT_PAYMENT_RATE: faultRate });
  const prometheus = await startPrometheus(
    [{ address: `127.0.0.1:${ports.stable.metrics}` }, { address: `127.0.0.1:${ports.canary.metrics}` }],
    { scrapeIntervalSeconds: scrapeSeconds },
  );
  cleanups.push(() => prometheus.stop());

  // Traffic: `rate` orders per second to each version; the canary's share stops at rollback.
  let canaryRouted = false;
  let started = 0;
  const traffic = setInterval(() => {
    for (const v of canaryRouted ? [1, 2] : [1]) {
      const order = makeOrder();
      started++;
      temporal.env.client.workflow
        .start('OrderWorkflow', { workflowId: order.orderId, taskQueue: queue(v, 'order'), args: [order] })
        .catch(() => undefined);
    }
  }, 1000 / ordersPerSecond);
  cleanups.push(async () => clearInterval(traffic));

  const initialDelay = values['initial-delay'] ?? `${2 * scrapeSeconds}s`;
  const defaults = parseAnalysisSpec({ count: 60, initialDelay }, 'bench');
  const spec: AnalysisSpec = {
    ...defaults,
    selector: {
      label: 'task_queue',
      canary: `${queue(2, 'order')},${queue(2, 'payment')}`,
      baseline: `${queue(1, 'order')},${queue(1, 'payment')}`,
    },
  };
  const warmup = defaults.windowMs + 2 * scrapeSeconds * 1000;
  log(
    `stable only for ${warmup / 1000}s (window ${defaults.windowMs / 1000}s + 2 scrapes of ${scrapeSeconds}s)`,
  );
  await new Promise((r) => setTimeout(r, warmup));

  canaryRouted = true;
  const faultAt = Date.now();
  log(`fault started: orders reach the canary, which fails ${Number(faultRate) * 100}% of payment attempts`);
  const analysis = analyze({
    prometheus: { url: prometheus.url },
    spec,
    onTick: (tick, j) =>
      log(
        `tick ${tick}: ${j.checks.map((c) => `${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`,
      ),
  }).then((report) => ({ report, at: Date.now() }));

  const { report, at: failAt } = await analysis;
  log(`verdict ${report.verdict}: ${report.reasons.join('; ')}`);
  for (const c of report.checks)
    log(
      `  ${c.name}: ${c.measurements.map((m) => `${m.phase[0]}${m.canary === undefined ? '' : `(${m.canary.toPrecision(3)})`}`).join(' ')}`,
    );
  // Rollback: new orders back to stable only, then the canary stops after finishing in-flight tasks.
  canaryRouted = false;
  await canary.stop(30_000);
  const rolledBackAt = Date.now();

  console.log(
    JSON.stringify(
      {
        verdict: report.verdict,
        reasons: report.reasons,
        scrapeIntervalSeconds: scrapeSeconds,
        analysis: {
          intervalMs: spec.intervalMs,
          windowMs: spec.windowMs,
          failureLimit: spec.failureLimit,
          inconclusiveLimit: spec.inconclusiveLimit,
        },
        faultPaymentRate: Number(faultRate),
        ordersStarted: started,
        initialDelay,
        measurements: report.ticks,
        secondsToFail: (failAt - faultAt) / 1000,
        secondsToRollbackComplete: (rolledBackAt - faultAt) / 1000,
      },
      null,
      2,
    ),
  );
  console.log(`time to detect (fault → fail):          ${((failAt - faultAt) / 1000).toFixed(1)} s`);
  console.log(`time to rollback complete (fault → done): ${((rolledBackAt - faultAt) / 1000).toFixed(1)} s`);
} finally {
  await stopAll();
}

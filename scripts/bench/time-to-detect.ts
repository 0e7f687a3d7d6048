// Time to detect, two faults, one run:
//
// 1. error rate — seconds from the moment a fault starts on the canary to the analyze step's `fail`, and to
//    rollback complete (new orders back on stable, canary workers stopped after finishing in-flight tasks). The
//    canary runs a faulty build (FAULT_PAYMENT_RATE); the fault starts when orders start reaching it, which is
//    also when the analysis starts (as in the pipeline: canary deployed, then analyze).
// 2. non-determinism — open orders written by the released code wait for approval; a canary running a changed
//    workflow bundle (a timer before everything, test/integration/analyze-nde-workflows.ts) takes over their
//    queue, the analysis starts and the approvals arrive: each run's next workflow task replays its history on
//    the canary and fails. Two analyses watch at once, at the defaults: one with the Temporal-native check (the
//    pipeline's default: the release step passes its Temporal client), one with Prometheus only. Times are from
//    the first canary run meeting the change (the first WorkflowTaskFailed event, read from the runs' histories)
//    and from the approvals.
//
// Real dev server, real order worker processes, real Prometheus scraping them every --scrape seconds (15 s is the
// chart's PodMonitor interval), order traffic from a Temporal client; the analysis runs at its defaults
// (interval 10s, window 60s, failureLimit 1, inconclusiveLimit 2, built-in checks, Temporal check every 2s)
// except `count`, raised so a slow detection is still measured, and `initialDelay` (--initial-delay, default two
// scrapes: no rate exists before a series has two samples).
//
//   npx tsx scripts/bench/time-to-detect.ts [--scenario both|error-rate|nde] [--scrape 15] [--fault-rate 0.5]
//                                           [--rate 1] [--open-runs 4]
import { parseArgs } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
// CommonJS: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { type AnalysisSpec, parseAnalysisSpec } from '../../actions/src/core/analysis/spec.js';
import { analyze } from '../../actions/src/steps/analyze.js';
import {
  changedWorkflowBundle,
  ordersAwaitingApproval,
} from '../../test/support/non-deterministic-canary.js';
import { makeOrder } from '../../worker/test/support/orders.js';
import { cleanupOnSignal } from '../cleanup-on-signal.js';
import { ensureWorkerBuilt, WORKER_MAIN } from '../local-platform/order-worker.js';
import { freePort } from '../local-platform/ports.js';
import { httpOk, type ManagedProcess, startProcess } from '../local-platform/process.js';
import { startPrometheus } from '../local-platform/prometheus.js';
import { tempDir } from '../local-platform/temp.js';
import { startTemporal } from '../local-platform/temporal.js';

const { temporal } = proto;

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'both' },
    scrape: { type: 'string', default: '15' },
    'fault-rate': { type: 'string', default: '0.5' },
    rate: { type: 'string', default: '1' },
    'initial-delay': { type: 'string' },
    'open-runs': { type: 'string', default: '4' },
  },
});
const scenario = values.scenario!;
if (!['both', 'error-rate', 'nde'].includes(scenario)) throw new Error('--scenario: both, error-rate or nde');
const scrapeSeconds = Number(values.scrape);
const faultRate = values['fault-rate']!;
const ordersPerSecond = Number(values.rate);
const openRuns = Number(values['open-runs']);
const RUN = Date.now().toString(36);
const queue = (v: number | string, kind: 'order' | 'payment') => `${kind}-${RUN}-v${v}`;
const initialDelay = values['initial-delay'] ?? `${2 * scrapeSeconds}s`;

const cleanups: (() => Promise<unknown>)[] = [];
// Ctrl-C stops the dev server, Prometheus and the workers too, not only a normal end.
const stopAll = cleanupOnSignal(async () => {
  for (const cleanup of cleanups.toReversed()) await cleanup().catch(() => undefined);
});
const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const seconds = (from: number, to: number) => Number(((to - from) / 1000).toFixed(1));

async function worker(
  name: string,
  queues: { order: string; payment: string },
  env: Record<string, string> = {},
): Promise<{ proc: ManagedProcess; metrics: string }> {
  const ports = { metrics: await freePort(), health: await freePort() };
  const proc = await startProcess(name, process.execPath, [WORKER_MAIN], {
    env: {
      TEMPORAL_ADDRESS: temporalServer.address,
      ORDER_TASK_QUEUE: queues.order,
      PAYMENT_TASK_QUEUE: queues.payment,
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
  return { proc, metrics: `127.0.0.1:${ports.metrics}` };
}

/** The analysis at its defaults, with the given selector; `count` raised so a slow detection is still measured. */
function defaultSpec(selector: AnalysisSpec['selector'], temporalRuns?: string): AnalysisSpec {
  const defaults = parseAnalysisSpec(
    { count: 60, initialDelay, ...(temporalRuns ? { temporal: { runs: temporalRuns } } : {}) },
    'bench',
  );
  return { ...defaults, selector };
}

const tickLog =
  (label: string) => (tick: number, j: { checks: { name: string; measurements: { phase: string }[] }[] }) =>
    log(
      `${label} tick ${tick}: ${j.checks.map((c) => `${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`,
    );

function summarize(report: AnalysisReport) {
  return { verdict: report.verdict, failedSources: report.failedSources, reasons: report.reasons };
}

/** Scenario 1: a canary failing `faultRate` of its payments; Temporal check on, as in the pipeline. */
async function errorRate(prometheusUrlFor: (targets: string[]) => Promise<string>) {
  const stable = await worker('worker-v1', { order: queue(1, 'order'), payment: queue(1, 'payment') });
  const canary = await worker(
    'worker-v2',
    { order: queue(2, 'order'), payment: queue(2, 'payment') },
    { FAULT_PAYMENT_RATE: faultRate },
  );
  const prometheusUrl = await prometheusUrlFor([stable.metrics, canary.metrics]);

  // Traffic: `rate` orders per second to each version; the canary's share stops at rollback.
  let canaryRouted = false;
  let started = 0;
  const traffic = setInterval(() => {
    for (const v of canaryRouted ? [1, 2] : [1]) {
      const order = makeOrder();
      started++;
      temporalServer.env.client.workflow
        .start('OrderWorkflow', { workflowId: order.orderId, taskQueue: queue(v, 'order'), args: [order] })
        .catch(() => undefined);
    }
  }, 1000 / ordersPerSecond);
  cleanups.push(async () => clearInterval(traffic));

  const spec = defaultSpec({
    label: 'task_queue',
    canary: `${queue(2, 'order')},${queue(2, 'payment')}`,
    baseline: `${queue(1, 'order')},${queue(1, 'payment')}`,
  });
  const warmup = spec.windowMs + 2 * scrapeSeconds * 1000;
  log(`error rate: stable only for ${warmup / 1000}s (window ${spec.windowMs / 1000}s + 2 scrapes)`);
  await new Promise((r) => setTimeout(r, warmup));

  canaryRouted = true;
  const faultAt = Date.now();
  log(`error rate: orders reach the canary, which fails ${Number(faultRate) * 100}% of payment attempts`);
  const report = await analyze({
    prometheus: { url: prometheusUrl },
    spec,
    temporal: { client: temporalServer.env.client },
    onTick: tickLog('error rate'),
  });
  const failAt = Date.now();
  log(`error rate: verdict ${report.verdict}: ${report.reasons.join('; ')}`);
  // Rollback: new orders back to stable only, then the canary stops after finishing in-flight tasks.
  canaryRouted = false;
  await canary.proc.stop(30_000);
  const rolledBackAt = Date.now();
  clearInterval(traffic);
  await stable.proc.stop();
  return {
    ...summarize(report),
    faultPaymentRate: Number(faultRate),
    ordersStarted: started,
    measurements: report.ticks,
    secondsToFail: seconds(faultAt, failAt),
    secondsToRollbackComplete: seconds(faultAt, rolledBackAt),
  };
}

/** Scenario 2: a non-deterministic canary takes over the queue of open runs; two analyses watch it. */
async function nonDeterminism(prometheusUrlFor: (targets: string[]) => Promise<string>) {
  const dir = await tempDir('time-to-detect');
  cleanups.push(() => dir.remove());
  const bundlePath = await changedWorkflowBundle(dir.path);
  const queues = { order: queue('nde', 'order'), payment: queue('nde', 'payment') };
  const stable = await worker('worker-nde-stable', queues);
  const handles = await ordersAwaitingApproval(temporalServer.env.client, queues.order, openRuns);
  log(
    `nde: ${openRuns} open orders await approval; the canary with the changed workflow takes over their queue`,
  );
  await stable.proc.stop();
  const canary = await worker('worker-nde-canary', queues, { WORKFLOW_BUNDLE_PATH: bundlePath });
  const prometheusUrl = await prometheusUrlFor([canary.metrics]);

  const selector = { label: 'instance', canary: canary.metrics, baseline: stable.metrics };
  const runsQuery = `TaskQueue="${queues.order}"`;
  const watch = (label: string, withTemporal: boolean) =>
    analyze({
      prometheus: { url: prometheusUrl },
      spec: defaultSpec(selector, runsQuery),
      ...(withTemporal ? { temporal: { client: temporalServer.env.client } } : {}),
      onTick: tickLog(label),
    }).then((report) => ({ report, at: Date.now() }));
  const both = watch('nde temporal+prometheus', true);
  const prometheusOnly = watch('nde prometheus only', false);
  const approvedAt = Date.now();
  await Promise.all(handles.map((h) => h.signal('approve', { approver: 'ops' })));
  log('nde: approvals sent: each run replays its history on the canary');
  const [withTemporal, withoutTemporal] = await Promise.all([both, prometheusOnly]);
  const metAt = await firstWorkflowTaskFailure(handles);
  log(`nde (temporal+prometheus): ${withTemporal.report.verdict}: ${withTemporal.report.reasons.join('; ')}`);
  log(
    `nde (prometheus only): ${withoutTemporal.report.verdict}: ${withoutTemporal.report.reasons.join('; ')}`,
  );
  await canary.proc.stop();
  return {
    openRuns,
    firstCanaryRunFailedAfterApprovalSeconds: metAt === undefined ? null : seconds(approvedAt, metAt),
    withTemporal: {
      ...summarize(withTemporal.report),
      secondsFromFirstFailedTask: metAt === undefined ? null : seconds(metAt, withTemporal.at),
      secondsFromApproval: seconds(approvedAt, withTemporal.at),
    },
    prometheusOnly: {
      ...summarize(withoutTemporal.report),
      secondsFromFirstFailedTask: metAt === undefined ? null : seconds(metAt, withoutTemporal.at),
      secondsFromApproval: seconds(approvedAt, withoutTemporal.at),
    },
  };
}

/** When the first of these runs recorded a failed workflow task (server clock, this machine). */
async function firstWorkflowTaskFailure(handles: WorkflowHandle[]): Promise<number | undefined> {
  let first: number | undefined;
  for (const h of handles) {
    const history = await h.fetchHistory();
    for (const event of history.events ?? []) {
      if (event.eventType !== temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) continue;
      const at =
        Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);
      first = first === undefined ? at : Math.min(first, at);
      break;
    }
  }
  return first;
}

/** Whether this dev server offers the "task issues" search attribute (newer servers flag stuck runs with it). */
async function reportedProblemsSupported(): Promise<string> {
  try {
    await temporalServer.env.client.workflow.count('TemporalReportedProblems IS NOT NULL');
    return 'supported';
  } catch (err) {
    const cause = (err as { cause?: { details?: string } }).cause?.details;
    return `not supported here (${cause ?? (err as Error).message.split('\n')[0]})`;
  }
}

const temporalServer = await startTemporal();
cleanups.push(() => temporalServer.teardown());
try {
  await ensureWorkerBuilt();
  const prometheusUrlFor = async (targets: string[]) => {
    const prometheus = await startPrometheus(
      targets.map((address) => ({ address })),
      { scrapeIntervalSeconds: scrapeSeconds },
    );
    cleanups.push(() => prometheus.stop());
    return prometheus.url;
  };
  const reportedProblems = await reportedProblemsSupported();
  log(`TemporalReportedProblems search attribute: ${reportedProblems}`);
  const results: Record<string, unknown> = {
    scrapeIntervalSeconds: scrapeSeconds,
    initialDelay,
    analysisDefaults: { intervalMs: 10_000, windowMs: 60_000, temporalIntervalMs: 2_000 },
    temporalReportedProblems: reportedProblems,
  };
  const nde = scenario === 'error-rate' ? undefined : await nonDeterminism(prometheusUrlFor);
  const rate = scenario === 'nde' ? undefined : await errorRate(prometheusUrlFor);
  if (nde) results.nonDeterminism = nde;
  if (rate) results.errorRate = rate;
  console.log(JSON.stringify(results, null, 2));
  if (nde) {
    const from = (r: { secondsFromFirstFailedTask: number | null; secondsFromApproval: number }) =>
      `${r.secondsFromFirstFailedTask ?? '?'} s after the first canary run failed its workflow task (${r.secondsFromApproval} s after the approvals)`;
    console.log(
      `non-determinism → fail, Temporal check:  ${from(nde.withTemporal)} [${nde.withTemporal.verdict}, failed by ${nde.withTemporal.failedSources.join('+') || '-'}]`,
    );
    console.log(
      `non-determinism → fail, Prometheus only: ${from(nde.prometheusOnly)} [${nde.prometheusOnly.verdict}]`,
    );
  }
  if (rate) {
    console.log(
      `error rate → fail:                      ${rate.secondsToFail} s [${rate.verdict}, failed by ${rate.failedSources.join('+') || '-'}]`,
    );
    console.log(`error rate → rollback complete:         ${rate.secondsToRollbackComplete} s`);
  }
} finally {
  await stopAll();
}

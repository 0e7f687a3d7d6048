import type { Client } from '@temporalio/client';
import { PrometheusClient, PrometheusError, type PrometheusOptions } from '../adapters/prometheus.js';
import { type RolloutFile, readRolloutFile } from '../adapters/rollout-file.js';
import {
  type Assessment,
  assess,
  needsBaseline,
  type Observation,
  type Reading,
} from '../core/analysis/assess.js';
import { formatDuration } from '../core/analysis/duration.js';
import { type JudgedCheck, type Judgement, judge, type Measurement } from '../core/analysis/judge.js';
import { type AnalysisReport, failedSources } from '../core/analysis/report.js';
import { BUILD_ID_LABEL, chooseSelectors, sideOfVersion } from '../core/analysis/sides.js';
import { type AnalysisSpec, type CheckSpec, parseAnalysisSpec } from '../core/analysis/spec.js';
import { renderQuery, type Side, selectorValues, sideMatchers } from '../core/analysis/template.js';
import {
  assessWorkflowTasks,
  canaryRunsQuery,
  taskQueuesQuery,
  WORKFLOW_TASK_CHECK,
} from '../core/analysis/workflow-tasks.js';
import { InputError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';

export interface AnalyzeInput {
  prometheus: PrometheusOptions;
  /** The analysis spec with `selector.canary` and `selector.baseline` set (see `resolveAnalysisSpec`). */
  spec: AnalysisSpec;
  /** Called after every tick with the judgement so far (for progress output). */
  onTick?: (tick: number, judgement: Judgement) => void;
  signal?: AbortSignal;
  /**
   * A client on the canary's namespace: turns on the Temporal-native check (canary runs whose workflow task
   * keeps failing), polled every `spec.temporal.interval` from the start, fail-fast. Off when absent or when
   * `spec.temporal.enabled` is false.
   */
  temporal?: { client: Client };
}

export interface SpecSource {
  /** rollout.yaml (or any YAML file with an `analysis:` section); none → the defaults. */
  configPath?: string;
  /** That file, already read by the front end (which then reads it no second time). */
  file?: RolloutFile;
  /** Selector overrides; `canary` and `baseline` must come from here or from the file. */
  label?: string;
  canary?: string;
  baseline?: string;
  /**
   * The canary's and the baseline's release versions, when known: with no label named, two sides on the same
   * task queues are then compared by build id (see `chooseSelectors`).
   */
  versions?: { canary: string; baseline: string };
  interval?: string;
  count?: number;
  /** Overrides of analysis.deadline, .queryTimeout (durations) and .queryRetries. */
  deadline?: string;
  queryTimeout?: string;
  queryRetries?: number;
  /** Override of analysis.temporal.runs (the visibility query for the canary's runs). */
  temporalRuns?: string;
}

/**
 * The `analysis:` section of rollout.yaml (read as every rollout.yaml is, see readRolloutFile) with the
 * overrides given as inputs or flags. Errors name the fields `config`, `canary` and `baseline`.
 */
export async function resolveAnalysisSpec(source: SpecSource): Promise<AnalysisSpec> {
  const file = source.file ?? (source.configPath ? await readRolloutFile(source.configPath) : undefined);
  const raw: Record<string, unknown> = { ...(file?.analysis ?? {}) };
  const where = file ? `${file.path}: analysis` : 'analysis';
  if (source.interval !== undefined) raw.interval = source.interval;
  if (source.deadline !== undefined) raw.deadline = source.deadline;
  if (source.queryTimeout !== undefined) raw.queryTimeout = source.queryTimeout;
  if (source.queryRetries !== undefined) raw.queryRetries = source.queryRetries;
  if (source.temporalRuns !== undefined) {
    const temporal = raw.temporal;
    raw.temporal = {
      ...(typeof temporal === 'object' && temporal !== null ? temporal : {}),
      runs: source.temporalRuns,
    };
  }
  if (source.count !== undefined) {
    raw.count = source.count;
    delete raw.duration;
  }
  const selector = { ...((raw.selector as Record<string, unknown> | undefined) ?? {}) };
  if (source.label !== undefined) selector.label = source.label;
  if (source.canary !== undefined) selector.canary = source.canary;
  if (source.baseline !== undefined) selector.baseline = source.baseline;
  raw.selector = selector;
  const spec = withChosenSelectors(parseAnalysisSpec(raw, where), source.versions);
  if (spec.selector.canary === undefined)
    throw new InputError(
      'canary',
      `is missing: no value of label ${spec.selector.label} selects the canary`,
      'pass the canary task queue (or build id / role)',
    );
  if (spec.selector.baseline === undefined)
    throw new InputError(
      'baseline',
      `is missing: no value of label ${spec.selector.label} selects the baseline`,
      'pass the stable task queue (or build id / role)',
    );
  if (spec.selector.canary === spec.selector.baseline)
    throw new InputError(
      'baseline',
      `is the same as the canary (${spec.selector.label}="${spec.selector.canary}")`,
      spec.selector.label === 'task_queue'
        ? `compare the canary with the stable version; when both poll one queue, pass their versions (version and baseline-version, and name no label) to compare them by ${BUILD_ID_LABEL}, or set label ${BUILD_ID_LABEL} with their build ids as canary and baseline`
        : 'compare the canary with the stable version',
    );
  return spec;
}

/**
 * With no label named and both versions known, the rule chooses the selector (by build id when the two sides
 * poll the same queues), and the Temporal check then watches the runs on those queues.
 */
function withChosenSelectors(spec: AnalysisSpec, versions: SpecSource['versions']): AnalysisSpec {
  const { selector } = spec;
  if (
    !versions ||
    !selector.labelDefaulted ||
    selector.canary === undefined ||
    selector.baseline === undefined
  )
    return spec;
  const canaryQueues = selectorValues(selector.canary);
  const chosen = chooseSelectors(
    selector,
    sideOfVersion(versions.canary, canaryQueues),
    sideOfVersion(versions.baseline, selectorValues(selector.baseline)),
  );
  const temporal =
    chosen.label === BUILD_ID_LABEL && spec.temporal.runs === undefined
      ? { ...spec.temporal, runs: taskQueuesQuery(canaryQueues) }
      : spec.temporal;
  return { ...spec, selector: { ...selector, ...chosen }, temporal };
}

/**
 * Measures every check every `interval` until `count` measurements are in, a limit ends the analysis or the
 * deadline passes, and returns the report with every measurement. With `input.temporal`, the canary's runs
 * are also watched through Temporal (fail-fast) from the start, independent of `initialDelay` and the ticks.
 * Never throws for Prometheus or Temporal trouble during the run (those are Error measurements); throws an
 * InputError before starting when a check's PromQL is rejected as bad.
 */
export async function analyze(input: AnalyzeInput): Promise<AnalysisReport> {
  const { spec } = input;
  const client = prometheusClientFor(input.prometheus, spec);
  const matchers = matchersOf(spec);
  const temporalRuns = input.temporal && spec.temporal.enabled ? temporalRunsQuery(spec) : undefined;
  const checks: JudgedCheck[] = [...spec.checks];
  if (temporalRuns) checks.push({ name: WORKFLOW_TASK_CHECK, failFast: true, source: 'temporal' });

  const startedAt = new Date();
  // `finish` ends everything: a verdict, the deadline or the caller's signal.
  const finish = new AbortController();
  let deadlinePassed = false;
  const deadlineTimer = setTimeout(() => {
    deadlinePassed = true;
    finish.abort();
  }, spec.deadlineMs);
  const onOuterAbort = () => finish.abort();
  input.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const measurements = new Map<string, Measurement[]>(checks.map((c) => [c.name, []]));
  let tick = 0;
  let judgement: Judgement = { done: false, reasons: [], checks: [] };
  const decide = () => {
    judgement = judge(spec, checks, measurements, tick);
    if (judgement.done) finish.abort();
  };

  const watcher = temporalRuns
    ? watchWorkflowTasks(input.temporal!.client, temporalRuns, spec, finish.signal, (failed) => {
        measurements.get(WORKFLOW_TASK_CHECK)!.push({ ...failed, index: tick + 1 });
        decide();
      })
    : undefined;

  try {
    await preflight(client, spec, matchers.canary, finish.signal);
    if (spec.initialDelayMs > 0) await sleep(spec.initialDelayMs, finish.signal);
    while (tick < spec.count && !finish.signal.aborted) {
      const tickStart = Date.now();
      const results = await Promise.all(
        spec.checks.map((check) => measureCheck(client, spec, check, matchers, tick + 1, finish.signal)),
      );
      // A tick cut short by the deadline measured nothing real; a verdict reached meanwhile stands.
      if (finish.signal.aborted) break;
      tick++;
      for (const m of results) measurements.get(m.check)!.push(m.measurement);
      const polled = watcher?.takeTickMeasurement(tick);
      if (polled) measurements.get(WORKFLOW_TASK_CHECK)!.push(polled);
      decide();
      input.onTick?.(tick, judgement);
      if (judgement.done) break;
      await sleep(Math.max(0, tickStart + spec.intervalMs - Date.now()), finish.signal);
    }
  } finally {
    clearTimeout(deadlineTimer);
    input.signal?.removeEventListener('abort', onOuterAbort);
    finish.abort();
    await watcher?.stopped;
  }
  // A fail-fast failure from the watcher may have landed after the last tick's judgement.
  judgement = judge(spec, checks, measurements, tick);
  if (!judgement.done) {
    // Stopped before the window ended: whatever was seen so far cannot prove a pass.
    const why = deadlinePassed
      ? `analysis deadline of ${formatDuration(spec.deadlineMs)} passed after ${tick} of ${spec.count} measurements`
      : `analysis stopped after ${tick} of ${spec.count} measurements`;
    judgement = { ...judgement, done: true, verdict: 'inconclusive', reasons: [why, ...judgement.reasons] };
  }
  const report: AnalysisReport = {
    verdict: judgement.verdict!,
    reasons: judgement.reasons,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ticks: tick,
    endedEarly: tick < spec.count,
    settings: {
      intervalMs: spec.intervalMs,
      count: spec.count,
      initialDelayMs: spec.initialDelayMs,
      windowMs: spec.windowMs,
      failureLimit: spec.failureLimit,
      inconclusiveLimit: spec.inconclusiveLimit,
      consecutiveErrorLimit: spec.consecutiveErrorLimit,
    },
    selectors: matchers,
    ...(spec.selector.rule ? { selectorRule: spec.selector.rule } : {}),
    failedSources: judgement.verdict === 'fail' ? failedSources(judgement.checks) : [],
    checks: judgement.checks,
  };
  if (temporalRuns) report.temporalRuns = temporalRuns;
  return report;
}

/**
 * The visibility query of the canary's runs for the Temporal-native check; an InputError when none can be
 * made (call it before connecting to Temporal, so a bad setting is reported first).
 */
export function temporalRunsQuery(spec: AnalysisSpec): string {
  const query = canaryRunsQuery(spec.temporal, spec.selector);
  if (query === undefined)
    throw new InputError(
      'analysis.temporal.runs',
      `is needed: the selector label is ${spec.selector.label}, not task_queue, so the canary's runs cannot be found by task queue`,
      'give a visibility query for the canary\'s runs (e.g. TaskQueue="orders-v2"), or turn the Temporal check off with temporal: { enabled: false }',
    );
  return query;
}

function prometheusClientFor(prometheus: PrometheusOptions, spec: AnalysisSpec): PrometheusClient {
  return new PrometheusClient({
    ...prometheus,
    timeoutMs: prometheus.timeoutMs ?? spec.queryTimeoutMs,
    retries: prometheus.retries ?? spec.queryRetries,
  });
}

function matchersOf(spec: AnalysisSpec): Record<Side, string> {
  return { canary: sideMatchers(spec.selector, 'canary'), baseline: sideMatchers(spec.selector, 'baseline') };
}

/**
 * One tick of an analysis: every Prometheus check measured once, for a caller that keeps the measurements
 * and judges them itself (the rollout workflow runs one activity per tick). The first tick also checks every
 * query.
 */
export async function measureTick(
  prometheus: PrometheusOptions,
  spec: AnalysisSpec,
  tick: number,
  signal: AbortSignal = new AbortController().signal,
): Promise<{ check: string; measurement: Measurement }[]> {
  const client = prometheusClientFor(prometheus, spec);
  const matchers = matchersOf(spec);
  if (tick === 1) await preflight(client, spec, matchers.canary, signal);
  return Promise.all(spec.checks.map((check) => measureCheck(client, spec, check, matchers, tick, signal)));
}

/** Runs each query once, all at once, so a PromQL mistake stops the step at once, naming the check. */
async function preflight(
  client: PrometheusClient,
  spec: AnalysisSpec,
  matchers: string,
  signal: AbortSignal,
): Promise<void> {
  const queries = spec.checks.flatMap((check) =>
    (
      [
        ['query', check.query],
        ['samplesQuery', check.samples?.query],
      ] as const
    ).flatMap(([field, template]) => (template === undefined ? [] : [{ check, field, template }])),
  );
  const outcomes = await Promise.allSettled(
    queries.map((q) => client.instant(renderQuery(q.template, matchers, spec.windowMs), undefined, signal)),
  );
  outcomes.forEach((outcome, i) => {
    const err = outcome.status === 'rejected' ? outcome.reason : undefined;
    if (err instanceof PrometheusError && err.kind === 'bad-query')
      throw new InputError(
        `analysis check "${queries[i]!.check.name}" ${queries[i]!.field}`,
        err.message.replace(/^prometheus: /, ''),
        'fix the PromQL',
      );
    // Anything else (unreachable, timeout) is measured as Error during the run.
  });
}

/**
 * One measurement of one Prometheus check (the tick's queries for canary, baseline and their sample counts);
 * never throws. Exported for callers that own the schedule (a workflow running one tick per activity).
 */
export async function measureCheck(
  client: PrometheusClient,
  spec: AnalysisSpec,
  check: CheckSpec,
  matchers: Record<Side, string>,
  index: number,
  signal?: AbortSignal,
): Promise<{ check: string; measurement: Measurement }> {
  const startedAt = new Date();
  const withBaseline = needsBaseline(check);
  const read = (template: string, side: Side): Promise<Reading> => {
    const query = renderQuery(template, matchers[side], spec.windowMs);
    if (check.rule.type === 'mann-whitney') {
      const { lookbackMs, stepMs } = check.rule;
      const start = new Date(startedAt.getTime() - lookbackMs);
      return reading(async () => {
        const series = await client.range(query, start, startedAt, stepMs, signal);
        if (series.length > 1)
          throw new Error(`the query returned ${series.length} series; aggregate it to one`);
        return series[0]?.points.map(([, v]) => v) ?? [];
      });
    }
    return reading(async () => (await client.instant(query, startedAt, signal)).map((s) => s.value));
  };
  const readCount = (template: string, side: Side): Promise<Reading> =>
    reading(async () =>
      (await client.instant(renderQuery(template, matchers[side], spec.windowMs), startedAt, signal)).map(
        (s) => s.value,
      ),
    );

  const [canary, baseline, canarySamples, baselineSamples] = await Promise.all([
    read(check.query, 'canary'),
    withBaseline ? read(check.query, 'baseline') : undefined,
    check.samples ? readCount(check.samples.query, 'canary') : undefined,
    check.samples && withBaseline ? readCount(check.samples.query, 'baseline') : undefined,
  ]);
  const observation: Observation = { canary };
  if (baseline) observation.baseline = baseline;
  if (canarySamples) observation.canarySamples = canarySamples;
  if (baselineSamples) observation.baselineSamples = baselineSamples;
  const assessment = assess(check, observation);
  return {
    check: check.name,
    measurement: {
      index,
      ...assessment,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    },
  };
}

/**
 * One look at the canary's open runs through Temporal: Failed when a workflow task keeps failing, Error when
 * Temporal could not be asked (or did not answer within `timeoutMs`). Never throws. Exported for callers that
 * own the schedule.
 */
export async function measureWorkflowTasks(
  client: Client,
  runsQuery: string,
  maxRuns: number,
  timeoutMs = 10_000,
): Promise<Omit<Measurement, 'index'>> {
  const startedAt = new Date().toISOString();
  let assessment: Assessment;
  let deadline: number | undefined;
  try {
    // Loaded on first use: only a run with a Temporal client needs the proto enums.
    const { findRetriedWorkflowTasks } = await import('../adapters/temporal-workflow-tasks.js');
    deadline = Date.now() + timeoutMs;
    const observation = await client.withDeadline(deadline, () =>
      findRetriedWorkflowTasks(client, runsQuery, maxRuns),
    );
    assessment = assessWorkflowTasks(observation);
  } catch (err) {
    // Adapter errors already name Temporal ("Temporal: listing runs … failed: …").
    const text = (err as Error).message;
    const named = text.startsWith('Temporal: ') ? text : `Temporal: ${text}`;
    // gRPC reports a passed deadline as DEADLINE_EXCEEDED or, depending on when it passes, as "Call cancelled".
    const late = deadline !== undefined && Date.now() >= deadline;
    assessment = { phase: 'Error', message: late ? `${named} (no answer within ${timeoutMs} ms)` : named };
  }
  return { ...assessment, startedAt, finishedAt: new Date().toISOString() };
}

interface WorkflowTaskWatcher {
  /** The polls since the last tick as one measurement: the last success, else the last error. */
  takeTickMeasurement(tick: number): Measurement | undefined;
  stopped: Promise<void>;
}

/** Polls the canary's runs every `spec.temporal.intervalMs` until `signal`; a failure is reported at once. */
function watchWorkflowTasks(
  client: Client,
  query: string,
  spec: AnalysisSpec,
  signal: AbortSignal,
  onFailed: (measurement: Omit<Measurement, 'index'>) => void,
): WorkflowTaskWatcher {
  let lastOk: Omit<Measurement, 'index'> | undefined;
  let lastError: Omit<Measurement, 'index'> | undefined;
  const ended = new Promise<undefined>((resolve) => {
    if (signal.aborted) resolve(undefined);
    signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  const loop = async () => {
    while (!signal.aborted) {
      const started = Date.now();
      // A hung call must not hold the analysis open past its end.
      const measured = await Promise.race([
        measureWorkflowTasks(client, query, spec.temporal.maxRuns),
        ended,
      ]);
      if (!measured || signal.aborted) return;
      if (measured.phase === 'Failed') {
        onFailed(measured);
        return;
      }
      if (measured.phase === 'Error') lastError = measured;
      else lastOk = measured;
      await sleep(Math.max(0, started + spec.temporal.intervalMs - Date.now()), signal);
    }
  };
  return {
    takeTickMeasurement(tick) {
      const chosen = lastOk ?? lastError;
      lastOk = undefined;
      lastError = undefined;
      return chosen ? { ...chosen, index: tick } : undefined;
    },
    stopped: loop(),
  };
}

async function reading(run: () => Promise<number[]>): Promise<Reading> {
  try {
    return { ok: true, values: await run() };
  } catch (err) {
    return { ok: false, error: (err as Error).message.replace(/^prometheus: /, '') };
  }
}

/**
 * A Temporal client for the Temporal-native check (the Temporal client is loaded only when asked for, so an
 * analysis without it starts fast).
 */
export async function connectAnalysisTemporal(source: {
  address: string;
  namespace: string;
  apiKey?: string | undefined;
}): Promise<{ client: Client; close(): Promise<void> }> {
  const { connectLive } = await import('../adapters/temporal-histories.js');
  return connectLive({
    address: source.address,
    namespace: source.namespace,
    ...(source.apiKey ? { apiKey: source.apiKey } : {}),
  });
}

import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { PrometheusClient, PrometheusError, type PrometheusOptions } from '../adapters/prometheus.js';
import { assess, needsBaseline, type Observation, type Reading } from '../core/analysis/assess.js';
import { type Judgement, judge, type Measurement } from '../core/analysis/judge.js';
import type { AnalysisReport } from '../core/analysis/report.js';
import { type AnalysisSpec, type CheckSpec, parseAnalysisSpec } from '../core/analysis/spec.js';
import { renderQuery, type Side, sideMatchers } from '../core/analysis/template.js';
import { InputError } from '../core/errors.js';

export interface AnalyzeInput {
  prometheus: PrometheusOptions;
  /** The analysis spec with `selector.canary` and `selector.baseline` set (see `resolveAnalysisSpec`). */
  spec: AnalysisSpec;
  /** Called after every tick with the judgement so far (for progress output). */
  onTick?: (tick: number, judgement: Judgement) => void;
  signal?: AbortSignal;
}

export interface SpecSource {
  /** rollout.yaml (or any YAML file with an `analysis:` section); none → the defaults. */
  configPath?: string;
  /** Selector overrides; `canary` and `baseline` must come from here or from the file. */
  label?: string;
  canary?: string;
  baseline?: string;
  interval?: string;
  count?: number;
}

/** Reads the `analysis:` section of rollout.yaml and applies the overrides given as inputs. */
export async function resolveAnalysisSpec(source: SpecSource): Promise<AnalysisSpec> {
  let raw: Record<string, unknown> = {};
  let where = 'analysis';
  if (source.configPath) {
    let text: string;
    try {
      text = await readFile(source.configPath, 'utf8');
    } catch (err) {
      throw new InputError(
        `input "config" (${source.configPath})`,
        `cannot be read: ${(err as Error).message}`,
        'give the path of rollout.yaml',
      );
    }
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (err) {
      throw new InputError(source.configPath, `is not valid YAML: ${(err as Error).message}`);
    }
    const section = (doc as Record<string, unknown> | null)?.analysis;
    if (section !== undefined && section !== null) {
      if (typeof section !== 'object' || Array.isArray(section))
        throw new InputError(`${source.configPath}: analysis`, 'must be a mapping');
      raw = { ...(section as Record<string, unknown>) };
    }
    where = `${source.configPath}: analysis`;
  }
  if (source.interval !== undefined) raw.interval = source.interval;
  if (source.count !== undefined) {
    raw.count = source.count;
    delete raw.duration;
  }
  const selector = { ...((raw.selector as Record<string, unknown> | undefined) ?? {}) };
  if (source.label !== undefined) selector.label = source.label;
  if (source.canary !== undefined) selector.canary = source.canary;
  if (source.baseline !== undefined) selector.baseline = source.baseline;
  raw.selector = selector;
  const spec = parseAnalysisSpec(raw, where);
  if (spec.selector.canary === undefined)
    throw new InputError(
      'input "canary"',
      `is missing: no value of label ${spec.selector.label} selects the canary`,
      'pass the canary task queue (or build id / role)',
    );
  if (spec.selector.baseline === undefined)
    throw new InputError(
      'input "baseline"',
      `is missing: no value of label ${spec.selector.label} selects the baseline`,
      'pass the stable task queue (or build id / role)',
    );
  if (spec.selector.canary === spec.selector.baseline)
    throw new InputError(
      'input "baseline"',
      `is the same as the canary (${spec.selector.canary})`,
      'compare the canary with the stable version',
    );
  return spec;
}

/**
 * Measures every check every `interval` until `count` measurements are in or a limit ends the analysis, and
 * returns the report with every measurement. Never throws for Prometheus trouble during the run (those are
 * Error measurements); throws an InputError before starting when a check's PromQL is rejected as bad.
 */
export async function analyze(input: AnalyzeInput): Promise<AnalysisReport> {
  const { spec } = input;
  const client = new PrometheusClient(input.prometheus);
  const matchers = matchersOf(spec);
  await preflight(client, spec, matchers.canary);

  const startedAt = new Date();
  const measurements = new Map<string, Measurement[]>(spec.checks.map((c) => [c.name, []]));
  if (spec.initialDelayMs > 0) await sleep(spec.initialDelayMs, input.signal);
  let judgement: Judgement = { done: false, reasons: [], checks: [] };
  let tick = 0;
  while (tick < spec.count) {
    tick++;
    const tickStart = Date.now();
    const results = await Promise.all(
      spec.checks.map((check) => measure(client, spec, check, matchers, tick)),
    );
    for (const m of results) measurements.get(m.check)!.push(m.measurement);
    judgement = judge(spec, spec.checks, measurements, tick);
    input.onTick?.(tick, judgement);
    if (judgement.done || input.signal?.aborted) break;
    await sleep(Math.max(0, tickStart + spec.intervalMs - Date.now()), input.signal);
  }
  if (!judgement.done) {
    // Stopped from outside before the window ended: whatever was seen so far cannot prove a pass.
    judgement = {
      ...judgement,
      done: true,
      verdict: judgement.verdict ?? 'inconclusive',
      reasons:
        judgement.reasons.length > 0
          ? judgement.reasons
          : [`analysis stopped after ${tick} of ${spec.count} measurements`],
    };
  }
  return {
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
    checks: judgement.checks,
  };
}

function matchersOf(spec: AnalysisSpec): Record<Side, string> {
  return { canary: sideMatchers(spec.selector, 'canary'), baseline: sideMatchers(spec.selector, 'baseline') };
}

/**
 * One tick of an analysis: every check measured once, for a caller that keeps the measurements and judges
 * them itself (the rollout workflow runs one activity per tick). The first tick also checks every query.
 */
export async function measureTick(
  prometheus: PrometheusOptions,
  spec: AnalysisSpec,
  tick: number,
): Promise<{ check: string; measurement: Measurement }[]> {
  const client = new PrometheusClient(prometheus);
  const matchers = matchersOf(spec);
  if (tick === 1) await preflight(client, spec, matchers.canary);
  return Promise.all(spec.checks.map((check) => measure(client, spec, check, matchers, tick)));
}

/** Runs each query once so a PromQL mistake stops the step at once, naming the check. */
async function preflight(client: PrometheusClient, spec: AnalysisSpec, matchers: string): Promise<void> {
  for (const check of spec.checks) {
    for (const [field, template] of [
      ['query', check.query],
      ['samplesQuery', check.samples?.query],
    ] as const) {
      if (template === undefined) continue;
      try {
        await client.instant(renderQuery(template, matchers, spec.windowMs));
      } catch (err) {
        if (err instanceof PrometheusError && err.kind === 'bad-query')
          throw new InputError(
            `analysis check "${check.name}" ${field}`,
            err.message.replace(/^prometheus: /, ''),
            'fix the PromQL',
          );
        // Anything else (unreachable, timeout) is measured as Error during the run.
      }
    }
  }
}

async function measure(
  client: PrometheusClient,
  spec: AnalysisSpec,
  check: CheckSpec,
  matchers: Record<Side, string>,
  index: number,
): Promise<{ check: string; measurement: Measurement }> {
  const startedAt = new Date();
  const withBaseline = needsBaseline(check);
  const read = (template: string, side: Side): Promise<Reading> => {
    const query = renderQuery(template, matchers[side], spec.windowMs);
    if (check.rule.type === 'mann-whitney') {
      const start = new Date(startedAt.getTime() - check.rule.lookbackMs);
      return reading(async () => {
        const series = await client.range(query, start, startedAt, (check.rule as { stepMs: number }).stepMs);
        if (series.length > 1)
          throw new Error(`the query returned ${series.length} series; aggregate it to one`);
        return series[0]?.points.map(([, v]) => v) ?? [];
      });
    }
    return reading(async () => (await client.instant(query, startedAt)).map((s) => s.value));
  };
  const readCount = (template: string, side: Side): Promise<Reading> =>
    reading(async () =>
      (await client.instant(renderQuery(template, matchers[side], spec.windowMs), startedAt)).map(
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

async function reading(run: () => Promise<number[]>): Promise<Reading> {
  try {
    return { ok: true, values: await run() };
  } catch (err) {
    return { ok: false, error: (err as Error).message.replace(/^prometheus: /, '') };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

// The release pipeline after the image exists: canary at each ramp step of rollout.yaml, analysis after each,
// then promote — or roll back at once on `fail`, and hold (no promotion, canary left for a human) on
// `inconclusive`. GitHub runs these as separate jobs; locally (`temporal-rollout release`, the demo) they run
// here in one process with the same steps.
import type { PrometheusOptions } from '../adapters/prometheus.js';
import type { AnalysisReport } from '../core/analysis/report.js';
import type { AnalysisSpec } from '../core/analysis/spec.js';
import { canaryRunsQuery } from '../core/analysis/workflow-tasks.js';
import { analyze } from './analyze.js';
import { canary } from './canary.js';
import { promote } from './promote.js';
import { rollback } from './rollback.js';
import { loadState, type RolloutContext, releaseFor, type StepResult } from './rollout.js';

export interface ReleaseInput {
  version: string;
  image: string;
  env?: Record<string, string>;
  prometheus: PrometheusOptions;
  /** The analysis spec comparing `canary` (its queues, comma-separated) with `baseline`. */
  analysisSpec: (selectors: { canary: string; baseline: string }) => Promise<AnalysisSpec>;
  log?: (line: string) => void;
  /** Waits out a step's pause; tests and the demo may shorten it. */
  pause?: (ms: number) => Promise<void>;
  /**
   * How long to keep re-running promote or rollback while the version being left still drains (each run
   * waits up to the drain timeout). Default 0: report `waiting` and let a later job finish it.
   */
  settleTimeoutMs?: number;
}

export interface RampRecord {
  weight: number;
  canary: StepResult;
  analysis: AnalysisReport;
}

export interface ReleaseResult {
  version: string;
  outcome: 'promoted' | 'rolled-back' | 'held' | 'installed';
  reasons: string[];
  ramp: RampRecord[];
  /** The promote or rollback result, when one ran. */
  final?: StepResult;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Re-runs an idempotent promote/rollback while it reports `waiting` (open runs still draining), up to a bound. */
async function settle(step: () => Promise<StepResult>, input: ReleaseInput): Promise<StepResult> {
  const deadline = Date.now() + (input.settleTimeoutMs ?? 0);
  let result = await step();
  while (result.outcome === 'waiting' && Date.now() < deadline) {
    input.log?.(`still draining: ${result.message}`);
    result = await step();
  }
  return result;
}

export async function release(ctx: RolloutContext, input: ReleaseInput): Promise<ReleaseResult> {
  const log = input.log ?? (() => {});
  const pause = input.pause ?? sleep;
  const target = releaseFor(ctx.settings, input.version, input.image, input.env);
  const before = await loadState(ctx);
  if (!before.stable) {
    const installed = await canary(ctx, {
      version: input.version,
      image: input.image,
      weight: 100,
      env: input.env,
    });
    log(`${input.version}: nothing stable yet — installed as stable (${installed.message})`);
    return {
      version: input.version,
      outcome: 'installed',
      reasons: [installed.message],
      ramp: [],
      final: installed,
    };
  }
  const baselineRelease = before.stable;
  const selectors = {
    canary: `${target.orderQueue},${target.paymentQueue}`,
    baseline: `${baselineRelease.orderQueue},${baselineRelease.paymentQueue}`,
  };
  const ramp: RampRecord[] = [];
  for (const step of ctx.settings.strategy.steps) {
    if (step.weight === 100) break;
    const placed = await canary(ctx, {
      version: input.version,
      image: input.image,
      weight: step.weight,
      env: input.env,
    });
    log(`${input.version}: canary at ${step.weight}% — ${placed.message}`);
    const spec = await input.analysisSpec(selectors);
    const analysis = await analyze({
      prometheus: input.prometheus,
      spec,
      // The rollout's own client also watches the canary's runs through Temporal, where they can be found.
      ...(canaryRunsQuery(spec.temporal, spec.selector) ? { temporal: { client: ctx.client } } : {}),
      onTick: (tick, judgement) =>
        log(
          `  analysis ${tick}: ${judgement.checks.map((c) => `${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`,
        ),
    });
    ramp.push({ weight: step.weight, canary: placed, analysis });
    log(
      `${input.version}: analysis at ${step.weight}% — ${analysis.verdict}: ${analysis.reasons.join('; ')}`,
    );
    if (analysis.verdict === 'fail') {
      const reason = `analysis failed at ${step.weight}%: ${analysis.reasons.join('; ')}`;
      const final = await settle(() => rollback(ctx, { reason }), input);
      log(`${input.version}: rolled back — ${final.message}`);
      return { version: input.version, outcome: 'rolled-back', reasons: [reason], ramp, final };
    }
    if (analysis.verdict === 'inconclusive') {
      // Missing evidence is not a pass: the canary stays where it is and a human decides.
      return { version: input.version, outcome: 'held', reasons: analysis.reasons, ramp };
    }
    if (step.pauseMs > 0) await pause(step.pauseMs);
  }
  const final = await settle(() => promote(ctx, { version: input.version }), input);
  log(`${input.version}: promoted — ${final.message}`);
  return { version: input.version, outcome: 'promoted', reasons: ['every analysis passed'], ramp, final };
}

// The analysis spec of one ramp step: rollout.yaml's `analysis:` section with the selectors chosen for that step.
// Pure, so the workflow and the measuring activity derive the same spec.
import { type AnalysisSpec, parseAnalysisSpec, type SelectorSpec } from '../core/analysis/spec.js';
import type { StepSelectors } from './api.js';

/**
 * The `analysis:` section as a release request carries it: parsed (RolloutConfig.analysis), or — in a request
 * recorded before rollout.yaml was parsed once — the section as written, which replay must still read alike.
 */
export type RequestAnalysis = AnalysisSpec | Record<string, unknown>;

function isParsed(analysis: RequestAnalysis): analysis is AnalysisSpec {
  return typeof analysis.intervalMs === 'number' && Array.isArray(analysis.checks);
}

/** The step's label, values and matchers, as `analysis.selector` fields (the rule is for people, not PromQL). */
function selectorFields(selectors: StepSelectors): Partial<SelectorSpec> {
  const { canary, baseline, label, matchers } = selectors;
  return { canary, baseline, ...(label ? { label } : {}), ...(matchers !== undefined ? { matchers } : {}) };
}

export function analysisSpecFor(
  analysis: RequestAnalysis,
  selectors: StepSelectors,
  where: string,
): AnalysisSpec {
  const fields = selectorFields(selectors);
  if (isParsed(analysis)) return { ...analysis, selector: { ...analysis.selector, ...fields } };
  const selector = { ...((analysis.selector as Record<string, unknown> | undefined) ?? {}), ...fields };
  return parseAnalysisSpec({ ...analysis, selector }, where);
}

/** The section's `analysis.selector` (parsed when the request carries the section as written). */
export function selectorSpecOf(analysis: RequestAnalysis, where: string): SelectorSpec {
  return isParsed(analysis) ? analysis.selector : parseAnalysisSpec(analysis, where).selector;
}

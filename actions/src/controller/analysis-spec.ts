// The analysis spec of one ramp step: rollout.yaml's `analysis:` section with the canary and baseline
// selectors of that step. Pure, so the workflow and the measuring activity derive the same spec.
import { type AnalysisSpec, parseAnalysisSpec } from '../core/analysis/spec.js';

/**
 * The `analysis:` section as a release request carries it: parsed (RolloutConfig.analysis), or — in a request
 * recorded before rollout.yaml was parsed once — the section as written, which replay must still read alike.
 */
export type RequestAnalysis = AnalysisSpec | Record<string, unknown>;

function isParsed(analysis: RequestAnalysis): analysis is AnalysisSpec {
  return typeof analysis.intervalMs === 'number' && Array.isArray(analysis.checks);
}

export function analysisSpecFor(
  analysis: RequestAnalysis,
  selectors: { canary: string; baseline: string },
  where: string,
): AnalysisSpec {
  if (isParsed(analysis)) return { ...analysis, selector: { ...analysis.selector, ...selectors } };
  const selector = { ...((analysis.selector as Record<string, unknown> | undefined) ?? {}), ...selectors };
  return parseAnalysisSpec({ ...analysis, selector }, where);
}

/** The label that tells canary from baseline (`task_queue` unless the section names another). */
export function selectorLabelOf(analysis: RequestAnalysis): string {
  return (analysis.selector as { label?: string } | undefined)?.label ?? 'task_queue';
}

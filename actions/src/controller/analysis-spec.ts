// The analysis spec of one ramp step: rollout.yaml's `analysis:` section with the canary and baseline
// selectors of that step. Pure, so the workflow and the measuring activity derive the same spec.
import { type AnalysisSpec, parseAnalysisSpec } from '../core/analysis/spec.js';

export function analysisSpecFor(
  analysis: Record<string, unknown>,
  selectors: { canary: string; baseline: string },
  where: string,
): AnalysisSpec {
  const selector = { ...((analysis.selector as Record<string, unknown> | undefined) ?? {}), ...selectors };
  return parseAnalysisSpec({ ...analysis, selector }, where);
}

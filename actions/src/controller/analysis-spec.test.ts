import { describe, expect, it } from 'vitest';
import { parseAnalysisSpec } from '../core/analysis/spec.js';
import { sideMatchers } from '../core/analysis/template.js';
import { analysisSpecFor, selectorSpecOf } from './analysis-spec.js';

const where = 'rollout.yaml: analysis';
const byBuild = {
  label: 'temporal_rollout_build_id',
  canary: '1.1.0',
  baseline: '1.0.0',
  matchers: 'task_queue="orders"',
  rule: 'why',
};

describe('the analysis spec of one ramp step', () => {
  it('measures by the label and matchers the step chose, from a parsed or an as-written section', () => {
    for (const analysis of [parseAnalysisSpec({ count: 2 }, where), { count: 2 }]) {
      const spec = analysisSpecFor(analysis, byBuild, where);
      expect(sideMatchers(spec.selector, 'canary')).toBe(
        'temporal_rollout_build_id="1.1.0", task_queue="orders"',
      );
      expect(sideMatchers(spec.selector, 'baseline')).toBe(
        'temporal_rollout_build_id="1.0.0", task_queue="orders"',
      );
      expect(spec.count).toBe(2);
    }
  });

  it('keeps rollout.yaml’s label for selectors recorded before the step chose one', () => {
    const analysis = { selector: { label: 'role', matchers: 'env="prod"' } };
    const spec = analysisSpecFor(analysis, { canary: 'canary', baseline: 'stable' }, where);
    expect(sideMatchers(spec.selector, 'canary')).toBe('role="canary", env="prod"');
    expect(selectorSpecOf(analysis, where)).toEqual({ label: 'role', matchers: 'env="prod"' });
    expect(selectorSpecOf({}, where)).toEqual({ label: 'task_queue', labelDefaulted: true });
  });
});

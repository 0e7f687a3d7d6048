// Which label tells the canary's metrics from stable's, and its value on each side: one rule for the rollout
// workflow (per ramp step) and the analyze step. Pure.
import { buildIdFor } from '../rollout/queues.js';
import type { SelectorSpec } from './spec.js';
import { labelMatcher } from './template.js';

/**
 * The label carrying a worker's build id (its release version without `v`) on every metric: the order worker
 * sets it as a global metric tag (BUILD_ID), and the chart's PodMonitor copies it from the pod label
 * `temporal-rollout/build-id`.
 */
export const BUILD_ID_LABEL = 'temporal_rollout_build_id';

/** One side of the comparison: the build id its workers were deployed with, and the task queues they poll. */
export interface AnalysisSide {
  buildId: string;
  queues: string[];
}

/** The side of a release run with the build id the rollout gives every version (see `buildIdFor`). */
export function sideOfVersion(version: string, queues: string[]): AnalysisSide {
  return { buildId: buildIdFor(version), queues };
}

/** The label, each side's value, extra matchers for both sides, and why (for the status and job summary). */
export interface ChosenSelectors {
  label: string;
  canary: string;
  baseline: string;
  matchers?: string;
  rule: string;
}

function sameQueues(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((q) => set.has(q));
}

/**
 * The selectors of one comparison. By `task_queue` while the two sides poll different queues. When they poll
 * the same queues (replay verdict same-queue, a queue template that shares stable's, worker versioning) and
 * rollout.yaml names no label, by the build-id label, kept to the shared queues (another app's workers may
 * run a build of the same version). A label the user names is kept: `task_queue` then compares the queues
 * (equal values: the caller holds), any other label compares the build ids.
 */
export function chooseSelectors(
  selector: Pick<SelectorSpec, 'label' | 'labelDefaulted' | 'matchers'>,
  canary: AnalysisSide,
  baseline: AnalysisSide,
): ChosenSelectors {
  const userMatchers = selector.matchers ? { matchers: selector.matchers } : {};
  const shared = sameQueues(canary.queues, baseline.queues);
  if (selector.labelDefaulted && shared && canary.buildId !== baseline.buildId) {
    const queues = canary.queues.join(',');
    return {
      label: BUILD_ID_LABEL,
      canary: canary.buildId,
      baseline: baseline.buildId,
      matchers: [labelMatcher('task_queue', canary.queues), selector.matchers].filter(Boolean).join(', '),
      rule: `canary and stable both poll ${queues}, so they are compared by their build id (${BUILD_ID_LABEL} ${canary.buildId} against ${baseline.buildId}) on those queues`,
    };
  }
  if (selector.label === 'task_queue') {
    const [c, b] = [canary.queues.join(','), baseline.queues.join(',')];
    const named = selector.labelDefaulted
      ? 'the default label task_queue'
      : 'analysis.selector.label task_queue';
    return {
      label: 'task_queue',
      canary: c,
      baseline: b,
      ...userMatchers,
      rule: shared
        ? `${named}: canary and stable both poll ${c}, so their metrics cannot be told apart`
        : `${named}: canary polls ${c}, stable polls ${b}`,
    };
  }
  return {
    label: selector.label,
    canary: canary.buildId,
    baseline: baseline.buildId,
    ...userMatchers,
    rule: `analysis.selector.label ${selector.label}: the canary's build id ${canary.buildId} against stable's ${baseline.buildId}`,
  };
}

/** One line for people: what was compared, by which label, and why (`label` unset: rollout.yaml's). */
export function describeComparison(
  selectors: Partial<ChosenSelectors> & { canary: string; baseline: string },
): string {
  const by = selectors.label ? ` by ${selectors.label}` : '';
  const why = selectors.rule ? ` — ${selectors.rule}` : '';
  return `canary ${selectors.canary} against baseline ${selectors.baseline}${by}${why}`;
}

import { describe, expect, it } from 'vitest';
import { BUILD_ID_LABEL, chooseSelectors, sideOfVersion } from './sides.js';
import { parseAnalysisSpec } from './spec.js';
import { renderQuery, sideMatchers } from './template.js';

const V1 = ['order-task-queue-v1', 'payment-task-queue-v1'];
const V2 = ['order-task-queue-v2', 'payment-task-queue-v2'];
const selectorOf = (section: unknown) => parseAnalysisSpec(section, 'rollout.yaml: analysis').selector;

describe('chooseSelectors', () => {
  it('compares different queues by task_queue', () => {
    const chosen = chooseSelectors(
      selectorOf(undefined),
      sideOfVersion('2.0.0', V2),
      sideOfVersion('1.0.0', V1),
    );
    expect(chosen).toEqual({
      label: 'task_queue',
      canary: 'order-task-queue-v2,payment-task-queue-v2',
      baseline: 'order-task-queue-v1,payment-task-queue-v1',
      rule: 'the default label task_queue: canary polls order-task-queue-v2,payment-task-queue-v2, stable polls order-task-queue-v1,payment-task-queue-v1',
    });
  });

  it('compares a shared queue by build id when rollout.yaml names no label, kept to the shared queues', () => {
    for (const section of [
      undefined,
      {},
      { selector: {} },
      { selector: { matchers: 'namespace="orders"' } },
    ]) {
      const selector = selectorOf(section);
      const chosen = chooseSelectors(selector, sideOfVersion('1.1.0', V1), sideOfVersion('1.0.0', V1));
      expect(chosen.label).toBe(BUILD_ID_LABEL);
      expect([chosen.canary, chosen.baseline]).toEqual(['1.1.0', '1.0.0']);
      const own = 'task_queue=~"order-task-queue-v1|payment-task-queue-v1"';
      expect(chosen.matchers).toBe(selector.matchers ? `${own}, ${selector.matchers}` : own);
      expect(chosen.rule).toBe(
        'canary and stable both poll order-task-queue-v1,payment-task-queue-v1, so they are compared by their build id (temporal_rollout_build_id 1.1.0 against 1.0.0) on those queues',
      );
    }
  });

  it('gives PromQL matchers that tell the two builds apart on one queue', () => {
    const chosen = chooseSelectors(
      selectorOf(undefined),
      sideOfVersion('v1.1.0', ['orders']),
      sideOfVersion('1.0.0', ['orders']),
    );
    const spec = { ...selectorOf(undefined), ...chosen };
    expect(renderQuery('sum(x{ {{selector}} })', sideMatchers(spec, 'canary'), 60_000)).toBe(
      'sum(x{ temporal_rollout_build_id="1.1.0", task_queue="orders" })',
    );
    expect(sideMatchers(spec, 'baseline')).toBe('temporal_rollout_build_id="1.0.0", task_queue="orders"');
  });

  it('is indifferent to the order the shared queues are listed in', () => {
    const chosen = chooseSelectors(
      selectorOf(undefined),
      sideOfVersion('1.1.0', ['b', 'a']),
      sideOfVersion('1.0.0', ['a', 'b']),
    );
    expect(chosen.label).toBe(BUILD_ID_LABEL);
  });

  it('keeps an explicit task_queue label even when the queues are shared (the caller holds)', () => {
    const chosen = chooseSelectors(
      selectorOf({ selector: { label: 'task_queue' } }),
      sideOfVersion('1.1.0', V1),
      sideOfVersion('1.0.0', V1),
    );
    expect(chosen).toMatchObject({ label: 'task_queue', canary: V1.join(','), baseline: V1.join(',') });
    expect(chosen.rule).toBe(
      'analysis.selector.label task_queue: canary and stable both poll order-task-queue-v1,payment-task-queue-v1, so their metrics cannot be told apart',
    );
  });

  it('compares build ids under any other label the user names, on shared or separate queues', () => {
    const selector = selectorOf({ selector: { label: 'build', matchers: 'env="prod"' } });
    for (const queues of [V1, V2]) {
      expect(chooseSelectors(selector, sideOfVersion('2.0.0', queues), sideOfVersion('v1.0.0', V1))).toEqual({
        label: 'build',
        canary: '2.0.0',
        baseline: '1.0.0',
        matchers: 'env="prod"',
        rule: "analysis.selector.label build: the canary's build id 2.0.0 against stable's 1.0.0",
      });
    }
  });

  it('a selector parsed before labelDefaulted existed keeps the old rule (it holds on a shared queue)', () => {
    const chosen = chooseSelectors(
      { label: 'task_queue' },
      sideOfVersion('1.1.0', V1),
      sideOfVersion('1.0.0', V1),
    );
    expect(chosen.label).toBe('task_queue');
    expect(chosen.canary).toBe(chosen.baseline);
  });
});

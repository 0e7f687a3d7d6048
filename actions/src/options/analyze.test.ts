// The analyze step's selectors from its options: versions become queues through rollout.yaml's templates, and the
// rule of core/analysis/sides.ts turns two sides on one queue into a comparison by build id.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRolloutFile } from '../adapters/rollout-file.js';
import { canaryRunsQuery } from '../core/analysis/workflow-tasks.js';
import { resolveAnalysisSpec } from '../steps/analyze.js';
import { analyzeRequestOf } from './analyze.js';

const ROLLOUT_YAML = [
  'app: order-worker',
  'image: local',
  'temporal: { namespace: orders }',
  'taskQueues:',
  '  order: { base: order-task-queue }',
  '  payment: { base: payment-task-queue }',
  '',
].join('\n');

describe('the analyze step’s selectors', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'analyze-options-'));
    config = join(dir, 'rollout.yaml');
    await writeFile(config, ROLLOUT_YAML);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const specOf = async (values: Record<string, string>) =>
    resolveAnalysisSpec((await analyzeRequestOf({ config, ...values })).source);

  it('compares the queues of two versions on queues of their own by task_queue', async () => {
    const spec = await specOf({ version: 'v2.0.0', 'baseline-version': '1.0.0' });
    expect(spec.selector).toMatchObject({
      label: 'task_queue',
      canary: 'order-task-queue-v2,payment-task-queue-v2',
      baseline: 'order-task-queue-v1,payment-task-queue-v1',
    });
    expect(spec.selector.rule).toMatch(/^the default label task_queue: canary polls/);
  });

  it('compares two versions on one queue by build id, on that queue, and watches its runs', async () => {
    // The template gives 1.1.0 and 1.0.0 one queue; same-queue puts 2.0.0 on 1.0.0's.
    for (const values of <Record<string, string>[]>[
      { version: '1.1.0', 'baseline-version': '1.0.0' },
      { version: '2.0.0', 'baseline-version': '1.0.0', 'replay-deploy': 'same-queue' },
    ]) {
      const spec = await specOf(values);
      expect(spec.selector).toMatchObject({
        label: 'temporal_rollout_build_id',
        canary: values.version,
        baseline: '1.0.0',
        matchers: 'task_queue=~"order-task-queue-v1|payment-task-queue-v1"',
      });
      expect(spec.selector.rule).toMatch(
        /^canary and stable both poll order-task-queue-v1,payment-task-queue-v1/,
      );
      expect(canaryRunsQuery(spec.temporal, spec.selector)).toBe(
        '(TaskQueue IN ("order-task-queue-v1", "payment-task-queue-v1")) AND ExecutionStatus="Running"',
      );
    }
  });

  it('without a same-queue verdict, 2.0.0 polls its own queue', async () => {
    const spec = await specOf({
      version: '2.0.0',
      'baseline-version': '1.0.0',
      'replay-deploy': 'new-queue',
    });
    expect(spec.selector.canary).toBe('order-task-queue-v2,payment-task-queue-v2');
  });

  it('respects a label given as an option: task_queue on one queue is refused, naming the way out', async () => {
    await expect(
      specOf({ version: '1.1.0', 'baseline-version': '1.0.0', 'selector-label': 'task_queue' }),
    ).rejects.toThrow(
      /baseline: is the same as the canary \(task_queue="order-task-queue-v1,payment-task-queue-v1"\).*name no label.*temporal_rollout_build_id/,
    );
  });

  it('refuses one queue on both sides when the versions are not known', async () => {
    await expect(resolveAnalysisSpec({ canary: 'orders', baseline: 'orders' })).rejects.toThrow(
      /baseline: is the same as the canary \(task_queue="orders"\)/,
    );
  });

  it('refuses a replay verdict that is not one', async () => {
    await expect(specOf({ 'replay-deploy': 'maybe' })).rejects.toThrow(
      /replay-deploy: "maybe" is not a replay verdict/,
    );
  });
});

describe('the namespace rollout.yaml gives the analysis', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'analyze-namespace-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is temporal.namespace, its default when unset, and the default for a file with only analysis:', async () => {
    const write = async (name: string, text: string) => {
      await writeFile(join(dir, name), text);
      return readRolloutFile(join(dir, name));
    };
    expect((await write('named.yaml', ROLLOUT_YAML)).namespace()).toBe('orders');
    const unnamed = ROLLOUT_YAML.replace('temporal: { namespace: orders }\n', '');
    expect((await write('unnamed.yaml', unnamed)).namespace()).toBe('default');
    expect((await write('only.yaml', 'analysis: { count: 2 }\n')).namespace()).toBe('default');
  });
});

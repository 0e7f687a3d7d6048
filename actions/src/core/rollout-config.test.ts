import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRolloutConfig } from './rollout-config.js';
import { rolloutSchema } from './rollout-schema.js';

const minimal =
  'app: order-worker\nimage: registry.example.com/acme/order-worker\ntaskQueues:\n  order: { base: orders }\n';

describe('parseRolloutConfig', () => {
  it('reads the repository rollout.yaml', () => {
    const config = parseRolloutConfig(readFileSync('rollout.yaml', 'utf8'), 'rollout.yaml');
    expect(config.app).toBe('order-worker');
    expect(config.taskQueues.order).toEqual({ base: 'order-task-queue', template: '{base}-v{major}' });
    expect(config.strategy.steps).toEqual([
      { weight: 10, pauseMs: 30_000 },
      { weight: 50, pauseMs: 30_000 },
      { weight: 100, pauseMs: 0 },
    ]);
    expect(config.strategy.drain).toEqual({ policy: 'wait', timeoutMs: 1_800_000 });
    expect(config.helm).toMatchObject({ release: 'order-worker', timeoutMs: 300_000 });
  });

  it('fills defaults for a minimal file', () => {
    const config = parseRolloutConfig(minimal, 'r.yaml');
    expect(config).toMatchObject({
      chart: 'charts/order-worker',
      deployer: 'local',
      temporal: { namespace: 'default' },
      taskQueues: { order: { base: 'orders', template: '{base}-v{major}' } },
      strategy: { type: 'task-queue', deploymentName: 'order-worker', drain: { policy: 'wait' } },
      helm: { release: 'order-worker' },
    });
    expect(config.strategy.steps.map((s) => s.weight)).toEqual([10, 50, 100]);
  });

  it('names every bad field at once, with the file', () => {
    const text = `${minimal}strategy:\n  type: blue-green\n  steps: [{ weight: 0 }]\nextra: 1\n`;
    const message = (() => {
      try {
        parseRolloutConfig(text, 'r.yaml');
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    })();
    expect(message).toMatch(/^r\.yaml: /);
    expect(message).toContain('strategy.type must be one of "task-queue", "worker-versioning"');
    expect(message).toContain('strategy.steps[0].weight must be >= 1');
    expect(message).toContain('extra is not a known setting');
  });

  it('reports a missing required field and YAML syntax errors', () => {
    expect(() => parseRolloutConfig('app: x\ntaskQueues: { order: { base: q } }\n', 'r.yaml')).toThrowError(
      /r\.yaml: image is required/,
    );
    expect(() => parseRolloutConfig('app: [unclosed', 'r.yaml')).toThrowError(/r\.yaml: is not valid YAML/);
  });

  it('refuses ramps that do not increase or do not end at 100', () => {
    expect(() =>
      parseRolloutConfig(
        `${minimal}strategy:\n  steps: [{ weight: 50 }, { weight: 20 }, { weight: 100 }]\n`,
        'r.yaml',
      ),
    ).toThrowError(/strategy\.steps\[1\]\.weight: 20 is not above the step before it \(50\)/);
    expect(() =>
      parseRolloutConfig(`${minimal}strategy:\n  steps: [{ weight: 10 }, { weight: 60 }]\n`, 'r.yaml'),
    ).toThrowError(/strategy\.steps: the last step ramps to 60%.*end the steps with \{ weight: 100 \}/);
  });

  it('parses the analysis section with the analysis parser', () => {
    expect(() =>
      parseRolloutConfig(`${minimal}analysis: { interval: 10s, bogus: 1 }\n`, 'r.yaml'),
    ).toThrowError(/r\.yaml: analysis/);
    // Parsed once, typed and defaulted: the interval as given, the rest from the analysis defaults.
    expect(parseRolloutConfig(`${minimal}analysis: { interval: 20s }\n`, 'r.yaml').analysis).toMatchObject({
      intervalMs: 20_000,
      count: 6,
      deadlineMs: 6 * 20_000 + 60_000,
      selector: { label: 'task_queue' },
      temporal: { enabled: true },
    });
  });

  it('refuses a queue template without {base} or with an unknown placeholder, and bad durations', () => {
    const bad = (template: string) =>
      `app: a\nimage: r/a\ntaskQueues:\n  order: { base: q, template: "${template}" }\n`;
    expect(() => parseRolloutConfig(bad('orders-v{major}'), 'r.yaml')).toThrowError(
      /taskQueues\.order\.template/,
    );
    expect(() => parseRolloutConfig(bad('{base}-{build}'), 'r.yaml')).toThrowError(
      /taskQueues\.order\.template/,
    );
    expect(() => parseRolloutConfig(`${minimal}helm: { timeout: soon }\n`, 'r.yaml')).toThrowError(
      /helm\.timeout/,
    );
  });

  it('reads every duration in the one grammar and refuses a bare number, saying it meant seconds', () => {
    const config = parseRolloutConfig(
      `${minimal}strategy:\n  steps: [ { weight: 50, pause: 1m30s }, { weight: 100, pause: 0 } ]\n  drain: { timeout: 2d }\n`,
      'r.yaml',
    );
    expect(config.strategy.steps).toEqual([
      { weight: 50, pauseMs: 90_000 },
      { weight: 100, pauseMs: 0 },
    ]);
    expect(config.strategy.drain.timeoutMs).toBe(172_800_000);
    expect(() =>
      parseRolloutConfig(`${minimal}strategy:\n  steps: [ { weight: 100, pause: 300 } ]\n`, 'r.yaml'),
    ).toThrowError(
      'r.yaml: strategy.steps[0].pause: 300 has no unit — write 300s: a bare number here used to mean seconds, and durations now always carry a unit',
    );
    expect(() => parseRolloutConfig(`${minimal}helm: { timeout: 90 }\n`, 'r.yaml')).toThrowError(
      /helm\.timeout: 90 has no unit — write 90s/,
    );
  });

  it('keeps rollout.schema.json equal to the schema the code validates with (npm run schemas rewrites it)', () => {
    const generated = `${JSON.stringify(rolloutSchema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync('rollout.schema.json', generated);
    expect(readFileSync('rollout.schema.json', 'utf8')).toBe(generated);
  });
});

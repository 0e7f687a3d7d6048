import { describe, expect, it } from 'vitest';
import type { ReleaseSpec } from '../core/rollout/state.js';
import { parseRolloutConfig } from '../core/rollout-config.js';
import { strategyFor } from './strategy.js';

const settings = (type: 'task-queue' | 'worker-versioning') =>
  parseRolloutConfig(
    `app: order-worker\nimage: r/a\ntaskQueues:\n  order: { base: orders }\n  payment: { base: payments }\nstrategy:\n  type: ${type}\n`,
    'rollout.yaml',
  );
const release = (
  version: string,
  orderQueue: string,
  paymentQueue = orderQueue.replace('orders', 'payments'),
) => ({ version, buildId: version, image: 'i', orderQueue, paymentQueue }) satisfies ReleaseSpec;

describe('task-queue strategy: the replay verdict decides the queue', () => {
  const strategy = strategyFor(settings('task-queue'));
  const stable = release('1.0.0', 'orders-v1');

  it('gives the first release its template queue', () => {
    expect(strategy.placement({ version: '1.0.0', stable: undefined, verdict: 'new-queue' })).toEqual({
      orderQueue: 'orders-v1',
      paymentQueue: 'payments-v1',
      rule: 'first release: queue template {base}-v{major}',
    });
  });

  it('same-queue: the new version takes over stable’s queue, even across a major, and needs no drain', () => {
    const placed = strategy.placement({ version: '2.0.0', stable, verdict: 'same-queue' });
    expect(placed).toMatchObject({ orderQueue: 'orders-v1', paymentQueue: 'payments-v1' });
    expect(placed.rule).toMatch(/^replay verdict same-queue: .* takes over orders-v1 \(no drain\)$/);
    expect(strategy.needsDrain(stable, release('2.0.0', placed.orderQueue))).toBe(false);
  });

  it('new-queue: a per-version queue of its own, also when the template would give stable’s, and stable drains', () => {
    const major = strategy.placement({ version: '2.0.0', stable, verdict: 'new-queue' });
    expect(major).toMatchObject({ orderQueue: 'orders-v2', paymentQueue: 'payments-v2' });
    expect(major.rule).toMatch(/^replay verdict new-queue: .* polls orders-v2 .* orders-v1 drains$/);
    const minor = strategy.placement({ version: '1.1.0', stable, verdict: 'new-queue' });
    expect(minor).toMatchObject({ orderQueue: 'orders-v1.1.0', paymentQueue: 'payments-v1.1.0' });
    expect(minor.rule).toMatch(/gives stable's orders-v1, so it polls orders-v1.1.0 and orders-v1 drains$/);
    expect(strategy.needsDrain(stable, release('1.1.0', minor.orderQueue))).toBe(true);
  });

  it('without a verdict the template decides, and a later ramp step keeps the queue the canary has', () => {
    expect(strategy.placement({ version: '1.1.0', stable }).rule).toBe(
      "queue template {base}-v{major} (no replay verdict given): shares stable's orders-v1, no drain",
    );
    const canary = release('1.1.0', 'orders-v1.1.0');
    expect(strategy.placement({ version: '1.1.0', stable, running: canary })).toMatchObject({
      orderQueue: 'orders-v1.1.0',
      rule: 'kept: 1.1.0 already polls orders-v1.1.0',
    });
    // The stable version re-run keeps its queue whatever verdict comes with it.
    expect(
      strategy.placement({ version: '1.0.0', stable, running: stable, verdict: 'new-queue' }),
    ).toMatchObject({
      orderQueue: 'orders-v1',
    });
  });

  it('routes by the table and counts runs by queue', () => {
    const canary = release('2.0.0', 'orders-v2');
    expect(strategy.routingTable(stable, canary, 25).routes).toEqual([
      { taskQueue: 'orders-v1', weight: 75 },
      { taskQueue: 'orders-v2', weight: 25 },
    ]);
    expect(strategy.scopeOf(canary)).toEqual({ kind: 'task-queue', taskQueue: 'orders-v2' });
    expect(strategy.workerVersioning('PINNED')).toBeUndefined();
  });
});

describe('worker-versioning strategy', () => {
  const strategy = strategyFor(settings('worker-versioning'));
  const stable = release('1.0.0', 'orders');

  it('keeps every build on the shared queues and says the verdict moves nothing', () => {
    const placed = strategy.placement({ version: '2.0.0', stable, verdict: 'new-queue' });
    expect(placed).toMatchObject({ orderQueue: 'orders', paymentQueue: 'payments' });
    expect(placed.rule).toMatch(/^worker versioning: every build polls orders/);
  });

  it('routes on the server (the starter table names the shared queue), counts runs by version, always drains', () => {
    const canary = release('2.0.0', 'orders');
    expect(strategy.routingTable(stable, canary, 25).routes).toEqual([{ taskQueue: 'orders', weight: 100 }]);
    expect(strategy.scopeOf(canary)).toEqual({
      kind: 'version',
      deploymentName: 'order-worker',
      buildId: '2.0.0',
    });
    expect(strategy.needsDrain(stable, canary)).toBe(true);
    expect(strategy.workerVersioning(undefined)).toEqual({
      deploymentName: 'order-worker',
      defaultBehavior: 'PINNED',
    });
  });
});

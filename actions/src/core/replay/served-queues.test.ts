import { describe, expect, it } from 'vitest';
import { queueName } from '../rollout/queues.js';
import { ServedQueues } from './served-queues.js';

describe('ServedQueues', () => {
  const rollout = new ServedQueues([
    { base: 'order-task-queue', template: '{base}-v{major}' },
    { base: 'payment-task-queue', template: '{base}-v{major}' },
  ]);

  it('serves each base, the queues its template gives any version, and the new-queue fallback', () => {
    for (const version of ['1.0.0', '3.2.1', '12.0.0-rc.1'])
      for (const template of ['{base}-v{major}', '{base}-v{version}']) {
        expect(rollout.serves(queueName(template, 'order-task-queue', version))).toBe(true);
        expect(rollout.serves(queueName(template, 'payment-task-queue', version))).toBe(true);
      }
    expect(rollout.serves('order-task-queue')).toBe(true);
    for (const foreign of [
      'temporal-rollout',
      'order-task-queue-v',
      'order-task-queue-vx',
      'order-task-queue.v1',
    ])
      expect(rollout.serves(foreign), foreign).toBe(false);
  });

  it('reads other templates: placeholders anywhere, regex characters taken literally', () => {
    const queues = new ServedQueues([{ base: 'orders.eu', template: 'v{major}.{minor}-{base}' }]);
    expect(queues.serves('v2.7-orders.eu')).toBe(true);
    expect(queues.serves('v2.7-ordersXeu')).toBe(false);
    expect(queues.describe()).toBe('orders.eu, v{major}.{minor}-orders.eu, orders.eu-v{version}');
  });

  it('writes a visibility filter that every served queue matches, or none when a template starts with a version', () => {
    expect(rollout.visibilityFilter()).toBe(
      'TaskQueue = "order-task-queue" OR TaskQueue STARTS_WITH "order-task-queue-v" OR TaskQueue = "payment-task-queue" OR TaskQueue STARTS_WITH "payment-task-queue-v"',
    );
    expect(new ServedQueues([{ base: 'orders', template: '{base}' }]).visibilityFilter()).toBe(
      'TaskQueue = "orders" OR TaskQueue STARTS_WITH "orders-v"',
    );
    expect(
      new ServedQueues([{ base: 'orders', template: '{major}-{base}' }]).visibilityFilter(),
    ).toBeUndefined();
    expect(
      new ServedQueues([{ base: 'orders', template: 'q"{base}-{major}' }]).visibilityFilter(),
    ).toBeUndefined();
  });
});

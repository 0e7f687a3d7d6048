import { describe, expect, it } from 'vitest';
import {
  chooseTaskQueue,
  formatRoutingFile,
  formatRoutingWeights,
  parseRoutingFile,
  parseRoutingWeights,
  RoutingError,
  routingPoint,
  singleRoute,
} from '../../src/starter/routing.js';

const table = {
  routes: [
    { taskQueue: 'order-task-queue-v1', weight: 90 },
    { taskQueue: 'order-task-queue-v2', weight: 10 },
  ],
};

describe('routing', () => {
  it('parses the agreed file format and writes it back unchanged', () => {
    const text =
      '{"routes":[{"taskQueue":"order-task-queue-v1","weight":90},{"taskQueue":"order-task-queue-v2","weight":10}]}';
    expect(parseRoutingFile(text)).toEqual(table);
    expect(parseRoutingFile(formatRoutingFile(table))).toEqual(table);
    expect(parseRoutingWeights(formatRoutingWeights(table))).toEqual(table);
    expect(formatRoutingWeights(table)).toBe('order-task-queue-v1=90,order-task-queue-v2=10');
  });

  it.each([
    ['not json', 'ROUTING_FILE: is not JSON'],
    ['{"routes":[]}', 'needs at least one route'],
    ['{"routes":[{"taskQueue":"a","weight":0}]}', 'all weights are 0'],
    ['{"routes":[{"taskQueue":"a","weight":1.5}]}', 'routes[0].weight must be an integer ≥ 0, got 1.5'],
    ['{"routes":[{"taskQueue":"a","weight":-1}]}', 'routes[0].weight must be an integer ≥ 0'],
    ['{"routes":[{"taskQueue":"","weight":1}]}', 'routes[0].taskQueue must be a task queue name'],
    ['{"routes":[{"taskQueue":"a","weight":1},{"taskQueue":"a","weight":2}]}', 'listed twice'],
    ['[1]', 'expected {"routes"'],
  ])('rejects %s', (text, message) => {
    expect(() => parseRoutingFile(text)).toThrow(RoutingError);
    expect(() => parseRoutingFile(text)).toThrow(message);
  });

  it('rejects malformed ROUTING_WEIGHTS entries', () => {
    expect(() => parseRoutingWeights('q1')).toThrow(
      'ROUTING_WEIGHTS: entry 1 "q1" must look like <taskQueue>=<weight>',
    );
    expect(() => parseRoutingWeights('q1=ten')).toThrow('routes[0].weight');
  });

  it('splits the unit line by weight and never picks a zero-weight route', () => {
    expect(chooseTaskQueue(table, 0)).toBe('order-task-queue-v1');
    expect(chooseTaskQueue(table, 0.8999)).toBe('order-task-queue-v1');
    expect(chooseTaskQueue(table, 0.9)).toBe('order-task-queue-v2');
    expect(chooseTaskQueue(table, 0.999999)).toBe('order-task-queue-v2');
    const withZero = {
      routes: [
        { taskQueue: 'a', weight: 0 },
        { taskQueue: 'b', weight: 3 },
      ],
    };
    for (const u of [0, 0.5, 1]) expect(chooseTaskQueue(withZero, u)).toBe('b');
    expect(chooseTaskQueue(singleRoute('only'), 0.7)).toBe('only');
  });

  it('routes the same order id to the same queue and spreads many ids by the weights', () => {
    expect(routingPoint('order-42')).toBe(routingPoint('order-42'));
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const q = chooseTaskQueue(table, routingPoint(`order-${i}`));
      counts.set(q, (counts.get(q) ?? 0) + 1);
    }
    const v2 = counts.get('order-task-queue-v2') ?? 0;
    expect(v2).toBeGreaterThan(850);
    expect(v2).toBeLessThan(1150);
  });
});

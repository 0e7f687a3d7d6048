import { describe, expect, it } from 'vitest';
import { controllersOf, handoverAdvice, POLLER_FRESH_MS } from './handover.js';

describe('controllersOf', () => {
  const now = 1_000_000_000;
  it('counts recent pollers other than the job itself', () => {
    const pollers = [
      { identity: 'job@runner', lastAccessMs: now - 1_000 },
      { identity: 'controller@pod-a', lastAccessMs: now - 30_000 },
      { identity: 'gone@pod-b', lastAccessMs: now - POLLER_FRESH_MS - 1 },
      { identity: 'unknown@pod-c', lastAccessMs: undefined },
    ];
    expect(controllersOf(pollers, new Set(['job@runner']), now).map((p) => p.identity)).toEqual([
      'controller@pod-a',
    ]);
  });
  it('finds none when only the job polls', () => {
    expect(controllersOf([{ identity: 'job', lastAccessMs: now }], new Set(['job']), now)).toEqual([]);
  });
});

describe('handoverAdvice', () => {
  const how = { namespace: 'orders', config: 'rollout.yaml' };
  it('names the controller when there is one', () => {
    const advice = handoverAdvice(
      'rollout/order-worker',
      'temporal-rollout',
      [{ identity: '1@pod', lastAccessMs: 0 }],
      how,
    );
    expect(advice).toEqual({
      handedOver: true,
      message:
        'rollout/order-worker continues on the controller polling temporal-rollout (1@pod); no job needs to stay attached',
    });
  });
  it('says exactly what to run when there is none', () => {
    const advice = handoverAdvice('rollout/order-worker', 'temporal-rollout', [], how);
    expect(advice.handedOver).toBe(false);
    expect(advice.message).toContain(
      '`temporal-rollout controller --config rollout.yaml --namespace orders --task-queue temporal-rollout`',
    );
  });
});

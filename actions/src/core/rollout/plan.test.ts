import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { nextStep, planCanary, planPromote, planRollback, weightOfStep } from './plan.js';
import { emptyState, type ReleaseSpec, type RolloutState } from './state.js';

const release = (version: string, major = version.slice(1, 2)): ReleaseSpec => ({
  version,
  buildId: version.slice(1),
  image: `registry/app@sha256:${version}`,
  orderQueue: `order-task-queue-v${major}`,
  paymentQueue: `payment-task-queue-v${major}`,
});

function stableAt(version: string, extra: Partial<RolloutState> = {}): RolloutState {
  const stable = release(version);
  return { ...emptyState('order-worker', 'task-queue'), stable, deployed: [stable], ...extra };
}

const steps = [
  { weight: 10, pauseMs: 0 },
  { weight: 50, pauseMs: 0 },
  { weight: 100, pauseMs: 0 },
];

describe('planCanary', () => {
  it('installs the first release as stable', () => {
    expect(planCanary(emptyState('a', 'task-queue'), release('v1.0.0'), 10)).toMatchObject({
      kind: 'install',
    });
  });

  it('deploys a new version beside stable, then re-weights it, and a repeat is a no-op', () => {
    const state = stableAt('v1.0.0');
    expect(planCanary(state, release('v2.0.0'), 10)).toEqual({
      kind: 'deploy',
      release: release('v2.0.0'),
      weight: 10,
    });
    const running: RolloutState = { ...state, phase: 'canary', canary: { ...release('v2.0.0'), weight: 10 } };
    expect(planCanary(running, release('v2.0.0'), 50)).toMatchObject({
      kind: 'reweight',
      from: 10,
      weight: 50,
    });
    expect(planCanary(running, release('v2.0.0'), 10)).toMatchObject({ kind: 'noop' });
  });

  it('is a no-op for the version that is already stable', () => {
    expect(planCanary(stableAt('v1.0.0'), release('v1.0.0'), 10)).toMatchObject({ kind: 'noop' });
  });

  it('refuses a second canary, a changed canary, a bad weight and a draining rollout', () => {
    const running: RolloutState = {
      ...stableAt('v1.0.0'),
      phase: 'canary',
      canary: { ...release('v2.0.0'), weight: 10 },
    };
    expect(() => planCanary(running, release('v3.0.0'), 10)).toThrow(/canary v2.0.0 is still running/);
    expect(() => planCanary(running, { ...release('v2.0.0'), image: 'other' }, 10)).toThrow(InputError);
    expect(() => planCanary(stableAt('v1.0.0'), release('v2.0.0'), 0)).toThrow(/weight/);
    expect(() => planCanary(stableAt('v1.0.0'), release('v2.0.0'), 101)).toThrow(/weight/);
    expect(() => planCanary({ ...running, phase: 'promoting' }, release('v3.0.0'), 10)).toThrow(
      /re-run promote/,
    );
    expect(() => planCanary(stableAt('v1.0.0'), { ...release('v1.0.0'), image: 'x' }, 10)).toThrow(
      /already stable/,
    );
  });
});

describe('planPromote', () => {
  const running: RolloutState = {
    ...stableAt('v1.0.0'),
    phase: 'canary',
    canary: { ...release('v2.0.0'), weight: 50 },
  };

  it('promotes the canary, and resumes an interrupted promotion', () => {
    expect(planPromote(running, 'v2.0.0')).toEqual({
      kind: 'promote',
      canary: release('v2.0.0'),
      stable: release('v1.0.0'),
      resume: false,
    });
    expect(planPromote({ ...running, phase: 'promoting' }, undefined)).toMatchObject({ resume: true });
  });

  it('refuses a promotion with no canary, and a re-run after promotion is a no-op', () => {
    expect(() => planPromote(stableAt('v1.0.0'), undefined)).toThrow(/no canary to promote/);
    expect(() => planPromote(stableAt('v1.0.0'), 'v2.0.0')).toThrow(/no canary to promote/);
    expect(planPromote(stableAt('v2.0.0'), 'v2.0.0')).toMatchObject({ kind: 'noop' });
  });

  it('refuses another version than the canary, and a canary being rolled back', () => {
    expect(() => planPromote(running, 'v3.0.0')).toThrow(/the canary is v2.0.0/);
    expect(() => planPromote({ ...running, phase: 'rolling-back' }, 'v2.0.0')).toThrow(/rolled back/);
  });
});

describe('planRollback', () => {
  const running: RolloutState = {
    ...stableAt('v1.0.0'),
    phase: 'canary',
    canary: { ...release('v2.0.0'), weight: 10 },
  };

  it('aborts the canary (to stable, named or not) and resumes an interrupted abort', () => {
    expect(planRollback(running, undefined)).toMatchObject({ kind: 'abort-canary', resume: false });
    expect(planRollback(running, 'v1.0.0')).toMatchObject({ kind: 'abort-canary' });
    expect(planRollback({ ...running, phase: 'rolling-back' }, undefined)).toMatchObject({ resume: true });
  });

  it('is a no-op with no canary and no target, or when the target is stable', () => {
    expect(planRollback(stableAt('v1.0.0'), undefined)).toMatchObject({ kind: 'noop' });
    expect(planRollback(stableAt('v1.0.0'), 'v1.0.0')).toMatchObject({ kind: 'noop' });
  });

  it('restores a version that was deployed before', () => {
    const state = { ...stableAt('v2.0.0'), deployed: [release('v1.0.0'), release('v2.0.0')] };
    expect(planRollback(state, 'v1.0.0')).toEqual({
      kind: 'restore',
      target: release('v1.0.0'),
      current: release('v2.0.0'),
      resume: false,
    });
  });

  it('continues a restore that waits for the old release to drain when the same rollback runs again', () => {
    const waiting: RolloutState = {
      ...stableAt('v2.0.0'),
      deployed: [release('v1.0.0'), release('v2.0.0')],
      phase: 'promoting',
      promotion: 'restore',
      canary: { ...release('v1.0.0'), weight: 100 },
    };
    expect(planRollback(waiting, 'v1.0.0')).toEqual({
      kind: 'restore',
      target: release('v1.0.0'),
      current: release('v2.0.0'),
      resume: true,
    });
    // Anything else is refused with the command that continues it; promote does not hijack it either.
    expect(() => planRollback(waiting, undefined)).toThrow(/re-run rollback --to v1.0.0 to continue/);
    expect(() => planRollback(waiting, 'v2.0.0')).toThrow(/v2.0.0 cannot be restored now/);
    expect(() => planPromote(waiting, 'v1.0.0')).toThrow(/re-run rollback --to v1.0.0 to continue/);
    // A promotion (no `promotion` recorded, as states written before it existed) is not a restore.
    const { promotion: _p, ...promoting } = waiting;
    expect(planPromote(promoting, 'v1.0.0')).toMatchObject({ kind: 'promote', resume: true });
  });

  it('refuses a version never deployed, a target other than stable while a canary runs, and a promoting canary', () => {
    expect(() => planRollback(stableAt('v2.0.0'), 'v1.5.0')).toThrow(
      /v1.5.0 was never deployed here \(deployed: v2.0.0\)/,
    );
    expect(() => planRollback(running, 'v0.9.0')).toThrow(/not v0.9.0/);
    expect(() => planRollback({ ...running, phase: 'promoting' }, undefined)).toThrow(/re-run promote/);
    expect(() => planRollback(emptyState('a', 'task-queue'), 'v1.0.0')).toThrow(/nothing is deployed/);
  });
});

describe('ramp steps', () => {
  it('finds the weight of a step and the step after a weight', () => {
    expect(weightOfStep(steps, 2)).toBe(50);
    expect(() => weightOfStep(steps, 4)).toThrow(/pick 1..3/);
    expect(nextStep(steps, 10)?.weight).toBe(50);
    expect(nextStep(steps, 100)).toBeUndefined();
  });
});

describe('versions with and without a leading v (issue 16 item 2)', () => {
  it('restores 1.0.0 when asked for v1.0.0, and the reverse', () => {
    const older = release('v1.0.0');
    const state: RolloutState = { ...stableAt('v2.0.0'), deployed: [{ ...older, version: '1.0.0' }] };
    expect(planRollback(state, 'v1.0.0')).toMatchObject({ kind: 'restore' });
    const written = { ...stableAt('v2.0.0'), deployed: [older] };
    expect(planRollback(written, '1.0.0')).toMatchObject({ kind: 'restore' });
  });

  it('promotes canary 2.0.0 when asked for v2.0.0, and knows v1.0.0 is stable 1.0.0', () => {
    const running: RolloutState = {
      ...stableAt('v1.0.0'),
      phase: 'canary',
      canary: { ...release('v2.0.0'), version: '2.0.0', weight: 10 },
    };
    expect(planPromote(running, 'v2.0.0')).toMatchObject({ kind: 'promote' });
    expect(planCanary(stableAt('v1.0.0'), { ...release('v1.0.0'), version: '1.0.0' }, 10)).toMatchObject({
      kind: 'noop',
    });
  });

  it('refuses a canary with build metadata beside its stable version (issue 16 item 1)', () => {
    expect(() => planCanary(stableAt('v1.2.3'), release('v1.2.3+build.5'), 10)).toThrow(/build metadata/);
  });
});

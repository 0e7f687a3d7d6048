import { describe, expect, it } from 'vitest';
import type { OutcomeResult, ReleaseOutcome } from './api.js';
import { outcomeMessage } from './attach.js';
import { jobEndOf } from './attach-verdict.js';

const outcome = (result: OutcomeResult, reasons: string[] = ['why']): ReleaseOutcome => ({
  operation: 'release',
  version: '2.0.0',
  result,
  reasons,
  at: '2026-11-30T00:00:00.000Z',
});

describe('how a job attached to a release ends (the CLI and the action share it)', () => {
  it('shipped releases succeed quietly; rolled back, aborted and failed ones fail with exit 1', () => {
    for (const result of ['installed', 'promoted', 'unchanged', 'restored'] as const) {
      expect(jobEndOf({ kind: 'outcome', outcome: outcome(result) })).toEqual({ exitCode: 0, level: 'info' });
    }
    for (const result of ['rolled-back', 'aborted', 'failed'] as const) {
      expect(jobEndOf({ kind: 'outcome', outcome: outcome(result) })).toEqual({
        exitCode: 1,
        level: 'error',
      });
    }
  });

  it('a superseded release succeeds with a warning that it was not shipped', () => {
    expect(jobEndOf({ kind: 'outcome', outcome: outcome('superseded') })).toEqual({
      exitCode: 0,
      level: 'warning',
    });
    const message = outcomeMessage('2.0.0', outcome('superseded', ['superseded by 3.0.0']));
    expect(message).toMatch(/^2\.0\.0 was not shipped: superseded by 3\.0\.0, which goes on in its place/);
    expect(message).toMatch(/Do not re-run this job to ship 2\.0\.0/);
    expect(outcomeMessage('2.0.0', outcome('promoted', ['took all new work']))).toBe(
      '2.0.0: promoted — took all new work',
    );
  });

  it('leaving a drain to a controller succeeds with a notice; left alone and held fail with 3 and 5', () => {
    expect(jobEndOf({ kind: 'handed-over', to: ['controller-1'] })).toEqual({ exitCode: 0, level: 'notice' });
    expect(jobEndOf({ kind: 'left-alone' })).toEqual({ exitCode: 3, level: 'error' });
    expect(jobEndOf({ kind: 'held', reasons: ['inconclusive'] })).toEqual({ exitCode: 5, level: 'error' });
  });
});

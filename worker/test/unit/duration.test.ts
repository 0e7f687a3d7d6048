import { describe, expect, it } from 'vitest';
import { readDuration, unitFix } from '../../src/duration.js';

describe('the duration grammar (shared by the toolkit and the worker)', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1m30s', 90_000],
    ['1h 30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['30 s', 30_000],
    [' 2s ', 2_000],
    ['0', 0],
    [0, 0],
  ])('%j is %d ms', (value, ms) => {
    expect(readDuration(value)).toEqual({ ms });
  });

  it('refuses a bare number other than 0, as written or from YAML, keeping the amount for the fix', () => {
    expect(readDuration('300')).toEqual({ problem: 'no-unit', amount: '300' });
    expect(readDuration(300)).toEqual({ problem: 'no-unit', amount: '300' });
    expect(readDuration('1.5')).toEqual({ problem: 'no-unit', amount: '1.5' });
  });

  it.each(['soon', '', '5x', 's', '-5s', '1m30', '5 m s', 'ms5'])('refuses %j', (value) => {
    expect(readDuration(value)).toEqual({ problem: 'not-a-duration' });
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY, true, null, undefined, { s: 5 }])(
    'refuses %j',
    (value) => {
      expect(readDuration(value)).toEqual({ problem: 'not-a-duration' });
    },
  );

  it('the fix keeps what a bare number meant where it had a meaning', () => {
    expect(unitFix('300', 's')).toBe(
      'write 300s: a bare number here used to mean seconds, and durations now always carry a unit',
    );
    expect(unitFix('500', 'ms')).toMatch(/^write 500ms: a bare number here used to mean milliseconds/);
    expect(unitFix('300')).toBe('give it a unit: 300s for seconds, 300ms for milliseconds');
  });
});

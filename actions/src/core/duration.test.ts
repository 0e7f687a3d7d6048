import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';
import { InputError } from './errors.js';

describe('parseDuration', () => {
  it('reads the one grammar: compound parts and days too', () => {
    expect(parseDuration('1m30s', '--drain-timeout')).toBe(90_000);
    expect(parseDuration('2d', '--max-wait')).toBe(172_800_000);
    expect(parseDuration(0, 'rollout.yaml: strategy.steps[0].pause', 's')).toBe(0);
  });

  it('names the input and the fix for text that is no duration', () => {
    expect(() => parseDuration('soon', '--timeout')).toThrowError(
      new InputError('--timeout', '"soon" is not a duration', 'write it like 500ms, 30s, 5m, 1h or 1m30s'),
    );
  });

  it('refuses a bare number with the fix that keeps its former meaning', () => {
    expect(() => parseDuration(300, 'rollout.yaml: strategy.steps[0].pause', 's')).toThrowError(
      'rollout.yaml: strategy.steps[0].pause: 300 has no unit — write 300s: a bare number here used to mean seconds, and durations now always carry a unit',
    );
    expect(() => parseDuration('30', 'input "gate-timeout"')).toThrowError(
      'input "gate-timeout": 30 has no unit — give it a unit: 30s for seconds, 30ms for milliseconds',
    );
  });
});

describe('formatDuration', () => {
  it('writes the largest whole unit', () => {
    expect([
      formatDuration(7_200_000),
      formatDuration(120_000),
      formatDuration(5_000),
      formatDuration(1_500),
    ]).toEqual(['2h', '2m', '5s', '1500ms']);
  });
});

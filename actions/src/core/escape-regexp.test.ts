import { describe, expect, it } from 'vitest';
import { escapeRegExp } from './escape-regexp.js';

describe('escapeRegExp', () => {
  it('escapes every character a pattern gives a meaning to, and leaves the rest', () => {
    // `$` kept away from `{`: together they read as a template placeholder to the linter.
    for (const special of '.*+?^{}()|[]$\\') expect(escapeRegExp(special)).toBe(`\\${special}`);
    expect(escapeRegExp('a.b*c')).toBe('a\\.b\\*c');
    expect(escapeRegExp('order-task-queue_v2 /x')).toBe('order-task-queue_v2 /x');
  });

  it('makes a pattern that matches the text itself and nothing it would otherwise stand for', () => {
    const text = 'order.worker+(v1)|[a-z]*$';
    const exact = new RegExp(`^${escapeRegExp(text)}$`);
    expect(exact.test(text)).toBe(true);
    expect(exact.test('orderXworker+(v1)|[a-z]*$')).toBe(false);
    expect(exact.test('order.workerr(v1)')).toBe(false);
  });
});

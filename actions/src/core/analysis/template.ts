import { escapeRegExp } from '../escape-regexp.js';
import { promDuration } from './duration.js';
import type { SelectorSpec } from './spec.js';

export type Side = 'canary' | 'baseline';

/**
 * Label matchers for one side, e.g. `task_queue="order-task-queue-v2", namespace="default"`. A comma-separated
 * value matches any of its parts (a worker process polls an order and a payment queue):
 * `task_queue=~"order-task-queue-v2|payment-task-queue-v2"`.
 */
export function sideMatchers(selector: SelectorSpec, side: Side): string {
  const value = selector[side];
  if (value === undefined) throw new Error(`no ${side} value for selector label ${selector.label}`);
  const parts = selectorValues(value);
  const own = labelMatcher(selector.label, parts.length > 0 ? parts : [value]);
  return selector.matchers ? `${own}, ${selector.matchers}` : own;
}

/** The parts of a comma-separated selector value (`order-task-queue-v2, payment-task-queue-v2`). */
export function selectorValues(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** `label="v"` for one value, `label=~"v1|v2"` for several; values escaped for a PromQL string and regex. */
export function labelMatcher(label: string, values: string[]): string {
  return values.length > 1
    ? `${label}=~"${escapeLabelValue(values.map(escapeRegExp).join('|'))}"`
    : `${label}="${escapeLabelValue(values[0] ?? '')}"`;
}

/** Fills `{{selector}}` and `{{window}}` in a check's PromQL template. */
export function renderQuery(template: string, matchers: string, windowMs: number): string {
  return template.replaceAll('{{selector}}', matchers).replaceAll('{{window}}', promDuration(windowMs));
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

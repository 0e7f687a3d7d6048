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
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const own =
    parts.length > 1
      ? `${selector.label}=~"${escapeLabelValue(parts.map(escapeRegex).join('|'))}"`
      : `${selector.label}="${escapeLabelValue(parts[0] ?? value)}"`;
  return selector.matchers ? `${own}, ${selector.matchers}` : own;
}

/** Fills `{{selector}}` and `{{window}}` in a check's PromQL template. */
export function renderQuery(template: string, matchers: string, windowMs: number): string {
  return template.replaceAll('{{selector}}', matchers).replaceAll('{{window}}', promDuration(windowMs));
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

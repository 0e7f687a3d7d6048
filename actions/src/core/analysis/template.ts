import { promDuration } from './duration.js';
import type { SelectorSpec } from './spec.js';

export type Side = 'canary' | 'baseline';

/** Label matchers for one side, e.g. `task_queue="order-task-queue-v2", namespace="default"`. */
export function sideMatchers(selector: SelectorSpec, side: Side): string {
  const value = selector[side];
  if (value === undefined) throw new Error(`no ${side} value for selector label ${selector.label}`);
  const own = `${selector.label}="${escapeLabelValue(value)}"`;
  return selector.matchers ? `${own}, ${selector.matchers}` : own;
}

/** Fills `{{selector}}` and `{{window}}` in a check's PromQL template. */
export function renderQuery(template: string, matchers: string, windowMs: number): string {
  return template.replaceAll('{{selector}}', matchers).replaceAll('{{window}}', promDuration(windowMs));
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

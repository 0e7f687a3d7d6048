// How a rollout step's result reads, for the job summary's table and the terminal alike.
import { describeDrain } from '../core/rollout/drain.js';
import { formatRoutes, type RoutingTable } from '../core/rollout/routing.js';
import type { BuildResult } from '../steps/build.js';
import type { StepResult } from '../steps/rollout.js';

export function canaryText(canary: { version: string; weight: number } | undefined): string {
  return canary ? `${canary.version} at ${canary.weight}%` : 'none';
}

export function versioningText(v: { current?: string; ramping?: string; percent: number }): string {
  return `current ${v.current ?? 'unversioned'}${v.ramping ? `, ramping ${v.ramping} at ${v.percent}%` : ''}`;
}

/** Where new work goes: the rows both a step result and the rollout workflow's status show. */
export function routingRows(view: {
  routing?: RoutingTable;
  versioning?: { current?: string; ramping?: string; percent: number };
}): [string, string][] {
  const rows: [string, string][] = [];
  if (view.routing) rows.push(['routing', formatRoutes(view.routing)]);
  if (view.versioning) rows.push(['versioning', versioningText(view.versioning)]);
  return rows;
}

/** A step result as [what, value] rows. */
export function resultRows(result: StepResult): [string, string][] {
  const rows: [string, string][] = [
    ['strategy', result.strategy],
    ['stable', result.stable ?? 'none'],
    ['canary', canaryText(result.canary)],
    ['phase', result.phase],
  ];
  if (result.queue) rows.push(['queue', `${result.queue.orderQueue} — ${result.queue.rule}`]);
  rows.push(...routingRows(result));
  if (result.gate) {
    rows.push([
      'gate',
      `${result.gate.completed}/${result.gate.started} completed in ${result.gate.durationMs} ms`,
    ]);
  }
  if (result.drain) rows.push(['drain', describeDrain(result.drain)]);
  return rows;
}

/** The headline: `canary: done — …`. */
export function resultHeadline(result: StepResult): string {
  return `${result.step}: ${result.outcome} — ${result.message}`;
}

/** The terminal's summary of a step result. */
export function formatResult(result: StepResult): string {
  return [
    resultHeadline(result),
    ...resultRows(result).map(([what, value]) => `  ${what}: ${value}`),
    ...result.actions.map((action) => `  - ${action}`),
  ].join('\n');
}

/** The build's first line: built (and pushed) or found in the registry. */
export function buildHeadline(result: BuildResult): string {
  return result.reused
    ? `${result.image}: commit ${result.commit.slice(0, 7)} is already in the registry, not rebuilt`
    : `${result.image}: built with ${result.builder} (${result.builderReason})${result.pushed ? ' and pushed' : ', not pushed'}`;
}

/** A build result as [what, value] rows, for the job summary's table and the terminal alike. */
export function buildRows(result: BuildResult): [string, string][] {
  return [
    ['version', result.version],
    ['tags', result.tags.join(', ')],
    ['digest', result.digest ?? '(not pushed)'],
    ['image-ref', result.imageRef ?? '(not pushed)'],
    ['task queue', result.taskQueue ?? '(no release version yet)'],
    ['commit', result.commit],
    ['created', `${result.created} (commit time)`],
    ['builder', `${result.builder} (${result.builderReason})`],
  ];
}

// What the canary, promote, rollback, release, controller, status and send commands share: the rollout option
// table as flags, its help, and how a result prints.

import { formatResult } from '../options/render.js';
import { ROLLOUT_HELP_FOOTER, ROLLOUT_OPTIONS, rolloutSetup } from '../options/rollout.js';
import { helpLines, type OptionTable, type OptionValues } from '../options/table.js';
import type { StepResult } from '../steps/rollout.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import type { Routed } from '../steps/rollout-route.js';

/** A rollout command's options: its own, then the shared ones. */
export function rolloutTable(own: OptionTable = []): OptionTable {
  return [...own, ...ROLLOUT_OPTIONS];
}

/** `usage` (the command's own prose), its own options' lines, then the shared options and the footer. */
export function rolloutHelp(usage: string, own: OptionTable = [], extra = ''): string {
  return [usage, own.length > 0 ? helpLines(own) : '', extra, helpLines(ROLLOUT_OPTIONS), ROLLOUT_HELP_FOOTER]
    .filter(Boolean)
    .join('\n');
}

/** The shared options from flags, every one checked before anything loads or connects; secrets from the env. */
export async function rolloutOptions(values: OptionValues): Promise<OpenRolloutOptions> {
  const apiKey = process.env.TEMPORAL_API_KEY?.trim() || undefined;
  const { options, overrides } = await rolloutSetup(values, {
    ...(apiKey ? { apiKey } : {}),
    log: (line) => console.error(`  … ${line}`),
  });
  return overrides.deployer ? { ...options, deployer: overrides.deployer } : options;
}

export function exitCode(result: StepResult): number {
  return result.outcome === 'waiting' ? 3 : 0;
}

/** Prints a step's result, or the rollout workflow's answer when the request went to it; returns the exit code. */
export function printRouted(routed: Routed, app: string, json: boolean): number {
  if (routed.via === 'step') {
    console.log(json ? JSON.stringify(routed.result, null, 2) : formatResult(routed.result));
    return exitCode(routed.result);
  }
  const { answer } = routed;
  console.log(
    json
      ? JSON.stringify(routed, null, 2)
      : `rollout/${app} accepted: ${answer.message} (phase ${answer.phase}${answer.version ? `, ${answer.version}` : ''}); the workflow carries it out and its \`status\` Query shows how far it got`,
  );
  return 0;
}

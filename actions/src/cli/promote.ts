import { parseArgs } from 'node:util';
import { runRolloutStep } from '../adapters/step-loader.js';
import { parseReleaseVersion } from '../core/inputs.js';
import { COMMON_HELP, COMMON_OPTIONS, exitCode, formatResult, rolloutOptions } from './rollout-options.js';

export const summary = 'send all new work to the canary, drain the old release, make the canary stable';

const HELP = `usage: temporal-rollout promote [--version V] [options]
  --version V               the canary version you expect to promote (refused if another runs)${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, version: { type: 'string' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const version = values.version === undefined ? undefined : parseReleaseVersion(values.version, '--version');
  const options = await rolloutOptions(values);
  const { promote } = await import('../steps/promote.js');
  const result = await runRolloutStep(options, (ctx) => promote(ctx, version ? { version } : {}));
  console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result));
  return exitCode(result);
}

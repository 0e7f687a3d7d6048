import { parseArgs } from 'node:util';
import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { parseReleaseVersion } from '../core/inputs.js';
import { COMMON_HELP, COMMON_OPTIONS, printRouted, rolloutOptions } from './rollout-options.js';

export const summary = 'send all new work to the canary, drain the old release, make the canary stable';

const HELP = `usage: temporal-rollout promote [--version V] [options]
  --version V               the canary version you expect to promote (refused if another runs)
  While the rollout workflow rollout/<app> runs, this is its \`promote-now\` Update; with none running, the
  promotion runs here.${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, version: { type: 'string' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const version = values.version === undefined ? undefined : parseReleaseVersion(values.version, '--version');
  const options = await rolloutOptions(values);
  const { routePromote } = await loadStep(() => import('../steps/rollout-route.js'));
  const routed = await runRolloutStep(options, (ctx) =>
    routePromote(ctx, options.config, { requestedBy: 'cli', ...(version ? { version } : {}) }),
  );
  return printRouted(routed, options.config.app, values.json);
}

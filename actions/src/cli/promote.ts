import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { PROMOTE_OPTIONS } from '../options/commands.js';
import { versionOf } from '../options/rollout.js';
import { switchOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { printRouted, rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary = 'send all new work to the canary, drain the old release, make the canary stable';

const HELP = rolloutHelp(
  'usage: temporal-rollout promote [--version V] [options]',
  PROMOTE_OPTIONS,
  `  While the rollout workflow rollout/<app> runs, this is its \`promote-now\` Update; with none running, the
  promotion runs here.`,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(PROMOTE_OPTIONS), HELP, async (values) => {
    const version = versionOf(values, 'version');
    const options = await rolloutOptions(values);
    const { routePromote } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routePromote(ctx, options.config, { requestedBy: 'cli', ...(version ? { version } : {}) }),
    );
    return printRouted(routed, options.config.app, switchOf(values, 'json'));
  });
}

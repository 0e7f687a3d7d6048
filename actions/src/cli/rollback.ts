import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { ROLLBACK_OPTIONS } from '../options/commands.js';
import { overridesOf, versionOf } from '../options/rollout.js';
import { switchOf, textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { printRouted, rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary = 'stop and drain the canary, or restore an earlier stable version (--to)';

const HELP = rolloutHelp(
  `usage: temporal-rollout rollback [--to V] [--reason TEXT] [options]
  (no --to)                 automatic rollback: no new work to the canary, drain it per policy, remove it`,
  ROLLBACK_OPTIONS,
  `  While the rollout workflow rollout/<app> runs, this is its \`rollback\` Update (answered at once: accepted,
  or refused with the reason); with none running, the rollback runs here.`,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(ROLLBACK_OPTIONS), HELP, async (values) => {
    const to = versionOf(values, 'to');
    const reason = textOf(values, 'reason');
    const options = await rolloutOptions(values);
    const { drainPolicy } = overridesOf(values);
    const { routeRollback } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routeRollback(ctx, options.config, {
        requestedBy: 'cli',
        ...(to ? { to } : {}),
        ...(reason ? { reason } : {}),
        ...(drainPolicy ? { drainPolicy } : {}),
      }),
    );
    return printRouted(routed, options.config.app, switchOf(values, 'json'));
  });
}

import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { CANARY_OPTIONS, canaryWeightOf, gateOf, replayDeployOf, versionOf } from '../options/rollout.js';
import { switchOf, textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { printRouted, rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary = 'start or ramp a canary release beside stable (the first release becomes stable)';

const HELP = rolloutHelp(
  'usage: temporal-rollout canary --version V [--weight N | --step N] [options]',
  CANARY_OPTIONS,
  `  While the rollout workflow rollout/<app> runs, this hands it the release of V (its \`release\` Update): the
  workflow ramps by rollout.yaml's steps. With none running, the canary is placed here.`,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(CANARY_OPTIONS), HELP, async (values) => {
    const version = versionOf(values, 'version');
    if (!version)
      throw new InputError('version', 'is required', 'pass the release version, e.g. --version v1.4.0');
    const options = await rolloutOptions(values);
    const weight = canaryWeightOf(values, options.config.strategy.steps);
    const gate = gateOf(values);
    const replayDeploy = replayDeployOf(values, 'replay-deploy');
    const image = textOf(values, 'image') ?? options.config.image;
    const { routeCanary } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routeCanary(ctx, options.config, {
        version,
        image,
        weight,
        requestedBy: 'cli',
        ...(gate ? { gate } : {}),
        ...(replayDeploy ? { replayDeploy } : {}),
      }),
    );
    return printRouted(routed, options.config.app, switchOf(values, 'json'));
  });
}

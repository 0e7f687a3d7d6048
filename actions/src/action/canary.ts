import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { CANARY_OPTIONS, canaryWeightOf, gateOf, replayDeployOf, versionOf } from '../options/rollout.js';
import { textOf } from '../options/table.js';
import { requester } from './github-context.js';
import { reportRouted, rolloutInputs, runRolloutAction } from './rollout.js';

/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared rollout inputs. Outputs: see
 * reportResult. Every input is checked before anything connects.
 */
export async function runCanaryAction(): Promise<void> {
  await runRolloutAction(CANARY_OPTIONS, async (values) => {
    const version = versionOf(values, 'version');
    if (!version)
      throw new InputError('version', 'is required', 'pass the release version, e.g. the build step output');
    const { options, github } = await rolloutInputs(values);
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
        requestedBy: requester(),
        ...(gate ? { gate } : {}),
        ...(replayDeploy ? { replayDeploy } : {}),
      }),
    );
    await reportRouted(routed, options.config.app, github);
  });
}

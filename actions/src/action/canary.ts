import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { replayDeployOf } from '../cli/rollout-options.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { parseReleaseVersion } from '../core/inputs.js';
import { weightOfStep } from '../core/rollout/plan.js';
import type { GateSpec } from '../steps/rollout.js';
import { requester } from './github-context.js';
import { integerInput, optionalInput, requiredInput, runAction } from './io.js';
import { reportRouted, rolloutInputs } from './rollout.js';

function gateInputs(): GateSpec | undefined {
  const gateWorkflow = optionalInput('gate-workflow');
  if (!gateWorkflow) return undefined;
  let args: unknown;
  try {
    args = JSON.parse(optionalInput('gate-args') ?? '[]');
  } catch (err) {
    throw new InputError('input "gate-args"', `is not JSON (${(err as Error).message})`, 'pass a JSON array');
  }
  if (!Array.isArray(args))
    throw new InputError('input "gate-args"', 'is not a JSON array', 'pass a JSON array');
  return {
    workflowType: gateWorkflow,
    args,
    count: integerInput('gate-count', 1, { min: 1 }),
    timeoutMs: parseDuration(optionalInput('gate-timeout') ?? '2m', 'input "gate-timeout"'),
  };
}

/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared rollout inputs. Outputs: see
 * reportResult. Every input is checked before anything connects.
 */
export async function runCanaryAction(): Promise<void> {
  await runAction(async () => {
    const version = parseReleaseVersion(
      requiredInput('version', 'pass the release version, e.g. the build step output'),
      'input "version"',
    );
    const { options, github } = await rolloutInputs();
    if (optionalInput('weight') !== undefined && optionalInput('ramp-step') !== undefined) {
      throw new InputError('input "weight"', 'and input "ramp-step" are both set', 'set one of them');
    }
    const weight =
      optionalInput('weight') !== undefined
        ? integerInput('weight', 0, { min: 1, max: 100 })
        : weightOfStep(
            options.config.strategy.steps,
            integerInput('ramp-step', 1, { min: 1 }),
            'input "ramp-step"',
          );
    const gate = gateInputs();
    const replayDeploy = replayDeployOf(optionalInput('replay-deploy'), 'input "replay-deploy"');
    const image = optionalInput('image') ?? options.config.image;
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

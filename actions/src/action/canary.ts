import { replayDeployOf } from '../cli/rollout-options.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { weightOfStep } from '../core/rollout/plan.js';
import type { GateSpec } from '../steps/rollout.js';
import { openRollout } from '../steps/rollout-open.js';
import { routeCanary } from '../steps/rollout-route.js';
import { requester } from './github-context.js';
import { numberInput, optionalInput, requiredInput, runAction } from './io.js';
import { reportRouted, rolloutInputs } from './rollout.js';

/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared
 * rollout inputs. Outputs: see reportResult.
 */
export async function runCanaryAction(): Promise<void> {
  await runAction(async () => {
    const version = requiredInput('version', 'pass the release version, e.g. the build step output');
    const options = await rolloutInputs();
    if (optionalInput('weight') !== undefined && optionalInput('ramp-step') !== undefined) {
      throw new InputError('input "weight"', 'and input "ramp-step" are both set', 'set one of them');
    }
    const weight =
      optionalInput('weight') !== undefined
        ? numberInput('weight', 0, { min: 1, max: 100 })
        : weightOfStep(
            options.config.strategy.steps,
            numberInput('ramp-step', 1, { min: 1 }),
            'input "ramp-step"',
          );
    let gate: GateSpec | undefined;
    const gateWorkflow = optionalInput('gate-workflow');
    if (gateWorkflow) {
      let args: unknown;
      try {
        args = JSON.parse(optionalInput('gate-args') ?? '[]');
      } catch (err) {
        throw new InputError(
          'input "gate-args"',
          `is not JSON (${(err as Error).message})`,
          'pass a JSON array',
        );
      }
      if (!Array.isArray(args)) throw new InputError('input "gate-args"', 'is not a JSON array');
      gate = {
        workflowType: gateWorkflow,
        args,
        count: numberInput('gate-count', 1, { min: 1 }),
        timeoutMs: parseDuration(optionalInput('gate-timeout') ?? '2m', 'input "gate-timeout"'),
      };
    }
    const replayDeploy = replayDeployOf(optionalInput('replay-deploy'), 'input "replay-deploy"');
    const { ctx, close } = await openRollout(options);
    try {
      await reportRouted(
        await routeCanary(ctx, options.config, {
          version,
          image: optionalInput('image') ?? options.config.image,
          weight,
          requestedBy: requester(),
          ...(gate ? { gate } : {}),
          ...(replayDeploy ? { replayDeploy } : {}),
        }),
        options.config.app,
      );
    } finally {
      await close();
    }
  });
}

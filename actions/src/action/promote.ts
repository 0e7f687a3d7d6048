import { runRolloutStep } from '../adapters/step-loader.js';
import { runAction, versionInput } from './io.js';
import { reportResult, rolloutInputs } from './rollout.js';

/** Inputs: version (the canary expected; optional), plus the shared rollout inputs. Outputs: see reportResult. */
export async function runPromoteAction(): Promise<void> {
  await runAction(async () => {
    const version = versionInput('version');
    const { options, github } = await rolloutInputs();
    const { promote } = await import('../steps/promote.js');
    await reportResult(
      await runRolloutStep(options, (ctx) => promote(ctx, version ? { version } : {})),
      github,
    );
  });
}

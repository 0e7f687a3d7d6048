import { promote } from '../steps/promote.js';
import { openRollout } from '../steps/rollout-open.js';
import { optionalInput, runAction } from './io.js';
import { reportResult, rolloutInputs } from './rollout.js';

/** Inputs: version (the canary expected; optional), plus the shared rollout inputs. Outputs: see reportResult. */
export async function runPromoteAction(): Promise<void> {
  await runAction(async () => {
    const version = optionalInput('version');
    const { ctx, close } = await openRollout(await rolloutInputs());
    try {
      await reportResult(await promote(ctx, version ? { version } : {}));
    } finally {
      await close();
    }
  });
}

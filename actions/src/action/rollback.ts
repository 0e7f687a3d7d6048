import { rollback } from '../steps/rollback.js';
import { withRollout } from '../steps/rollout-open.js';
import { githubFromInputs } from './github-context.js';
import { optionalInput, runAction, versionInput } from './io.js';
import { reportResult, rolloutInputs } from './rollout.js';

/**
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. Outputs: see reportResult.
 */
export async function runRollbackAction(): Promise<void> {
  await runAction(async () => {
    const to = versionInput('to');
    const reason = optionalInput('reason');
    const options = await rolloutInputs();
    const github = githubFromInputs();
    const result = await withRollout(options, (ctx) =>
      rollback(ctx, { ...(to ? { to } : {}), ...(reason ? { reason } : {}) }),
    );
    await reportResult(result, github);
  });
}

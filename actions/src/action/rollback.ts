import { runRolloutStep } from '../adapters/step-loader.js';
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
    const { options, github } = await rolloutInputs();
    const { rollback } = await import('../steps/rollback.js');
    const result = await runRolloutStep(options, (ctx) =>
      rollback(ctx, { ...(to ? { to } : {}), ...(reason ? { reason } : {}) }),
    );
    await reportResult(result, github);
  });
}

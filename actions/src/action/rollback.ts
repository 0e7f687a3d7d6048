import { rollback } from '../steps/rollback.js';
import { openRollout } from '../steps/rollout-open.js';
import { optionalInput, runAction } from './io.js';
import { reportResult, rolloutInputs } from './rollout.js';

/**
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. Outputs: see reportResult.
 */
export async function runRollbackAction(): Promise<void> {
  await runAction(async () => {
    const to = optionalInput('to');
    const reason = optionalInput('reason');
    const { ctx, close } = await openRollout(await rolloutInputs());
    try {
      await reportResult(await rollback(ctx, { ...(to ? { to } : {}), ...(reason ? { reason } : {}) }));
    } finally {
      await close();
    }
  });
}

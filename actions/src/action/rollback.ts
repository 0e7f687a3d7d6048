import { openRollout } from '../steps/rollout-open.js';
import { routeRollback } from '../steps/rollout-route.js';
import { requester } from './github-context.js';
import { optionalInput, runAction } from './io.js';
import { reportRouted, rolloutInputs } from './rollout.js';

/**
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. While the rollout workflow runs, the request is its `rollback` Update
 * (accepted or refused at once); otherwise the rollback runs here. Outputs: see reportResult / reportRouted.
 */
export async function runRollbackAction(): Promise<void> {
  await runAction(async () => {
    const to = optionalInput('to');
    const reason = optionalInput('reason');
    const options = await rolloutInputs();
    const { ctx, close } = await openRollout(options);
    try {
      const routed = await routeRollback(ctx, options.config, {
        requestedBy: requester(),
        ...(to ? { to } : {}),
        ...(reason ? { reason } : {}),
        ...(options.drain?.policy ? { drainPolicy: options.drain.policy } : {}),
      });
      await reportRouted(routed, options.config.app);
    } finally {
      await close();
    }
  });
}

import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { requester } from './github-context.js';
import { optionalInput, runAction, versionInput } from './io.js';
import { reportRouted, rolloutInputs } from './rollout.js';

/**
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. While the rollout workflow runs, the request is its `rollback` Update
 * (accepted or refused at once); otherwise the rollback runs here. Outputs: see reportResult / reportRouted.
 */
export async function runRollbackAction(): Promise<void> {
  await runAction(async () => {
    const to = versionInput('to');
    const reason = optionalInput('reason');
    const { options, github } = await rolloutInputs();
    const { routeRollback } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routeRollback(ctx, options.config, {
        requestedBy: requester(),
        ...(to ? { to } : {}),
        ...(reason ? { reason } : {}),
        ...(options.drain?.policy ? { drainPolicy: options.drain.policy } : {}),
      }),
    );
    await reportRouted(routed, options.config.app, github);
  });
}

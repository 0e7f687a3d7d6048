import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { ROLLBACK_OPTIONS } from '../options/commands.js';
import { versionOf } from '../options/rollout.js';
import { textOf } from '../options/table.js';
import { requester } from './github-context.js';
import { reportRouted, rolloutInputs, runRolloutAction } from './rollout.js';

/**
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. While the rollout workflow runs, the request is its `rollback` Update
 * (accepted or refused at once); otherwise the rollback runs here. Outputs: see reportResult / reportRouted.
 */
export async function runRollbackAction(): Promise<void> {
  await runRolloutAction(ROLLBACK_OPTIONS, async (values) => {
    const to = versionOf(values, 'to');
    const reason = textOf(values, 'reason');
    const { options, overrides, github } = await rolloutInputs(values);
    const { routeRollback } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routeRollback(ctx, options.config, {
        requestedBy: requester(),
        ...(to ? { to } : {}),
        ...(reason ? { reason } : {}),
        ...(overrides.drainPolicy ? { drainPolicy: overrides.drainPolicy } : {}),
      }),
    );
    await reportRouted(routed, options.config.app, github);
  });
}

import { loadStep, runRolloutStep } from '../adapters/step-loader.js';
import { PROMOTE_OPTIONS } from '../options/commands.js';
import { versionOf } from '../options/rollout.js';
import { requester } from './github-context.js';
import { reportRouted, rolloutInputs, runRolloutAction } from './rollout.js';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */
export async function runPromoteAction(): Promise<void> {
  await runRolloutAction(PROMOTE_OPTIONS, async (values) => {
    const version = versionOf(values, 'version');
    const { options, github } = await rolloutInputs(values);
    const { routePromote } = await loadStep(() => import('../steps/rollout-route.js'));
    const routed = await runRolloutStep(options, (ctx) =>
      routePromote(ctx, options.config, { requestedBy: requester(), ...(version ? { version } : {}) }),
    );
    await reportRouted(routed, options.config.app, github);
  });
}

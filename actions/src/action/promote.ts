import { openRollout } from '../steps/rollout-open.js';
import { routePromote } from '../steps/rollout-route.js';
import { requester } from './github-context.js';
import { optionalInput, runAction } from './io.js';
import { reportRouted, rolloutInputs } from './rollout.js';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */
export async function runPromoteAction(): Promise<void> {
  await runAction(async () => {
    const version = optionalInput('version');
    const options = await rolloutInputs();
    const { ctx, close } = await openRollout(options);
    try {
      await reportRouted(
        await routePromote(ctx, options.config, {
          requestedBy: requester(),
          ...(version ? { version } : {}),
        }),
        options.config.app,
      );
    } finally {
      await close();
    }
  });
}

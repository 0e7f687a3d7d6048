import { promote } from '../steps/promote.js';
import { withRollout } from '../steps/rollout-open.js';
import { githubFromInputs } from './github-context.js';
import { runAction, versionInput } from './io.js';
import { reportResult, rolloutInputs } from './rollout.js';

/** Inputs: version (the canary expected; optional), plus the shared rollout inputs. Outputs: see reportResult. */
export async function runPromoteAction(): Promise<void> {
  await runAction(async () => {
    const version = versionInput('version');
    const options = await rolloutInputs();
    const github = githubFromInputs();
    const result = await withRollout(options, (ctx) => promote(ctx, version ? { version } : {}));
    await reportResult(result, github);
  });
}

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-Ctwrle0E.js';
import { r as requester } from './github-context-CbOeuA3R.js';
import { r as runAction, v as versionInput } from './io-DI8b1qRw.js';
import { r as rolloutInputs, a as reportRouted } from './rollout-BcT-KHUk.js';
import 'node:fs';
import './errors-Bt1yA7Sc.js';
import './core-_FsuVGiA.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './duration-Dk3jDYNs.js';
import './inputs-C-HyzOoH.js';
import './queues-BDWPX1q-.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './rollout-file-Bg_PcTF3.js';
import 'node:fs/promises';
import './drain-Cq-j2CB-.js';
import './rollout-check-CDKwOflw.js';
import './state-dir-DMm1tIQk.js';
import 'node:path';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */ async function runPromoteAction() {
    await runAction(async ()=>{
        const version = versionInput('version');
        const { options, github } = await rolloutInputs();
        const { routePromote } = await loadStep(()=>import('./rollout-route-Uv7V_VVb.js'));
        const routed = await runRolloutStep(options, (ctx)=>routePromote(ctx, options.config, {
                requestedBy: requester(),
                ...version ? {
                    version
                } : {}
            }));
        await reportRouted(routed, options.config.app, github);
    });
}

export { runPromoteAction };

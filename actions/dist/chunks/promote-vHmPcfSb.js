import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-DWX2MNzg.js';
import { P as PROMOTE_OPTIONS } from './commands-m5_B8hq3.js';
import 'node:fs/promises';
import './queues-DAMv0en1.js';
import 'node:fs';
import 'node:path';
import { v as versionOf } from './table-CDAFQDrX.js';
import { r as requester } from './github-context-DESJkch6.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-CJsMlGFb.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './errors-Cq3sNBNk.js';
import './duration-C-1UD4yS.js';
import './io-5huDU9TG.js';
import './core-almxvjU4.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './drain-Cq-j2CB-.js';
import './render-Dl2WZAYd.js';
import './routing-BHPDnfjE.js';
import './rollout-y1Y_R5dO.js';
import './rollout-file-C90hsqUl.js';
import './defaults-Bu9L1tJ8.js';
import './plan-oseB0Rbr.js';
import './state-B6Gq7LCV.js';
import './state-dir-Cs_87Ymx.js';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */ async function runPromoteAction() {
    await runRolloutAction(PROMOTE_OPTIONS, async (values)=>{
        const version = versionOf(values, 'version');
        const { options, github } = await rolloutInputs(values);
        const { routePromote } = await loadStep(()=>import('./rollout-route-CxiWZPdT.js'));
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

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { P as PROMOTE_OPTIONS } from './commands-m5_B8hq3.js';
import 'node:fs/promises';
import './queues-BMU_gztj.js';
import 'node:fs';
import 'node:path';
import { v as versionOf } from './table-BWLE4AEh.js';
import { r as requester } from './github-context-CiTHl149.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-B4FH6zxu.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './errors-Cq3sNBNk.js';
import './duration-C-1UD4yS.js';
import './io-O1zhRcWl.js';
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
import './sleep-DCjOWjxt.js';
import './render-Dl2WZAYd.js';
import './routing-BHPDnfjE.js';
import './rollout-Bx7AR7l9.js';
import './rollout-file-CfWIW6kC.js';
import './defaults-BsVYh3R2.js';
import './plan-DZflFiIU.js';
import './state-CvQhWG_v.js';
import './state-dir-Cs_87Ymx.js';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */ async function runPromoteAction() {
    await runRolloutAction(PROMOTE_OPTIONS, async (values)=>{
        const version = versionOf(values, 'version');
        const { options, github } = await rolloutInputs(values);
        const { routePromote } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
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

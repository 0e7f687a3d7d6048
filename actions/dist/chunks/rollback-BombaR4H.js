import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { R as ROLLBACK_OPTIONS } from './commands-m5_B8hq3.js';
import 'node:fs/promises';
import './queues-BMU_gztj.js';
import 'node:fs';
import 'node:path';
import { v as versionOf, t as textOf } from './table-BWLE4AEh.js';
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
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. While the rollout workflow runs, the request is its `rollback` Update
 * (accepted or refused at once); otherwise the rollback runs here. Outputs: see reportResult / reportRouted.
 */ async function runRollbackAction() {
    await runRolloutAction(ROLLBACK_OPTIONS, async (values)=>{
        const to = versionOf(values, 'to');
        const reason = textOf(values, 'reason');
        const { options, overrides, github } = await rolloutInputs(values);
        const { routeRollback } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeRollback(ctx, options.config, {
                requestedBy: requester(),
                ...to ? {
                    to
                } : {},
                ...reason ? {
                    reason
                } : {},
                ...overrides.drainPolicy ? {
                    drainPolicy: overrides.drainPolicy
                } : {}
            }));
        await reportRouted(routed, options.config.app, github);
    });
}

export { runRollbackAction };

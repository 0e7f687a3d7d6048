import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CzJ_H5Dk.js';
import { P as PROMOTE_OPTIONS } from './commands-CqFBZbcc.js';
import { v as versionOf } from './render-AGjfurjP.js';
import { r as requester } from './github-context-CKICjyAQ.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-BPgHi8Wq.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
import './errors-5XkxSMbp.js';
import './defaults-Bu9L1tJ8.js';
import './duration-D7VXZGjg.js';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './drain-CncI9tNl.js';
import './routing-Bo4ULJZS.js';
import './rollout-overrides-sw-D39nz.js';
import 'node:fs';
import './state-dir-B7GjbeXD.js';
import 'node:path';
import './io-CJZ0Or7t.js';
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

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */ async function runPromoteAction() {
    await runRolloutAction(PROMOTE_OPTIONS, async (values)=>{
        const version = versionOf(values, 'version');
        const { options, github } = await rolloutInputs(values);
        const { routePromote } = await loadStep(()=>import('./rollout-route-ycaCnbg_.js'));
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

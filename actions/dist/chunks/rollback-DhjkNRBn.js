import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CzJ_H5Dk.js';
import { R as ROLLBACK_OPTIONS } from './commands-CqFBZbcc.js';
import { v as versionOf } from './render-AGjfurjP.js';
import { t as textOf } from './table-CAmxcAk9.js';
import { r as requester } from './github-context-CKICjyAQ.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-BPgHi8Wq.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
import './errors-5XkxSMbp.js';
import './defaults-Bu9L1tJ8.js';
import './duration-D7VXZGjg.js';
import './drain-CncI9tNl.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
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
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. While the rollout workflow runs, the request is its `rollback` Update
 * (accepted or refused at once); otherwise the rollback runs here. Outputs: see reportResult / reportRouted.
 */ async function runRollbackAction() {
    await runRolloutAction(ROLLBACK_OPTIONS, async (values)=>{
        const to = versionOf(values, 'to');
        const reason = textOf(values, 'reason');
        const { options, overrides, github } = await rolloutInputs(values);
        const { routeRollback } = await loadStep(()=>import('./rollout-route-ycaCnbg_.js'));
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

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { v as versionOf, c as canaryRequestOf, C as CANARY_OPTIONS } from './render-AGjfurjP.js';
import { r as requester } from './github-context-CKICjyAQ.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-BPgHi8Wq.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
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
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared rollout inputs. Outputs: see
 * reportResult. Every input is checked before anything connects.
 */ async function runCanaryAction() {
    await runRolloutAction(CANARY_OPTIONS, async (values)=>{
        const version = versionOf(values, 'version');
        if (!version) throw new InputError('version', 'is required', 'pass the release version, e.g. the build step output');
        const { options, github } = await rolloutInputs(values);
        const request = canaryRequestOf(values, version, options.config, requester());
        const { routeCanary } = await loadStep(()=>import('./rollout-route-ycaCnbg_.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, request));
        await reportRouted(routed, options.config.app, github);
    });
}

export { runCanaryAction };

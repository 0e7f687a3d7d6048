import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { c as canaryRequestOf, C as CANARY_OPTIONS } from './rollout-Bx7AR7l9.js';
import { r as requester } from './github-context-CiTHl149.js';
import { r as runRolloutAction, a as rolloutInputs, b as reportRouted } from './rollout-B4FH6zxu.js';
import { v as versionOf } from './table-BWLE4AEh.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './duration-C-1UD4yS.js';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './state-CvQhWG_v.js';
import 'node:fs';
import './state-dir-Cs_87Ymx.js';
import 'node:path';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
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
        const { routeCanary } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, request));
        await reportRouted(routed, options.config.app, github);
    });
}

export { runCanaryAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { c as canaryRequestOf, C as CANARY_OPTIONS } from './rollout-Bx7AR7l9.js';
import { v as versionOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions, p as printRouted } from './rollout-options-bOOWJf-N.js';
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
import 'node:util';
import './render-Dl2WZAYd.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';

const summary = 'start or ramp a canary release beside stable (the first release becomes stable)';
const HELP = rolloutHelp('usage: temporal-rollout canary --version V [--weight N | --step N] [options]', CANARY_OPTIONS, `  While the rollout workflow rollout/<app> runs, this hands it the release of V (its \`release\` Update): the
  workflow ramps by rollout.yaml's steps. With none running, the canary is placed here.`);
function main(argv) {
    return runTableCommand(argv, rolloutTable(CANARY_OPTIONS), HELP, async (values)=>{
        const version = versionOf(values, 'version');
        if (!version) throw new InputError('version', 'is required', 'pass the release version, e.g. --version v1.4.0');
        const options = await rolloutOptions(values);
        const request = canaryRequestOf(values, version, options.config, 'cli');
        const { routeCanary } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, request));
        return printRouted(routed, options.config.app, switchOf(values, 'json'));
    });
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { P as PROMOTE_OPTIONS } from './commands-m5_B8hq3.js';
import 'node:fs/promises';
import './queues-BMU_gztj.js';
import 'node:fs';
import 'node:path';
import { v as versionOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions, p as printRouted } from './rollout-options-bOOWJf-N.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './errors-Cq3sNBNk.js';
import './duration-C-1UD4yS.js';
import 'node:util';
import './render-Dl2WZAYd.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import './rollout-Bx7AR7l9.js';
import './rollout-file-CfWIW6kC.js';
import './defaults-BsVYh3R2.js';
import './plan-DZflFiIU.js';
import './state-CvQhWG_v.js';
import './state-dir-Cs_87Ymx.js';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';

const summary = 'send all new work to the canary, drain the old release, make the canary stable';
const HELP = rolloutHelp('usage: temporal-rollout promote [--version V] [options]', PROMOTE_OPTIONS, `  While the rollout workflow rollout/<app> runs, this is its \`promote-now\` Update; with none running, the
  promotion runs here.`);
function main(argv) {
    return runTableCommand(argv, rolloutTable(PROMOTE_OPTIONS), HELP, async (values)=>{
        const version = versionOf(values, 'version');
        const options = await rolloutOptions(values);
        const { routePromote } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
        const routed = await runRolloutStep(options, (ctx)=>routePromote(ctx, options.config, {
                requestedBy: 'cli',
                ...version ? {
                    version
                } : {}
            }));
        return printRouted(routed, options.config.app, switchOf(values, 'json'));
    });
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CM5iRiBA.js';
import { R as ROLLBACK_OPTIONS } from './commands-m5_B8hq3.js';
import { o as overridesOf } from './rollout-Bx7AR7l9.js';
import { v as versionOf, t as textOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions, p as printRouted } from './rollout-options-bOOWJf-N.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './errors-Cq3sNBNk.js';
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

const summary = 'stop and drain the canary, or restore an earlier stable version (--to)';
const HELP = rolloutHelp(`usage: temporal-rollout rollback [--to V] [--reason TEXT] [options]
  (no --to)                 automatic rollback: no new work to the canary, drain it per policy, remove it`, ROLLBACK_OPTIONS, `  While the rollout workflow rollout/<app> runs, this is its \`rollback\` Update (answered at once: accepted,
  or refused with the reason); with none running, the rollback runs here.`);
function main(argv) {
    return runTableCommand(argv, rolloutTable(ROLLBACK_OPTIONS), HELP, async (values)=>{
        const to = versionOf(values, 'to');
        const reason = textOf(values, 'reason');
        const options = await rolloutOptions(values);
        const { drainPolicy } = overridesOf(values);
        const { routeRollback } = await loadStep(()=>import('./rollout-route-DRqpFRD3.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeRollback(ctx, options.config, {
                requestedBy: 'cli',
                ...to ? {
                    to
                } : {},
                ...reason ? {
                    reason
                } : {},
                ...drainPolicy ? {
                    drainPolicy
                } : {}
            }));
        return printRouted(routed, options.config.app, switchOf(values, 'json'));
    });
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CzJ_H5Dk.js';
import { P as PROMOTE_OPTIONS } from './commands-CqFBZbcc.js';
import { v as versionOf } from './render-AGjfurjP.js';
import { s as switchOf } from './table-CAmxcAk9.js';
import { r as runTableCommand } from './command-C7-RYSQS.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions, p as printRouted } from './rollout-options-BvEz-Zue.js';
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
import 'node:util';

const summary = 'send all new work to the canary, drain the old release, make the canary stable';
const HELP = rolloutHelp('usage: temporal-rollout promote [--version V] [options]', PROMOTE_OPTIONS, `  While the rollout workflow rollout/<app> runs, this is its \`promote-now\` Update; with none running, the
  promotion runs here.`);
function main(argv) {
    return runTableCommand(argv, rolloutTable(PROMOTE_OPTIONS), HELP, async (values)=>{
        const version = versionOf(values, 'version');
        const options = await rolloutOptions(values);
        const { routePromote } = await loadStep(()=>import('./rollout-route-ycaCnbg_.js'));
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

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { v as versionOf, c as canaryRequestOf, C as CANARY_OPTIONS } from './render-AGjfurjP.js';
import { s as switchOf } from './table-CAmxcAk9.js';
import { r as runTableCommand } from './command-C7-RYSQS.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions, p as printRouted } from './rollout-options-BvEz-Zue.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
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

const summary = 'start or ramp a canary release beside stable (the first release becomes stable)';
const HELP = rolloutHelp('usage: temporal-rollout canary --version V [--weight N | --step N] [options]', CANARY_OPTIONS, `  While the rollout workflow rollout/<app> runs, this hands it the release of V (its \`release\` Update): the
  workflow ramps by rollout.yaml's steps. With none running, the canary is placed here.`);
function main(argv) {
    return runTableCommand(argv, rolloutTable(CANARY_OPTIONS), HELP, async (values)=>{
        const version = versionOf(values, 'version');
        if (!version) throw new InputError('version', 'is required', 'pass the release version, e.g. --version v1.4.0');
        const options = await rolloutOptions(values);
        const request = canaryRequestOf(values, version, options.config, 'cli');
        const { routeCanary } = await loadStep(()=>import('./rollout-route-ycaCnbg_.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, request));
        return printRouted(routed, options.config.app, switchOf(values, 'json'));
    });
}

export { main, summary };

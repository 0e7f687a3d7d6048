import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { l as loadStep, r as runRolloutStep } from './step-loader-Ctwrle0E.js';
import { c as parseReleaseVersion } from './inputs-C-HyzOoH.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, c as printRouted } from './rollout-options-BUUjk0gH.js';
import './errors-Bt1yA7Sc.js';
import './queues-BDWPX1q-.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './rollout-file-Bg_PcTF3.js';
import 'node:fs/promises';
import './duration-Dk3jDYNs.js';
import './drain-Cq-j2CB-.js';
import './rollout-check-CDKwOflw.js';
import 'node:fs';
import './state-dir-DMm1tIQk.js';
import 'node:path';

const summary = 'send all new work to the canary, drain the old release, make the canary stable';
const HELP = `usage: temporal-rollout promote [--version V] [options]
  --version V               the canary version you expect to promote (refused if another runs)
  While the rollout workflow rollout/<app> runs, this is its \`promote-now\` Update; with none running, the
  promotion runs here.${COMMON_HELP}`;
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            ...COMMON_OPTIONS,
            version: {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    const version = values.version === undefined ? undefined : parseReleaseVersion(values.version, '--version');
    const options = await rolloutOptions(values);
    const { routePromote } = await loadStep(()=>import('./rollout-route-Uv7V_VVb.js'));
    const routed = await runRolloutStep(options, (ctx)=>routePromote(ctx, options.config, {
            requestedBy: 'cli',
            ...version ? {
                version
            } : {}
        }));
    return printRouted(routed, options.config.app, values.json);
}

export { main, summary };

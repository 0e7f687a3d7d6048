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

const summary = 'stop and drain the canary, or restore an earlier stable version (--to)';
const HELP = `usage: temporal-rollout rollback [--to V] [--reason TEXT] [options]
  (no --to)                 automatic rollback: no new work to the canary, drain it per policy, remove it
  --to V                    manual rollback: make once-stable version V stable again (drains the current one)
  --reason TEXT             recorded in the state and on terminated runs
  While the rollout workflow rollout/<app> runs, this is its \`rollback\` Update (answered at once: accepted,
  or refused with the reason); with none running, the rollback runs here.${COMMON_HELP}`;
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            ...COMMON_OPTIONS,
            to: {
                type: 'string'
            },
            reason: {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    const to = values.to === undefined ? undefined : parseReleaseVersion(values.to, '--to');
    const options = await rolloutOptions(values);
    const { routeRollback } = await loadStep(()=>import('./rollout-route-Uv7V_VVb.js'));
    const routed = await runRolloutStep(options, (ctx)=>routeRollback(ctx, options.config, {
            requestedBy: 'cli',
            ...to ? {
                to
            } : {},
            ...values.reason ? {
                reason: values.reason
            } : {},
            ...options.drain?.policy ? {
                drainPolicy: options.drain.policy
            } : {}
        }));
    return printRouted(routed, options.config.app, values.json);
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { l as loadStep, r as runRolloutStep } from './step-loader-Ctwrle0E.js';
import { p as parseDuration } from './duration-Dk3jDYNs.js';
import { I as InputError } from './errors-Bt1yA7Sc.js';
import { c as parseReleaseVersion, b as parseInteger } from './inputs-C-HyzOoH.js';
import { w as weightOfStep } from './plan-5X8TFR9t.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, p as positiveInt, b as replayDeployOf, c as printRouted } from './rollout-options-BUUjk0gH.js';
import './queues-BDWPX1q-.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './state-CNe_-Qg9.js';
import './rollout-file-Bg_PcTF3.js';
import 'node:fs/promises';
import './drain-Cq-j2CB-.js';
import './rollout-check-CDKwOflw.js';
import 'node:fs';
import './state-dir-DMm1tIQk.js';
import 'node:path';

const summary = 'start or ramp a canary release beside stable (the first release becomes stable)';
const HELP = `usage: temporal-rollout canary --version V [--weight N | --step N] [options]
  --version V               the release (semver, e.g. v1.4.0)
  --image REF               repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)
  --weight N                percent of new work for the canary, 1..100
  --step N                  or the weight of ramp step N from rollout.yaml (default: step 1)
  --gate-workflow TYPE      start gate workflows of TYPE on the canary first; all must complete
  --gate-args JSON          their arguments, a JSON array (default [])
  --gate-count N            how many (default 1)
  --gate-timeout 2m         how long they may take (default 2m)
  --replay-deploy same-queue|new-queue   the replay step's verdict: same-queue takes over stable's queue (no
                            drain), new-queue gets a versioned queue and stable's drains (default: the queue template)
  While the rollout workflow rollout/<app> runs, this hands it the release of V (its \`release\` Update): the
  workflow ramps by rollout.yaml's steps. With none running, the canary is placed here.${COMMON_HELP}`;
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            ...COMMON_OPTIONS,
            version: {
                type: 'string'
            },
            image: {
                type: 'string'
            },
            weight: {
                type: 'string'
            },
            step: {
                type: 'string'
            },
            'gate-workflow': {
                type: 'string'
            },
            'gate-args': {
                type: 'string'
            },
            'gate-count': {
                type: 'string'
            },
            'gate-timeout': {
                type: 'string'
            },
            'replay-deploy': {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    if (!values.version) throw new InputError('--version', 'is required', 'pass the release version, e.g. --version v1.4.0');
    const version = parseReleaseVersion(values.version, '--version');
    const options = await rolloutOptions(values);
    if (values.weight !== undefined && values.step !== undefined) {
        throw new InputError('--weight', 'and --step both given', 'pass one of them');
    }
    const weight = values.weight !== undefined ? parseInteger(values.weight, '--weight', {
        min: 1,
        max: 100
    }) : weightOfStep(options.config.strategy.steps, positiveInt(values.step, 'step') ?? 1, '--step');
    let gate;
    if (values['gate-workflow']) {
        let args;
        try {
            args = JSON.parse(values['gate-args'] ?? '[]');
        } catch (err) {
            throw new InputError('--gate-args', `is not JSON (${err.message})`, 'pass a JSON array');
        }
        if (!Array.isArray(args)) throw new InputError('--gate-args', 'is not a JSON array', 'pass e.g. [{"orderId":"gate-1"}]');
        gate = {
            workflowType: values['gate-workflow'],
            args,
            count: positiveInt(values['gate-count'], 'gate-count') ?? 1,
            timeoutMs: parseDuration(values['gate-timeout'] ?? '2m', '--gate-timeout')
        };
    }
    const replayDeploy = replayDeployOf(values['replay-deploy'], '--replay-deploy');
    const image = values.image ?? options.config.image;
    const { routeCanary } = await loadStep(()=>import('./rollout-route-Uv7V_VVb.js'));
    const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, {
            version,
            image,
            weight,
            requestedBy: 'cli',
            ...gate ? {
                gate
            } : {},
            ...replayDeploy ? {
                replayDeploy
            } : {}
        }));
    return printRouted(routed, options.config.app, values.json);
}

export { main, summary };

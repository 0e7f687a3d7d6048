import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadStep, r as runRolloutStep } from './step-loader-Ctwrle0E.js';
import { b as replayDeployOf } from './rollout-options-BUUjk0gH.js';
import { p as parseDuration } from './duration-Dk3jDYNs.js';
import { I as InputError } from './errors-Bt1yA7Sc.js';
import { c as parseReleaseVersion } from './inputs-C-HyzOoH.js';
import { w as weightOfStep } from './plan-5X8TFR9t.js';
import { r as requester } from './github-context-CbOeuA3R.js';
import { r as runAction, a as requiredInput, o as optionalInput, i as integerInput } from './io-DI8b1qRw.js';
import { r as rolloutInputs, a as reportRouted } from './rollout-BcT-KHUk.js';
import './rollout-file-Bg_PcTF3.js';
import 'node:fs/promises';
import './drain-Cq-j2CB-.js';
import './rollout-check-CDKwOflw.js';
import 'node:fs';
import './state-dir-DMm1tIQk.js';
import 'node:path';
import './queues-BDWPX1q-.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './state-CNe_-Qg9.js';
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

function gateInputs() {
    const gateWorkflow = optionalInput('gate-workflow');
    if (!gateWorkflow) return undefined;
    let args;
    try {
        args = JSON.parse(optionalInput('gate-args') ?? '[]');
    } catch (err) {
        throw new InputError('input "gate-args"', `is not JSON (${err.message})`, 'pass a JSON array');
    }
    if (!Array.isArray(args)) throw new InputError('input "gate-args"', 'is not a JSON array', 'pass a JSON array');
    return {
        workflowType: gateWorkflow,
        args,
        count: integerInput('gate-count', 1, {
            min: 1
        }),
        timeoutMs: parseDuration(optionalInput('gate-timeout') ?? '2m', 'input "gate-timeout"')
    };
}
/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared rollout inputs. Outputs: see
 * reportResult. Every input is checked before anything connects.
 */ async function runCanaryAction() {
    await runAction(async ()=>{
        const version = parseReleaseVersion(requiredInput('version', 'pass the release version, e.g. the build step output'), 'input "version"');
        const { options, github } = await rolloutInputs();
        if (optionalInput('weight') !== undefined && optionalInput('ramp-step') !== undefined) {
            throw new InputError('input "weight"', 'and input "ramp-step" are both set', 'set one of them');
        }
        const weight = optionalInput('weight') !== undefined ? integerInput('weight', 0, {
            min: 1,
            max: 100
        }) : weightOfStep(options.config.strategy.steps, integerInput('ramp-step', 1, {
            min: 1
        }), 'input "ramp-step"');
        const gate = gateInputs();
        const replayDeploy = replayDeployOf(optionalInput('replay-deploy'), 'input "replay-deploy"');
        const image = optionalInput('image') ?? options.config.image;
        const { routeCanary } = await loadStep(()=>import('./rollout-route-Uv7V_VVb.js'));
        const routed = await runRolloutStep(options, (ctx)=>routeCanary(ctx, options.config, {
                version,
                image,
                weight,
                requestedBy: requester(),
                ...gate ? {
                    gate
                } : {},
                ...replayDeploy ? {
                    replayDeploy
                } : {}
            }));
        await reportRouted(routed, options.config.app, github);
    });
}

export { runCanaryAction };

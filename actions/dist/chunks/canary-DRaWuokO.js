import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as replayDeployOf } from './rollout-options-BWDO4wGe.js';
import { p as parseDuration } from './duration-BkClXdL9.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { w as weightOfStep, o as openRollout } from './rollout-open-DWEOXBTr.js';
import { c as canary } from './canary-KRmO8U7C.js';
import { r as runAction, a as requiredInput, o as optionalInput, n as numberInput } from './io-CVYvg4SM.js';
import { r as rolloutInputs, a as reportResult } from './rollout-CDz3H6jH.js';
import './rollout-file-oEve-ZG0.js';
import 'node:fs/promises';
import './spec-BfLAsUPA.js';
import 'process';
import 'buffer';
import './queues-_TaSjIq2.js';
import 'node:crypto';
import 'node:path';
import './index-CoVbPU9n.js';
import './index-minimal-Byr18cyI.js';
import 'tls';
import 'fs';
import 'os';
import 'net';
import 'events';
import 'stream';
import 'path';
import 'zlib';
import 'http2';
import 'http';
import 'url';
import 'dns';
import 'util';
import './index-BSjeM6V3.js';
import './_node_async_hooks_commonjs-external-OTwLQov_.js';
import 'node:module';
import 'crypto';
import './state-configmap-C65-BqaA.js';
import 'node:os';
import './index-BRNaljIU.js';
import 'node:url';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import 'child_process';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:fs';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import 'node:net';
import './core-BZnLh8et.js';
import 'https';
import 'assert';
import 'string_decoder';
import 'timers';
import './github-context-BW5jCzt-.js';

/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, replay-deploy (the
 * replay step's `deploy` output: same-queue | new-queue), plus the shared
 * rollout inputs. Outputs: see reportResult.
 */ async function runCanaryAction() {
    await runAction(async ()=>{
        const version = requiredInput('version', 'pass the release version, e.g. the build step output');
        const options = await rolloutInputs();
        if (optionalInput('weight') !== undefined && optionalInput('ramp-step') !== undefined) {
            throw new InputError('input "weight"', 'and input "ramp-step" are both set', 'set one of them');
        }
        const weight = optionalInput('weight') !== undefined ? numberInput('weight', 0, {
            min: 1,
            max: 100
        }) : weightOfStep(options.config.strategy.steps, numberInput('ramp-step', 1, {
            min: 1
        }), 'input "ramp-step"');
        let gate;
        const gateWorkflow = optionalInput('gate-workflow');
        if (gateWorkflow) {
            let args;
            try {
                args = JSON.parse(optionalInput('gate-args') ?? '[]');
            } catch (err) {
                throw new InputError('input "gate-args"', `is not JSON (${err.message})`, 'pass a JSON array');
            }
            if (!Array.isArray(args)) throw new InputError('input "gate-args"', 'is not a JSON array');
            gate = {
                workflowType: gateWorkflow,
                args,
                count: numberInput('gate-count', 1, {
                    min: 1
                }),
                timeoutMs: parseDuration(optionalInput('gate-timeout') ?? '2m', 'input "gate-timeout"')
            };
        }
        const replayDeploy = replayDeployOf(optionalInput('replay-deploy'), 'input "replay-deploy"');
        const { ctx, close } = await openRollout(options);
        try {
            await reportResult(await canary(ctx, {
                version,
                image: optionalInput('image') ?? options.config.image,
                weight,
                ...gate ? {
                    gate
                } : {},
                ...replayDeploy ? {
                    replayDeploy
                } : {}
            }));
        } finally{
            await close();
        }
    });
}

export { runCanaryAction };

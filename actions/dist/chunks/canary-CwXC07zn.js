import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as replayDeployOf } from './rollout-options-CGxI3vsy.js';
import { p as parseDuration } from './duration-BkClXdL9.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { w as weightOfStep, o as openRollout } from './rollback-tck-Gv0C.js';
import { r as routeCanary } from './rollout-route-D0FPVy1u.js';
import { r as requester } from './github-context-gNdnxUNS.js';
import { r as runAction, a as requiredInput, o as optionalInput, n as numberInput } from './io-DzEJDnmN.js';
import { r as rolloutInputs, a as reportRouted } from './rollout-DRi8a01v.js';
import './rollout-file-C1tGjv4O.js';
import 'node:fs/promises';
import './spec-DPVB69jZ.js';
import 'process';
import 'buffer';
import 'node:path';
import './index-DLMRMMqw.js';
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
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
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
import 'node:crypto';
import 'node:net';
import './queues-_TaSjIq2.js';
import './client-CXPf3w9b.js';
import './index-BPd8on_m.js';
import 'https';
import './core-0E5leDgh.js';
import 'assert';
import 'string_decoder';
import 'timers';

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
            await reportRouted(await routeCanary(ctx, options.config, {
                version,
                image: optionalInput('image') ?? options.config.image,
                weight,
                requestedBy: requester(),
                ...gate ? {
                    gate
                } : {},
                ...replayDeploy ? {
                    replayDeploy
                } : {}
            }), options.config.app);
        } finally{
            await close();
        }
    });
}

export { runCanaryAction };

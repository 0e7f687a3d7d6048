import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { p as parseDuration } from './duration-ziIaNTL3.js';
import { I as InputError } from './errors-B1fqfkJP.js';
import { w as weightOfStep, o as openRollout } from './rollout-open-BIvpr3S9.js';
import { c as canary } from './canary-DT3-g-2i.js';
import { r as runAction, a as requiredInput, o as optionalInput, n as numberInput } from './io-BdVjycAU.js';
import { r as rolloutInputs, a as reportResult } from './rollout-CH1iGonu.js';
import './queues-SS9EkzMp.js';
import 'node:fs/promises';
import './spec-CWFM_OSd.js';
import 'process';
import 'buffer';
import './_commonjsHelpers-BZ7XjydQ.js';
import 'node:crypto';
import 'node:path';
import './index-DZyPc2iP.js';
import './index-minimal-DAJulz_a.js';
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
import './_node_async_hooks_commonjs-external-C7NGaBqw.js';
import 'node:module';
import 'crypto';
import 'node:os';
import './index-DrqkeVZe.js';
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
import './core-CYHeLlKv.js';
import 'https';
import 'assert';
import 'string_decoder';
import 'timers';
import './github-context-7sz8BQNY.js';

/**
 * Inputs: version (required), image (default rollout.yaml image; pass the build step's digest), weight or
 * ramp-step (default 1), gate-workflow / gate-args (JSON array) / gate-count / gate-timeout, plus the shared
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
        const { ctx, close } = await openRollout(options);
        try {
            await reportResult(await canary(ctx, {
                version,
                image: optionalInput('image') ?? options.config.image,
                weight,
                ...gate ? {
                    gate
                } : {}
            }));
        } finally{
            await close();
        }
    });
}

export { runCanaryAction };

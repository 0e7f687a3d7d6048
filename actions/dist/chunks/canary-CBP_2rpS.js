import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { p as parseDuration } from './duration-BkClXdL9.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { w as weightOfStep, o as openRollout } from './rollout-open-DWEOXBTr.js';
import { c as canary } from './canary-KRmO8U7C.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, p as positiveInt, b as replayDeployOf, f as formatResult, e as exitCode } from './rollout-options-BWDO4wGe.js';
import './queues-_TaSjIq2.js';
import 'node:crypto';
import 'node:path';
import './index-CoVbPU9n.js';
import './index-minimal-Byr18cyI.js';
import 'process';
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
import 'node:fs/promises';
import 'node:os';
import './index-BRNaljIU.js';
import 'node:url';
import 'node:child_process';
import 'node:string_decoder';
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
import './rollout-file-oEve-ZG0.js';
import './spec-BfLAsUPA.js';
import 'buffer';

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
                            drain), new-queue gets a versioned queue and stable's drains (default: the queue template)${COMMON_HELP}`;
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
    const options = await rolloutOptions(values);
    if (values.weight !== undefined && values.step !== undefined) {
        throw new InputError('--weight', 'and --step both given', 'pass one of them');
    }
    const weight = values.weight !== undefined ? Number(values.weight) : weightOfStep(options.config.strategy.steps, positiveInt(values.step, 'step') ?? 1, '--step');
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
    const { ctx, close } = await openRollout(options);
    try {
        const result = await canary(ctx, {
            version: values.version,
            image: values.image ?? options.config.image,
            weight,
            ...gate ? {
                gate
            } : {},
            ...replayDeploy ? {
                replayDeploy
            } : {}
        });
        console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result));
        return exitCode(result);
    } finally{
        await close();
    }
}

export { main, summary };

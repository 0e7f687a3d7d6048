import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { r as rollback } from './rollback-sIFCGFKE.js';
import { o as openRollout } from './rollout-open-DWEOXBTr.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, f as formatResult, e as exitCode } from './rollout-options-BWDO4wGe.js';
import './promote-CfyFOaAF.js';
import './errors-Brz47dcM.js';
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
import './duration-BkClXdL9.js';

const summary = 'stop and drain the canary, or restore an earlier stable version (--to)';
const HELP = `usage: temporal-rollout rollback [--to V] [--reason TEXT] [options]
  (no --to)                 automatic rollback: no new work to the canary, drain it per policy, remove it
  --to V                    manual rollback: make once-stable version V stable again (drains the current one)
  --reason TEXT             recorded in the state and on terminated runs${COMMON_HELP}`;
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
    const { ctx, close } = await openRollout(await rolloutOptions(values));
    try {
        const result = await rollback(ctx, {
            ...values.to ? {
                to: values.to
            } : {},
            ...values.reason ? {
                reason: values.reason
            } : {}
        });
        console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result));
        return exitCode(result);
    } finally{
        await close();
    }
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { p as promote } from './promote-CfyFOaAF.js';
import { o as openRollout } from './rollout-open-DWEOXBTr.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, f as formatResult, e as exitCode } from './rollout-options-BWDO4wGe.js';
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

const summary = 'send all new work to the canary, drain the old release, make the canary stable';
const HELP = `usage: temporal-rollout promote [--version V] [options]
  --version V               the canary version you expect to promote (refused if another runs)${COMMON_HELP}`;
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
    const { ctx, close } = await openRollout(await rolloutOptions(values));
    try {
        const result = await promote(ctx, values.version ? {
            version: values.version
        } : {});
        console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result));
        return exitCode(result);
    } finally{
        await close();
    }
}

export { main, summary };

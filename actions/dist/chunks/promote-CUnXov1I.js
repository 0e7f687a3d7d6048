import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { o as openRollout } from './rollback-tck-Gv0C.js';
import { a as routePromote } from './rollout-route-D0FPVy1u.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, c as printRouted } from './rollout-options-CGxI3vsy.js';
import 'node:path';
import './index-DLMRMMqw.js';
import './index-minimal-Byr18cyI.js';
import './errors-Brz47dcM.js';
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
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
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
import 'node:crypto';
import 'node:net';
import './queues-_TaSjIq2.js';
import './client-CXPf3w9b.js';
import './index-BPd8on_m.js';
import './rollout-file-C1tGjv4O.js';
import './spec-DPVB69jZ.js';
import 'buffer';
import './duration-BkClXdL9.js';

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
    const options = await rolloutOptions(values);
    const { ctx, close } = await openRollout(options);
    try {
        const routed = await routePromote(ctx, options.config, {
            requestedBy: 'cli',
            ...values.version ? {
                version: values.version
            } : {}
        });
        return printRouted(routed, options.config.app, values.json);
    } finally{
        await close();
    }
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { p as promote } from './promote-CfyFOaAF.js';
import { o as openRollout } from './rollout-open-DWEOXBTr.js';
import { r as runAction, o as optionalInput } from './io-CVYvg4SM.js';
import { r as rolloutInputs, a as reportResult } from './rollout-CDz3H6jH.js';
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
import './duration-BkClXdL9.js';
import './rollout-file-oEve-ZG0.js';
import './spec-BfLAsUPA.js';
import 'buffer';
import './github-context-BW5jCzt-.js';

/** Inputs: version (the canary expected; optional), plus the shared rollout inputs. Outputs: see reportResult. */ async function runPromoteAction() {
    await runAction(async ()=>{
        const version = optionalInput('version');
        const { ctx, close } = await openRollout(await rolloutInputs());
        try {
            await reportResult(await promote(ctx, version ? {
                version
            } : {}));
        } finally{
            await close();
        }
    });
}

export { runPromoteAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { o as openRollout } from './rollback-tck-Gv0C.js';
import { a as routePromote } from './rollout-route-D0FPVy1u.js';
import { r as requester } from './github-context-gNdnxUNS.js';
import { r as runAction, o as optionalInput } from './io-DzEJDnmN.js';
import { r as rolloutInputs, a as reportRouted } from './rollout-DRi8a01v.js';
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
import './duration-BkClXdL9.js';
import './rollout-file-C1tGjv4O.js';
import './spec-DPVB69jZ.js';
import 'buffer';

/**
 * Inputs: version (the canary expected; optional), plus the shared rollout inputs. While the rollout workflow
 * runs, the request is its `promote-now` Update; otherwise the promotion runs here. Outputs: see reportResult.
 */ async function runPromoteAction() {
    await runAction(async ()=>{
        const version = optionalInput('version');
        const options = await rolloutInputs();
        const { ctx, close } = await openRollout(options);
        try {
            await reportRouted(await routePromote(ctx, options.config, {
                requestedBy: requester(),
                ...version ? {
                    version
                } : {}
            }), options.config.app);
        } finally{
            await close();
        }
    });
}

export { runPromoteAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { r as rollback } from './rollback-B5Swjvq4.js';
import { o as openRollout } from './rollout-open-BIvpr3S9.js';
import { r as runAction, o as optionalInput } from './io-BdVjycAU.js';
import { r as rolloutInputs, a as reportResult } from './rollout-CH1iGonu.js';
import './promote-DG3bcWho.js';
import './errors-B1fqfkJP.js';
import './queues-SS9EkzMp.js';
import 'node:fs/promises';
import './spec-CWFM_OSd.js';
import 'process';
import 'buffer';
import './duration-ziIaNTL3.js';
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
 * Inputs: to (manual rollback to a once-stable version; empty = automatic rollback of the canary), reason,
 * plus the shared rollout inputs. Outputs: see reportResult.
 */ async function runRollbackAction() {
    await runAction(async ()=>{
        const to = optionalInput('to');
        const reason = optionalInput('reason');
        const { ctx, close } = await openRollout(await rolloutInputs());
        try {
            await reportResult(await rollback(ctx, {
                ...to ? {
                    to
                } : {},
                ...reason ? {
                    reason
                } : {}
            }));
        } finally{
            await close();
        }
    });
}

export { runRollbackAction };

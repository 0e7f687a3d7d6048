import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { R as RELEASE_OPTIONS, r as releaseAskedOf, a as attachRelease, j as jobEndOf } from './release-BaQQNANB.js';
import { t as textOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { o as openController } from './controller-options-DNV2kKaN.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-bOOWJf-N.js';
import 'node:os';
import './rollback-BLxVQd3C.js';
import './index-Die7_PD0.js';
import './index-minimal-Bp1UdQBh.js';
import './_commonjsHelpers-DR8IKnz7.js';
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
import './index-BKk9e40y.js';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'node:module';
import 'crypto';
import './errors-Cq3sNBNk.js';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './state-CvQhWG_v.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import 'node:crypto';
import './temporal-visibility-DuA1Yd36.js';
import './sleep-DCjOWjxt.js';
import './client-CDdOk1z2.js';
import './index-DA9XjHXy.js';
import './rollout-session-DkBIH-aE.js';
import './prometheus-DvMyLyGX.js';
import '@temporalio/worker';
import 'node:url';
import './sides-DkRbOhL_.js';
import './markdown-CTU4Idmi.js';
import './escape-regexp-DnhsxoBw.js';
import './analyze-7SMFyqpo.js';
import './prometheus-CCiUSTAb.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './spec-DyleIqiK.js';
import './duration-C-1UD4yS.js';
import './rollout-open-DyEDTQ3G.js';
import 'node:path';
import './helm-5FlJdf2v.js';
import './kubernetes-api-BrNn2NrW.js';
import './child-env-Cy3YPh8N.js';
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
import 'constants';
import 'assert';
import './rollout-Bx7AR7l9.js';
import './state-dir-Cs_87Ymx.js';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import './render-Dl2WZAYd.js';

const summary = 'release a version through the rollout workflow (ramp, analyse, promote) and follow it';
const HELP = rolloutHelp(`usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
Exit codes: 0 promoted/installed/unchanged, handed to a controller while draining, or superseded (a newer
release took its place: this version was not shipped, the message says so), 1 rolled back, aborted or failed,
3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.`, RELEASE_OPTIONS);
function main(argv) {
    return runTableCommand(argv, rolloutTable(RELEASE_OPTIONS), HELP, async (values)=>{
        const asked = releaseAskedOf(values);
        const options = await rolloutOptions(values);
        const request = asked.requestFor(options, textOf(values, 'requested-by'));
        const session = await openController(options, values);
        const abort = new AbortController();
        const stop = ()=>abort.abort();
        process.once('SIGINT', stop);
        try {
            const result = await attachRelease({
                client: session.client,
                namespace: session.namespace,
                request,
                ...switchOf(values, 'no-worker') ? {} : {
                    startWorker: (identity)=>session.startWorker(identity)
                },
                ...asked.taskQueue ? {
                    taskQueue: asked.taskQueue
                } : {},
                ...asked.maxWaitMs ? {
                    maxWaitMs: asked.maxWaitMs
                } : {},
                log: (line)=>console.error(`  … ${line}`),
                signal: abort.signal
            });
            if (switchOf(values, 'json')) console.log(JSON.stringify(result, null, 2));
            else console.log(result.message);
            return jobEndOf(result.end).exitCode;
        } finally{
            process.off('SIGINT', stop);
            await session.close();
        }
    });
}

export { main, summary };

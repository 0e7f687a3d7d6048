import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { R as ROLLOUT_TASK_QUEUE } from './rollback-ZrLaUVQd.js';
import { t as textOf } from './table-CAmxcAk9.js';
import { r as runTableCommand } from './command-C7-RYSQS.js';
import { C as CONTROLLER_OPTIONS, o as openController } from './controller-options-BnTcJW-P.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-BvEz-Zue.js';
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
import './errors-5XkxSMbp.js';
import './drain-CncI9tNl.js';
import './queues-BzXUQGIA.js';
import './routing-Bo4ULJZS.js';
import 'node:crypto';
import './temporal-visibility-DApPNetG.js';
import 'node:util';
import './rollout-session-Dhcc1zyc.js';
import '@temporalio/worker';
import 'node:url';
import './analyze-DqW1tBei.js';
import './prometheus-BY-ZYP9B.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
import './report-DZdw_OwW.js';
import './markdown-CTU4Idmi.js';
import './spec-D1i4x1Wg.js';
import './duration-D7VXZGjg.js';
import './rollout-open-BKQmanCH.js';
import 'node:path';
import './helm-DDQJgr-d.js';
import './kubernetes-api-u-cf04IJ.js';
import 'node:os';
import './child-env-Cy3YPh8N.js';
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
import './defaults-Bu9L1tJ8.js';
import './analyze-Nb10n6CB.js';
import './step-loader-CzJ_H5Dk.js';
import './commands-CqFBZbcc.js';
import './render-AGjfurjP.js';
import './rollout-overrides-sw-D39nz.js';
import './state-dir-B7GjbeXD.js';

const summary = 'run a rollout worker: carries out every rollout (ramps, analyses, drains) until stopped';
const OWN = [
    {
        field: 'identity',
        arg: 'ID',
        help: "the worker's identity (default pid@host)"
    },
    ...CONTROLLER_OPTIONS
];
const HELP = rolloutHelp(`usage: temporal-rollout controller [options]
Polls the rollout task queue and runs RolloutWorkflow and its steps until SIGTERM or SIGINT. Releases bring
their own rollout.yaml; this one's --config gives the connection and the deployer defaults.`, OWN);
function main(argv) {
    return runTableCommand(argv, rolloutTable(OWN), HELP, async (values)=>{
        const session = await openController(await rolloutOptions(values), values);
        try {
            const worker = await session.startWorker(textOf(values, 'identity'));
            const stop = ()=>worker.shutdown();
            process.once('SIGTERM', stop);
            process.once('SIGINT', stop);
            console.error(`controller: polling ${textOf(values, 'task-queue') ?? ROLLOUT_TASK_QUEUE} in ${session.namespace} at ${session.infra.temporal.address} as ${worker.options.identity}`);
            await worker.run();
            console.error('controller: stopped');
            return 0;
        } finally{
            await session.close();
        }
    });
}

export { main, summary };

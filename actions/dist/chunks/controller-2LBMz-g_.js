import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { R as ROLLOUT_TASK_QUEUE } from './rollback-BLxVQd3C.js';
import { t as textOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { o as openController } from './controller-options-DNV2kKaN.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-bOOWJf-N.js';
import { C as CONTROLLER_OPTIONS } from './rollout-session-DkBIH-aE.js';
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
import './duration-C-1UD4yS.js';
import 'node:util';
import './prometheus-DvMyLyGX.js';
import './render-Dl2WZAYd.js';
import './rollout-Bx7AR7l9.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import 'node:fs';
import './state-dir-Cs_87Ymx.js';
import 'node:path';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import '@temporalio/worker';
import 'node:url';
import './sides-DkRbOhL_.js';
import './markdown-CTU4Idmi.js';
import './escape-regexp-DnhsxoBw.js';
import './analyze-7SMFyqpo.js';
import './prometheus-CCiUSTAb.js';
import './spec-DyleIqiK.js';
import './rollout-open-DyEDTQ3G.js';
import './helm-5FlJdf2v.js';
import './kubernetes-api-BrNn2NrW.js';
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
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import 'node:net';
import 'constants';
import 'assert';

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

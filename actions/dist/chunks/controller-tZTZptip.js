import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { R as ROLLOUT_TASK_QUEUE } from './rollback-tck-Gv0C.js';
import { C as CONTROLLER_OPTIONS, a as CONTROLLER_HELP, o as openController } from './controller-options-DQR6yu6v.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions } from './rollout-options-CGxI3vsy.js';
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
import './rollout-session-D_-8xojg.js';
import '@temporalio/worker';
import './analyze-B496GmtI.js';
import './spec-DPVB69jZ.js';
import 'buffer';
import './prometheus-Dlr5qHBl.js';
import './analyze-DupUYUcl.js';
import './rollout-file-C1tGjv4O.js';
import './duration-BkClXdL9.js';

const summary = 'run a rollout worker: carries out every rollout (ramps, analyses, drains) until stopped';
const HELP = `usage: temporal-rollout controller [options]
Polls the rollout task queue and runs RolloutWorkflow and its steps until SIGTERM or SIGINT. Releases bring
their own rollout.yaml; this one's --config gives the connection and the deployer defaults.
  --identity ID             the worker's identity (default pid@host)${CONTROLLER_HELP}${COMMON_HELP}`;
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            ...COMMON_OPTIONS,
            ...CONTROLLER_OPTIONS,
            identity: {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    const session = await openController(await rolloutOptions(values), values);
    try {
        const worker = await session.startWorker(values.identity);
        const stop = ()=>worker.shutdown();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        console.error(`controller: polling ${values['task-queue'] ?? ROLLOUT_TASK_QUEUE} in ${session.namespace} at ${session.infra.temporal.address} as ${worker.options.identity}`);
        await worker.run();
        console.error('controller: stopped');
        return 0;
    } finally{
        await session.close();
    }
}

export { main, summary };

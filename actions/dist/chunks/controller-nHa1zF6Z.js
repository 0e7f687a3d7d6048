import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { R as ROLLOUT_TASK_QUEUE } from './rollback-XqUSgOlW.js';
import { C as CONTROLLER_OPTIONS, a as CONTROLLER_HELP, o as openController } from './controller-options-D1W6pu9s.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions } from './rollout-options-BUUjk0gH.js';
import './index-sbggSPAA.js';
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
import './errors-Bt1yA7Sc.js';
import './plan-5X8TFR9t.js';
import './queues-BDWPX1q-.js';
import './state-CNe_-Qg9.js';
import './drain-Cq-j2CB-.js';
import './temporal-visibility-CswX_7fa.js';
import 'node:crypto';
import './rollout-session-B24445ll.js';
import '@temporalio/worker';
import 'node:url';
import './analyze-DnwEifWV.js';
import 'node:fs/promises';
import './spec-4w_rs2hE.js';
import 'buffer';
import './duration-Cl3ULbn3.js';
import './prometheus-CHxehu-l.js';
import './report-BOPigawE.js';
import './rollout-open-jSSKvdaB.js';
import 'node:path';
import './helm-DPyxMRC_.js';
import './child-env-Cy3YPh8N.js';
import 'node:child_process';
import 'node:string_decoder';
import 'node:process';
import 'node:tty';
import 'child_process';
import 'node:timers/promises';
import 'node:os';
import 'node:events';
import 'node:v8';
import 'node:fs';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import 'node:net';
import './analyze-ikaJKbRz.js';
import './step-loader-Ctwrle0E.js';
import './inputs-C-HyzOoH.js';
import './rollout-file-Bg_PcTF3.js';
import './duration-Dk3jDYNs.js';
import './rollout-check-CDKwOflw.js';
import './state-dir-DMm1tIQk.js';

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

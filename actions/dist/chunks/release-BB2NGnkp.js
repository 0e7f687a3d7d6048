import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { a as attachRelease } from './attach-CZQVjJ7D.js';
import { p as parseDuration } from './duration-Dk3jDYNs.js';
import { I as InputError } from './errors-Bt1yA7Sc.js';
import { C as CONTROLLER_OPTIONS, a as CONTROLLER_HELP, o as openController } from './controller-options-D1W6pu9s.js';
import { C as COMMON_OPTIONS, a as COMMON_HELP, r as rolloutOptions, p as positiveInt } from './rollout-options-BUUjk0gH.js';
import 'node:os';
import './rollback-XqUSgOlW.js';
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
import './plan-5X8TFR9t.js';
import './queues-BDWPX1q-.js';
import './state-CNe_-Qg9.js';
import './drain-Cq-j2CB-.js';
import './temporal-visibility-CswX_7fa.js';
import 'node:crypto';
import './client-K0wa693y.js';
import './index-DA9XjHXy.js';
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
import './rollout-check-CDKwOflw.js';
import './state-dir-DMm1tIQk.js';

const summary = 'release a version through the rollout workflow (ramp, analyse, promote) and follow it';
const HELP = `usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
  --version V               the release (semver)
  --image REF               repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)
  --env K=V                 extra non-secret env for this release's workers (repeatable)
  --requested-by WHO        recorded in the rollout's history
  --no-worker               run no rollout worker here (a controller does the work)
  --max-wait 5h             leave after this long even if only this job could finish a drain (default: no limit)
  --drain-poll 30s          how often a drain counts open runs
  --heartbeat-timeout 30s   how soon a killed rollout worker's step is retried elsewhere
  --history-limit N         continue the workflow as new past N history events (default 2000)
Exit codes: 0 promoted/installed/unchanged or handed to a controller while draining, 1 rolled back, aborted,
superseded or failed, 3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.${CONTROLLER_HELP}${COMMON_HELP}`;
function attachExitCode(end) {
    switch(end.kind){
        case 'outcome':
            return [
                'promoted',
                'installed',
                'unchanged',
                'restored'
            ].includes(end.outcome.result) ? 0 : 1;
        case 'handed-over':
            return 0;
        case 'left-alone':
            return 3;
        case 'held':
            return 5;
    }
}
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            ...COMMON_OPTIONS,
            ...CONTROLLER_OPTIONS,
            version: {
                type: 'string'
            },
            image: {
                type: 'string'
            },
            env: {
                type: 'string',
                multiple: true
            },
            'requested-by': {
                type: 'string'
            },
            'no-worker': {
                type: 'boolean',
                default: false
            },
            'max-wait': {
                type: 'string'
            },
            'drain-poll': {
                type: 'string'
            },
            'heartbeat-timeout': {
                type: 'string'
            },
            'history-limit': {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    if (!values.version) throw new InputError('--version', 'is required', 'pass the version to release');
    const env = {};
    for (const pair of values.env ?? []){
        const at = pair.indexOf('=');
        if (at < 1) throw new InputError('--env', `"${pair}" is not KEY=VALUE`);
        env[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const options = await rolloutOptions(values);
    const drainPollMs = values['drain-poll'] ? parseDuration(values['drain-poll'], '--drain-poll') : undefined;
    const heartbeatTimeoutMs = values['heartbeat-timeout'] ? parseDuration(values['heartbeat-timeout'], '--heartbeat-timeout') : undefined;
    const historyLimit = positiveInt(values['history-limit'], 'history-limit');
    const timing = {
        ...drainPollMs ? {
            drainPollMs
        } : {},
        ...heartbeatTimeoutMs ? {
            heartbeatTimeoutMs
        } : {},
        ...historyLimit ? {
            historyLimit
        } : {}
    };
    const session = await openController(options, values);
    const abort = new AbortController();
    const stop = ()=>abort.abort();
    process.once('SIGINT', stop);
    try {
        const result = await attachRelease({
            client: session.client,
            namespace: session.namespace,
            request: {
                config: options.config,
                version: values.version,
                image: values.image ?? options.config.image,
                ...Object.keys(env).length > 0 ? {
                    env
                } : {},
                ...values['requested-by'] ? {
                    requestedBy: values['requested-by']
                } : {},
                ...Object.keys(timing).length > 0 ? {
                    timing
                } : {}
            },
            ...values['no-worker'] ? {} : {
                startWorker: (identity)=>session.startWorker(identity)
            },
            ...values['task-queue'] ? {
                taskQueue: values['task-queue']
            } : {},
            ...values['max-wait'] ? {
                maxWaitMs: parseDuration(values['max-wait'], '--max-wait')
            } : {},
            log: (line)=>console.error(`  … ${line}`),
            signal: abort.signal
        });
        if (values.json) console.log(JSON.stringify(result, null, 2));
        else console.log(result.message);
        return attachExitCode(result.end);
    } finally{
        process.off('SIGINT', stop);
        await session.close();
    }
}

export { attachExitCode, main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { a as attachRelease, j as jobEndOf } from './attach-verdict-DiKXibcq.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { t as textOf, p as parseKeyValues, l as listOf, s as switchOf } from './table-CAmxcAk9.js';
import { R as REPLAY_DEPLOY_OPTION, r as replayDeployOf, d as durationOf, i as integerOf } from './render-AGjfurjP.js';
import { r as runTableCommand } from './command-C7-RYSQS.js';
import { C as CONTROLLER_OPTIONS, o as openController } from './controller-options-BnTcJW-P.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-BvEz-Zue.js';
import 'node:os';
import './rollback-ZrLaUVQd.js';
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
import './drain-CncI9tNl.js';
import './queues-BzXUQGIA.js';
import './routing-Bo4ULJZS.js';
import 'node:crypto';
import './temporal-visibility-DApPNetG.js';
import './client-D4o1JCMW.js';
import './index-DA9XjHXy.js';
import './rollout-file-BZEGIV8w.js';
import 'node:fs/promises';
import './defaults-Bu9L1tJ8.js';
import './duration-D7VXZGjg.js';
import './rollout-overrides-sw-D39nz.js';
import 'node:fs';
import './state-dir-B7GjbeXD.js';
import 'node:path';
import 'node:util';
import './rollout-session-Dhcc1zyc.js';
import '@temporalio/worker';
import 'node:url';
import './analyze-DqW1tBei.js';
import './prometheus-BY-ZYP9B.js';
import './report-DZdw_OwW.js';
import './markdown-CTU4Idmi.js';
import './spec-D1i4x1Wg.js';
import './rollout-open-BKQmanCH.js';
import './helm-DDQJgr-d.js';
import './kubernetes-api-u-cf04IJ.js';
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
import './analyze-Nb10n6CB.js';
import './step-loader-CzJ_H5Dk.js';
import './commands-CqFBZbcc.js';

const summary = 'release a version through the rollout workflow (ramp, analyse, promote) and follow it';
const OWN = [
    {
        field: 'version',
        arg: 'V',
        help: 'the release (semver)'
    },
    {
        field: 'image',
        arg: 'REF',
        help: 'repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)'
    },
    {
        field: 'env',
        kind: 'list',
        arg: 'K=V',
        help: "extra non-secret env for this release's workers (repeatable)"
    },
    REPLAY_DEPLOY_OPTION,
    {
        field: 'requested-by',
        arg: 'WHO',
        help: "recorded in the rollout's history"
    },
    {
        field: 'no-worker',
        kind: 'switch',
        help: 'run no rollout worker here (a controller does the work)'
    },
    {
        field: 'max-wait',
        arg: '5h',
        help: 'leave after this long even if only this job could finish a drain (default: no limit)'
    },
    {
        field: 'drain-poll',
        arg: '30s',
        help: 'how often a drain counts open runs'
    },
    {
        field: 'heartbeat-timeout',
        arg: '30s',
        help: "how soon a killed rollout worker's step is retried elsewhere"
    },
    {
        field: 'history-limit',
        arg: 'N',
        help: 'continue the workflow as new past N history events (default 2000)'
    },
    ...CONTROLLER_OPTIONS
];
const HELP = rolloutHelp(`usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
Exit codes: 0 promoted/installed/unchanged, handed to a controller while draining, or superseded (a newer
release took its place: this version was not shipped, the message says so), 1 rolled back, aborted or failed,
3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.`, OWN);
function main(argv) {
    return runTableCommand(argv, rolloutTable(OWN), HELP, async (values)=>{
        const version = textOf(values, 'version');
        if (!version) throw new InputError('version', 'is required', 'pass the version to release');
        const env = parseKeyValues(listOf(values, 'env'), 'env');
        const replayDeploy = replayDeployOf(values, 'replay-deploy');
        const options = await rolloutOptions(values);
        const drainPollMs = durationOf(values, 'drain-poll');
        const heartbeatTimeoutMs = durationOf(values, 'heartbeat-timeout');
        const historyLimit = integerOf(values, 'history-limit', {
            min: 1
        });
        const maxWaitMs = durationOf(values, 'max-wait');
        const requestedBy = textOf(values, 'requested-by');
        const taskQueue = textOf(values, 'task-queue');
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
                    version,
                    image: textOf(values, 'image') ?? options.config.image,
                    ...Object.keys(env).length > 0 ? {
                        env
                    } : {},
                    ...requestedBy ? {
                        requestedBy
                    } : {},
                    ...replayDeploy ? {
                        replayDeploy
                    } : {},
                    ...Object.keys(timing).length > 0 ? {
                        timing
                    } : {}
                },
                ...switchOf(values, 'no-worker') ? {} : {
                    startWorker: (identity)=>session.startWorker(identity)
                },
                ...taskQueue ? {
                    taskQueue
                } : {},
                ...maxWaitMs ? {
                    maxWaitMs
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

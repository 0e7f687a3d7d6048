import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { A as ACTION_UPDATES } from './rollback-BLxVQd3C.js';
import { b as sendRollback, a as sendAction } from './client-CDdOk1z2.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { o as overridesOf } from './rollout-Bx7AR7l9.js';
import { v as versionOf, t as textOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { o as openController } from './controller-options-DNV2kKaN.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-bOOWJf-N.js';
import { T as TASK_QUEUE_OPTION } from './rollout-session-DkBIH-aE.js';
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
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './state-CvQhWG_v.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import 'node:crypto';
import './temporal-visibility-DuA1Yd36.js';
import './sleep-DCjOWjxt.js';
import './index-DA9XjHXy.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './duration-C-1UD4yS.js';
import 'node:fs';
import './state-dir-Cs_87Ymx.js';
import 'node:path';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import 'node:util';
import './prometheus-DvMyLyGX.js';
import './render-Dl2WZAYd.js';
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

const summary = 'send the running rollout an Update: rollback, promote-now, abort or resume (answers at once)';
const OWN = [
    TASK_QUEUE_OPTION,
    {
        field: 'to',
        arg: 'V',
        help: '(rollback) the once-stable version to restore'
    },
    {
        field: 'reason',
        arg: 'TEXT',
        help: "recorded in the rollout's history (and on terminated runs)"
    },
    {
        field: 'requested-by',
        arg: 'WHO',
        help: 'recorded too'
    }
];
const HELP = rolloutHelp(`usage: temporal-rollout send <rollback|promote-now|abort|resume> [--to V] [--reason TEXT] [options]
  rollback [--to V]         stop the canary (no --to), or make once-stable V stable again; refused, naming the
                            valid versions, when V was never stable. Starts a rollout when none runs.
  promote-now               skip the remaining steps and promote the canary
  abort                     roll the ramping canary back and drop queued releases
  resume                    continue a rollout that holds after an inconclusive analysis
  (--drain-policy applies to rollback: wait | reset | terminate for the canary's open runs)`, OWN);
function main(argv) {
    return runTableCommand(argv, rolloutTable(OWN), HELP, async (values, positionals)=>{
        const [update] = positionals;
        const actions = Object.keys(ACTION_UPDATES);
        if (update !== 'rollback' && !actions.includes(update ?? '')) {
            throw new InputError('update', `"${update ?? ''}" is not one of rollback, ${actions.join(', ')}`, 'see --help');
        }
        const to = versionOf(values, 'to');
        const reason = textOf(values, 'reason');
        const requestedBy = textOf(values, 'requested-by');
        const options = await rolloutOptions(values);
        const { drainPolicy } = overridesOf(values);
        const session = await openController(options, values);
        const who = requestedBy ? {
            requestedBy
        } : {};
        try {
            const taskQueue = textOf(values, 'task-queue');
            const answer = update === 'rollback' ? await sendRollback(session.client, {
                config: options.config,
                reason: reason ?? 'manual rollback',
                ...to ? {
                    to
                } : {},
                ...drainPolicy ? {
                    drainPolicy
                } : {},
                ...who
            }, taskQueue ? {
                taskQueue
            } : {}) : await sendAction(session.client, options.config.app, update, {
                ...reason ? {
                    reason
                } : {},
                ...who
            });
            console.log(switchOf(values, 'json') ? JSON.stringify(answer, null, 2) : `${update}: ${answer.message} (phase ${answer.phase})`);
            return 0;
        } finally{
            await session.close();
        }
    }, true);
}

export { main, summary };

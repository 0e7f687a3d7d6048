import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { A as ACTION_UPDATES } from './rollback-XqUSgOlW.js';
import { b as sendRollback, a as sendAction } from './client-K0wa693y.js';
import { I as InputError } from './errors-Bt1yA7Sc.js';
import { C as CONTROLLER_OPTIONS, o as openController } from './controller-options-D1W6pu9s.js';
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
import './plan-5X8TFR9t.js';
import './queues-BDWPX1q-.js';
import './state-CNe_-Qg9.js';
import './drain-Cq-j2CB-.js';
import './temporal-visibility-CswX_7fa.js';
import 'node:crypto';
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

const summary = 'send the running rollout an Update: rollback, promote-now, abort or resume (answers at once)';
const HELP = `usage: temporal-rollout send <rollback|promote-now|abort|resume> [--to V] [--reason TEXT] [options]
  rollback [--to V]         stop the canary (no --to), or make once-stable V stable again; refused, naming the
                            valid versions, when V was never stable. Starts a rollout when none runs.
  promote-now               skip the remaining steps and promote the canary
  abort                     roll the ramping canary back and drop queued releases
  resume                    continue a rollout that holds after an inconclusive analysis
  --reason TEXT             recorded in the rollout's history (and on terminated runs)
  --requested-by WHO        recorded too
  --drain-policy            (rollback) wait | reset | terminate for the canary's open runs${COMMON_HELP}`;
async function main(argv) {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            ...COMMON_OPTIONS,
            'task-queue': CONTROLLER_OPTIONS['task-queue'],
            to: {
                type: 'string'
            },
            reason: {
                type: 'string'
            },
            'requested-by': {
                type: 'string'
            }
        }
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    const [update] = positionals;
    const actions = Object.keys(ACTION_UPDATES);
    if (update !== 'rollback' && !actions.includes(update ?? '')) {
        throw new InputError('update', `"${update ?? ''}" is not one of rollback, ${actions.join(', ')}`, 'see --help');
    }
    const options = await rolloutOptions(values);
    const session = await openController(options, values);
    const who = values['requested-by'] ? {
        requestedBy: values['requested-by']
    } : {};
    try {
        const taskQueue = values['task-queue'] ? {
            taskQueue: values['task-queue']
        } : {};
        const answer = update === 'rollback' ? await sendRollback(session.client, {
            config: options.config,
            reason: values.reason ?? 'manual rollback',
            ...values.to ? {
                to: values.to
            } : {},
            ...options.drain?.policy ? {
                drainPolicy: options.drain.policy
            } : {},
            ...who
        }, taskQueue) : await sendAction(session.client, options.config.app, update, {
            ...values.reason ? {
                reason: values.reason
            } : {},
            ...who
        });
        console.log(values.json ? JSON.stringify(answer, null, 2) : `${update}: ${answer.message} (phase ${answer.phase})`);
        return 0;
    } finally{
        await session.close();
    }
}

export { main, summary };

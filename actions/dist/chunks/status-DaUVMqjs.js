import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { r as readStatus } from './client-CDdOk1z2.js';
import { d as describeComparison } from './sides-DkRbOhL_.js';
import { c as canaryText, r as routingRows } from './render-Dl2WZAYd.js';
import { s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import { o as openController } from './controller-options-DNV2kKaN.js';
import { r as rolloutTable, a as rolloutHelp, b as rolloutOptions } from './rollout-options-bOOWJf-N.js';
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
import './index-DA9XjHXy.js';
import './errors-Cq3sNBNk.js';
import './sleep-DCjOWjxt.js';
import './rollback-BLxVQd3C.js';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './state-CvQhWG_v.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import 'node:crypto';
import './temporal-visibility-DuA1Yd36.js';
import './markdown-CTU4Idmi.js';
import './escape-regexp-DnhsxoBw.js';
import './duration-C-1UD4yS.js';
import 'node:util';
import './rollout-session-DkBIH-aE.js';
import './prometheus-DvMyLyGX.js';
import '@temporalio/worker';
import 'node:url';
import './analyze-7SMFyqpo.js';
import './prometheus-CCiUSTAb.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './spec-DyleIqiK.js';
import './rollout-open-DyEDTQ3G.js';
import 'node:path';
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

const summary = "print the app's rollout: phase, step, weights, analyses, drain, history";
const HELP = rolloutHelp(`usage: temporal-rollout status [options]
Reads the \`status\` Query of rollout/<app> (app from --config). Exit code 0, or 4 when the app never had one.`);
function formatStatus(status) {
    const lines = [
        `${status.workflowId}: ${status.phase}${status.release ? ` — release ${status.release.version}` : ''}${status.step ? ` at step ${status.step.index}/${status.step.of} (${status.step.weight}%)` : ''}`,
        `  stable: ${status.stable ?? 'none'}; canary: ${canaryText(status.canary)}`,
        ...routingRows(status).map(([what, value])=>`  ${what}: ${value}`)
    ];
    const queue = status.release?.queue;
    if (queue) lines.push(`  task queue: ${queue.orderQueue}, ${queue.paymentQueue} — ${queue.rule}`);
    if (status.hold) lines.push(`  holds since ${status.hold.since}: ${status.hold.reasons.join('; ')}`);
    if (status.drain) {
        const d = status.drain;
        lines.push(`  draining (${d.kind}, ${d.policy}): ${d.openRuns ?? '?'} open run(s) on ${d.label ?? d.leaving} since ${d.since}`);
    }
    if (status.queued) lines.push(`  queued: release ${status.queued.version}`);
    for (const a of status.analyses.slice(-4)){
        lines.push(`  analysis ${a.version} @${a.weight}%: ${a.verdict ?? 'running'} (${a.ticks}/${a.count}) ${a.reasons.join('; ')}`, `    ${describeComparison(a.selectors)}`);
    }
    for (const o of status.outcomes.slice(-4))lines.push(`  ${o.operation} ${o.version}: ${o.result} — ${o.reasons.join('; ')}`);
    for (const e of status.history.slice(-10)){
        lines.push(`  ${e.at} ${e.event}${e.version ? ` ${e.version}` : ''}: ${e.detail}`);
    }
    lines.push(`  history: ${status.historyLength} events in this run, ${status.continuedAsNew} earlier run(s)`);
    return lines.join('\n');
}
function main(argv) {
    return runTableCommand(argv, rolloutTable(), HELP, async (values)=>{
        const options = await rolloutOptions(values);
        const session = await openController(options, {});
        try {
            const status = await readStatus(session.client, options.config.app);
            if (!status) {
                console.error(`no rollout of ${options.config.app} has run in ${session.namespace}`);
                return 4;
            }
            console.log(switchOf(values, 'json') ? JSON.stringify(status, null, 2) : formatStatus(status));
            return 0;
        } finally{
            await session.close();
        }
    });
}

export { formatStatus, main, summary };

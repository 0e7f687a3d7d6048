import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { parseArgs } from 'node:util';
import { r as readStatus } from './client-K0wa693y.js';
import { o as openController } from './controller-options-D1W6pu9s.js';
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
import './index-DA9XjHXy.js';
import './errors-Bt1yA7Sc.js';
import './rollback-XqUSgOlW.js';
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

const summary = "print the app's rollout: phase, step, weights, analyses, drain, history";
const HELP = `usage: temporal-rollout status [options]
Reads the \`status\` Query of rollout/<app> (app from --config). Exit code 0, or 4 when the app never had one.${COMMON_HELP}`;
function formatStatus(status) {
    const lines = [
        `${status.workflowId}: ${status.phase}${status.release ? ` — release ${status.release.version}` : ''}${status.step ? ` at step ${status.step.index}/${status.step.of} (${status.step.weight}%)` : ''}`,
        `  stable: ${status.stable ?? 'none'}; canary: ${status.canary ? `${status.canary.version} at ${status.canary.weight}%` : 'none'}`
    ];
    if (status.routing) lines.push(`  routing: ${status.routing.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ')}`);
    if (status.hold) lines.push(`  holds since ${status.hold.since}: ${status.hold.reasons.join('; ')}`);
    if (status.drain) {
        const d = status.drain;
        lines.push(`  draining (${d.kind}, ${d.policy}): ${d.openRuns ?? '?'} open run(s) on ${d.label ?? d.leaving} since ${d.since}`);
    }
    if (status.queued) lines.push(`  queued: release ${status.queued.version}`);
    for (const a of status.analyses.slice(-4)){
        lines.push(`  analysis ${a.version} @${a.weight}%: ${a.verdict ?? 'running'} (${a.ticks}/${a.count}) ${a.reasons.join('; ')}`);
    }
    for (const o of status.outcomes.slice(-4))lines.push(`  ${o.operation} ${o.version}: ${o.result} — ${o.reasons.join('; ')}`);
    for (const e of status.history.slice(-10)){
        lines.push(`  ${e.at} ${e.event}${e.version ? ` ${e.version}` : ''}: ${e.detail}`);
    }
    lines.push(`  history: ${status.historyLength} events in this run, ${status.continuedAsNew} earlier run(s)`);
    return lines.join('\n');
}
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: COMMON_OPTIONS
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    const options = await rolloutOptions(values);
    const session = await openController(options, {});
    try {
        const status = await readStatus(session.client, options.config.app);
        if (!status) {
            console.error(`no rollout of ${options.config.app} has run in ${session.namespace}`);
            return 4;
        }
        console.log(values.json ? JSON.stringify(status, null, 2) : formatStatus(status));
        return 0;
    } finally{
        await session.close();
    }
}

export { formatStatus, main, summary };

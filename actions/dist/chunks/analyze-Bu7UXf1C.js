import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { r as renderMarkdown, f as fmt } from './sides-DkRbOhL_.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { A as ANALYZE_OPTIONS, a as analyzeRequestOf, r as runAnalysis } from './analyze-Dc3uJJ_U.js';
import { p as prometheusOf } from './prometheus-DvMyLyGX.js';
import { h as helpLines, s as switchOf, t as textOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import './markdown-CTU4Idmi.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './queues-BMU_gztj.js';
import './escape-regexp-DnhsxoBw.js';
import './rollout-file-CfWIW6kC.js';
import './defaults-BsVYh3R2.js';
import './step-loader-CM5iRiBA.js';
import './duration-C-1UD4yS.js';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import 'node:util';

const summary = 'judge a canary from Prometheus metrics: pass | fail | inconclusive';
const HELP = `usage: temporal-rollout analyze --prometheus-url URL --canary VALUE --baseline VALUE [options]
       temporal-rollout analyze --prometheus-url URL --config rollout.yaml --version V --baseline-version V [options]

Measures the checks of rollout.yaml's analysis section (and the built-in Temporal checks) for the canary and
the baseline every interval, and prints the verdict. Given the two versions and no label, two builds on one
task queue are compared by temporal_rollout_build_id on that queue.
Exit code: 0 pass, 1 fail, 3 inconclusive, 2 bad usage or input.

${helpLines(ANALYZE_OPTIONS)}
Credentials come from the environment only: PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD (basic auth) or
PROMETHEUS_TOKEN (bearer); TEMPORAL_API_KEY.`;
const EXIT_CODES = {
    pass: 0,
    fail: 1,
    inconclusive: 3
};
function main(argv) {
    return runTableCommand(argv, ANALYZE_OPTIONS, HELP, async (values)=>{
        const prometheus = prometheusOf(values);
        if (!prometheus) throw new InputError('prometheus-url', 'is required', 'pass the Prometheus base URL');
        const { source } = await analyzeRequestOf(values);
        const json = switchOf(values, 'json');
        const { report, count } = await runAnalysis(values, source, prometheus, {
            ...json ? {} : {
                onTick: (tick, judgement, total)=>{
                    const line = judgement.checks.map((c)=>{
                        const m = c.measurements.at(-1);
                        return `${c.name}=${m ? `${m.phase}${m.canary !== undefined ? `(${fmt(m.canary)})` : ''}` : '-'}`;
                    }).join(' ');
                    console.error(`[${tick}/${total}] ${line}`);
                }
            }
        });
        const reportPath = textOf(values, 'report');
        const summaryPath = textOf(values, 'summary');
        if (reportPath) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        if (summaryPath) await writeFile(summaryPath, renderMarkdown(report));
        if (json) console.log(JSON.stringify(report, null, 2));
        else {
            const by = report.failedSources.length > 0 ? `, failed by ${report.failedSources.join(' and ')}` : '';
            console.log(`verdict: ${report.verdict} (${report.ticks}/${count} measurements${by})`);
            for (const reason of report.reasons)console.log(`  - ${reason}`);
        }
        return EXIT_CODES[report.verdict];
    });
}

export { EXIT_CODES, main, summary };

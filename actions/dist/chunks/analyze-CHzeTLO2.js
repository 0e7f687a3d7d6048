import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { i as info, a as summary, s as setFailed } from './core-almxvjU4.js';
import { r as renderMarkdown } from './sides-DkRbOhL_.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { A as ANALYZE_OPTIONS, a as analyzeRequestOf, r as runAnalysis } from './analyze-Dc3uJJ_U.js';
import { p as prometheusOf } from './prometheus-DvMyLyGX.js';
import { t as textOf } from './table-BWLE4AEh.js';
import { r as runAction, a as readInputs, s as setOutputs } from './io-O1zhRcWl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
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

/**
 * Inputs: see ANALYZE_OPTIONS (actions/analyze/action.yml); temporal-address turns on the Temporal-native
 * workflow-task check.
 * Outputs: verdict, reasons (one line), report (JSON file path). The step fails on `fail` and `inconclusive`
 * after setting the outputs, so the workflow can roll back on `fail` and never promotes without `pass`.
 */ async function runAnalyzeAction() {
    await runAction(async ()=>{
        const values = readInputs(ANALYZE_OPTIONS);
        const prometheus = prometheusOf(values);
        if (!prometheus) throw new InputError('prometheus-url', 'is required', 'pass the Prometheus base URL (a secret)');
        // rollout.yaml is read once: the analysis section, and the queue templates a version becomes queues by.
        const { source } = await analyzeRequestOf(values);
        if (source.baseline === undefined) throw new InputError('baseline', 'is required', 'pass the stable version’s task queues, or its version as ⟨baseline-version⟩ (the canary step outputs it as stable)');
        const { report } = await runAnalysis(values, source, prometheus, {
            onTick: (tick, j, count)=>info(`[${tick}/${count}] ${j.checks.map((c)=>`${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`)
        });
        const reportPath = textOf(values, 'report') ?? 'analysis-report.json';
        await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
        setOutputs({
            verdict: report.verdict,
            reasons: report.reasons.join('; '),
            report: reportPath,
            'failed-sources': report.failedSources.join(',')
        });
        if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderMarkdown(report)).write();
        if (report.verdict === 'fail') setFailed(`canary analysis failed: ${report.reasons.join('; ')}`);
        else if (report.verdict === 'inconclusive') setFailed(`canary analysis inconclusive (no promotion): ${report.reasons.join('; ')}`);
    }, ANALYZE_OPTIONS);
}

export { runAnalyzeAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { i as info, a as summary, s as setFailed } from './core-_FsuVGiA.js';
import { l as loadRolloutConfig } from './rollout-file-BZEGIV8w.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { r as renderMarkdown } from './report-DZdw_OwW.js';
import { D as DEFAULTS } from './defaults-Bu9L1tJ8.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { q as queueName } from './queues-BzXUQGIA.js';
import { A as ANALYZE_FIELDS } from './commands-CqFBZbcc.js';
import { r as runAction, o as optionalInput, d as durationInput, s as secretInput, i as integerInput, a as requiredInput, b as setOutputs } from './io-CJZ0Or7t.js';
import { p as prometheusInputs } from './prometheus-inputs-eqp-Lw25.js';
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
import './duration-D7VXZGjg.js';
import './table-CAmxcAk9.js';

/**
 * Inputs: prometheus-url (secret), prometheus-username + prometheus-password or prometheus-token (secrets),
 * config (rollout.yaml), canary / baseline (label values; canary defaults to the order queue of `version`),
 * selector-label, interval, count, deadline, query-timeout, query-retries, report-path; temporal-address (+ namespace,
 * temporal-api-key, temporal-runs) turns on the Temporal-native workflow-task check.
 * Outputs: verdict, reasons (one line), report (JSON file path). The step fails on `fail` and `inconclusive`
 * after setting the outputs, so the workflow can roll back on `fail` and never promotes without `pass`.
 */ async function runAnalyzeAction() {
    await runAction(async ()=>{
        const prometheus = prometheusInputs();
        if (!prometheus) throw new InputError('input "prometheus-url"', 'is required', 'pass the Prometheus base URL (a secret)');
        const configPath = optionalInput('config');
        // rollout.yaml is read at most once, and only when a version has to be turned into queue names or the
        // namespace comes from it.
        let config;
        const rolloutConfig = (path)=>{
            config ??= loadRolloutConfig(path);
            return config;
        };
        const queuesOf = async (name)=>{
            const version = optionalInput(name);
            if (version === undefined || configPath === undefined) return undefined;
            return queuesOfVersion(await rolloutConfig(configPath), version, name);
        };
        const canary = optionalInput('canary') ?? await queuesOf('version');
        const baseline = optionalInput('baseline') ?? await queuesOf('baseline-version');
        const interval = durationInput('interval') !== undefined ? optionalInput('interval') : undefined;
        const countValue = optionalInput('count');
        const durationText = (name)=>durationInput(name) !== undefined ? optionalInput(name) : undefined;
        const retriesValue = optionalInput('query-retries');
        const temporalAddress = optionalInput('temporal-address');
        const temporalApiKey = secretInput('temporal-api-key');
        const request = {
            configPath,
            canary,
            baseline: baseline ?? requiredInput('baseline', 'pass the stable version’s task queues, or its version as baseline-version (the canary step outputs it as stable)'),
            label: optionalInput('selector-label'),
            interval,
            count: countValue === undefined ? undefined : integerInput('count', 1, {
                min: 1
            }),
            deadline: durationText('deadline'),
            queryTimeout: durationText('query-timeout'),
            queryRetries: retriesValue === undefined ? undefined : integerInput('query-retries', 0, {
                min: 0
            }),
            temporalRuns: optionalInput('temporal-runs')
        };
        // The step (Prometheus and Temporal clients) loads only after the inputs above were read and checked.
        const { analyze, connectAnalysisTemporal, resolveAnalysisSpec, temporalRunsQuery } = await loadStep(()=>import('./analyze-DqW1tBei.js'));
        const spec = await resolveAnalysisSpec(request);
        // A setting that makes the Temporal check impossible is reported before connecting.
        if (temporalAddress && spec.temporal.enabled) temporalRunsQuery(spec);
        const temporal = temporalAddress ? await connectAnalysisTemporal({
            address: temporalAddress,
            namespace: optionalInput('namespace') ?? (configPath ? (await rolloutConfig(configPath)).temporal.namespace : DEFAULTS.namespace),
            apiKey: temporalApiKey
        }) : undefined;
        const report = await analyze({
            prometheus,
            spec,
            ...temporal ? {
                temporal: {
                    client: temporal.client
                }
            } : {},
            onTick: (tick, j)=>info(`[${tick}/${spec.count}] ${j.checks.map((c)=>`${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`)
        }).finally(()=>temporal?.close());
        const reportPath = optionalInput('report-path') ?? 'analysis-report.json';
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
    }, ANALYZE_FIELDS);
}
/** The order and payment task queues of `version` (input `name`), from the queue templates in rollout.yaml. */ function queuesOfVersion(config, version, name) {
    return [
        config.taskQueues.order,
        config.taskQueues.payment
    ].filter((q)=>q !== undefined).map((q)=>queueName(q.template, q.base, version, `input "${name}"`)).join(',');
}

export { runAnalyzeAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { s as setFailed, e as error, w as warning, i as info } from './core-_FsuVGiA.js';
import { b as parseCodecKey } from './history-codec-IIOv7AL3.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { p as parseDuration } from './duration-D7VXZGjg.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { f as failureLine, a as renderMarkdown } from './render-BmyC4Xey.js';
import { g as githubFromInputs, p as pullRequestNumber } from './github-context-CKICjyAQ.js';
import { r as runAction, o as optionalInput, s as secretInput, i as integerInput, e as booleanInput, l as listInput, b as setOutputs, w as writeSummary } from './io-CJZ0Or7t.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:crypto';
import './markdown-CTU4Idmi.js';
import 'node:fs';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';

/**
 * Inputs: histories (globs, one per line), workflows-path or bundle-path, workspace (default "."), temporal-address,
 * temporal-namespace, temporal-tls-cert / -key / -ca (PEM contents, secrets), temporal-tls-server-name,
 * temporal-api-key (secret), live-query, live-limit, codec-key (secret), allow-replay-errors, concurrency,
 * history-timeout, report-path.
 * Outputs: total, passed, failed, report, compatible, deploy (same-queue | new-queue), sdk-version.
 * Each failure is an error annotation on its history file; the job summary holds the table and patch audit.
 */ async function runReplayAction() {
    await runAction(async ()=>{
        const options = replayInputs();
        // The step (and the Temporal client it loads) only after every input was read and checked.
        const { replay } = await loadStep(()=>import('./replay-Bq_OHSMz.js').then(function (n) { return n.a; }));
        const report = await replay(options);
        annotateAndOutput(report);
        await publish(report);
        if (!report.passed) setFailed(`${report.totals.failed} of ${report.totals.total} histories do not replay on the new code (report: ${report.reportPath})`);
    });
}
/** The step's options from the inputs, every input checked before anything runs. */ function replayInputs() {
    const address = optionalInput('temporal-address');
    const apiKey = secretInput('temporal-api-key');
    const cert = secretInput('temporal-tls-cert');
    const key = secretInput('temporal-tls-key');
    const ca = optionalInput('temporal-tls-ca');
    const serverName = optionalInput('temporal-tls-server-name');
    const codecKey = secretInput('codec-key');
    if (!address && (apiKey || cert || optionalInput('live-query'))) throw new InputError('input "temporal-address"', 'is required for a live source', 'set it or drop the live inputs');
    const concurrency = optionalInput('concurrency') ? integerInput('concurrency', 1, {
        min: 1
    }) : undefined;
    const options = {
        workspace: optionalInput('workspace') ?? '.',
        histories: listInput('histories'),
        workflowsPath: optionalInput('workflows-path'),
        bundlePath: optionalInput('bundle-path'),
        live: address ? {
            address,
            namespace: optionalInput('temporal-namespace') ?? 'default',
            ...optionalInput('live-query') ? {
                query: optionalInput('live-query')
            } : {},
            limit: integerInput('live-limit', 100, {
                min: 1
            }),
            ...cert || ca || serverName ? {
                tls: {
                    cert,
                    key,
                    ca,
                    serverName
                }
            } : {},
            ...apiKey ? {
                apiKey
            } : {}
        } : undefined,
        codecKey: codecKey ? parseCodecKey(codecKey, 'input "codec-key"') : undefined,
        allowReplayErrors: booleanInput('allow-replay-errors', false),
        concurrency,
        historyTimeoutMs: parseDuration(optionalInput('history-timeout') ?? '60s', 'input "history-timeout"'),
        reportPath: optionalInput('report-path') ?? 'replay-report.json'
    };
    if (options.histories.length === 0 && !options.live) throw new InputError('input "histories"', 'is empty and no live source is set', 'give history globs');
    return options;
}
/** An error annotation per failed history (on its file), a warning per compatibility warning, the outputs. */ function annotateAndOutput(report) {
    for (const o of report.outcomes){
        if (!o.failure) continue;
        const properties = o.origin === 'file' ? {
            file: o.source,
            title: `Replay: ${o.failure.kind}`
        } : {};
        error(failureLine(o), properties);
    }
    for (const warning$1 of report.compatibility.warnings)warning(warning$1);
    setOutputs({
        total: report.totals.total,
        passed: report.totals.passed,
        failed: report.totals.failed,
        report: report.reportPath ?? undefined,
        compatible: report.compatibility.compatible,
        deploy: report.compatibility.deploy,
        'sdk-version': report.sdk.version
    });
}
/** The same Markdown to the job summary and, on a pull request with a token, to one comment a re-run edits. */ async function publish(report) {
    const markdown = renderMarkdown(report);
    await writeSummary((summary)=>summary.addRaw(markdown));
    const github = await githubFromInputs();
    const pull = pullRequestNumber();
    if (github && pull !== undefined) {
        const comment = await github.upsertPullRequestComment(pull, 'temporal-rollout:replay', markdown);
        info(`${comment.created ? 'commented on' : 'updated the comment on'} pull request #${pull}`);
    }
}

export { runReplayAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { s as setFailed, e as error, w as warning, i as info } from './core-almxvjU4.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { f as failureLine, a as renderMarkdown } from './render-1jlK3wJ3.js';
import { R as REPLAY_OPTIONS, i as inputSecrets, r as replayOptionsOf } from './histories-Bqr9vTTz.js';
import { t as textOf } from './table-BWLE4AEh.js';
import { g as githubFromInputs, p as pullRequestNumber } from './github-context-CiTHl149.js';
import { r as runAction, a as readInputs, s as setOutputs, w as writeSummary } from './io-O1zhRcWl.js';
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
import './verdict-D0aqHdIs.js';
import './history-codec-JxvfVN6M.js';
import 'node:crypto';
import './defaults-BsVYh3R2.js';
import './duration-C-1UD4yS.js';
import './capture-options-BQhg6GSs.js';
import './replay-options-DogIxxOg.js';
import './rollout-schema-BvgejjqT.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:fs';

/**
 * Inputs: see REPLAY_OPTIONS (actions/replay/action.yml), and github-token to comment on the pull request.
 * Outputs: total, passed, failed, report, compatible, deploy (same-queue | new-queue), sdk-version.
 * Each failure is an error annotation on its history file; the job summary holds the table and patch audit.
 */ async function runReplayAction() {
    await runAction(async ()=>{
        const options = replayInputs(readInputs(REPLAY_OPTIONS));
        // The step (and the Temporal client it loads) only after every input was read and checked.
        const { replay } = await loadStep(()=>import('./replay-V9QJMg6A.js').then(function (n) { return n.a; }));
        const report = await replay(options);
        annotateAndOutput(report);
        await publish(report);
        if (!report.passed) setFailed(`${report.totals.failed} of ${report.totals.total} histories do not replay on the new code (report: ${report.reportPath})`);
    }, REPLAY_OPTIONS);
}
/** The step's options from the inputs, every input checked before anything runs. */ function replayInputs(values) {
    const secrets = inputSecrets(values);
    if (!textOf(values, 'temporal-address') && (secrets.apiKey || secrets.tls.cert || textOf(values, 'live-query'))) throw new InputError('temporal-address', 'is required for a live source', 'set it or drop the live inputs');
    return replayOptionsOf(values, secrets);
}
/**
 * An error annotation per failed history (on its file), a warning per compatibility warning, a log line per skipped
 * live run with its reason, the outputs.
 */ function annotateAndOutput(report) {
    for (const o of report.outcomes){
        if (!o.failure) continue;
        const properties = o.origin === 'file' ? {
            file: o.source,
            title: `Replay: ${o.failure.kind}`
        } : {};
        error(failureLine(o), properties);
    }
    for (const warning$1 of report.compatibility.warnings)warning(warning$1);
    for (const run of report.skipped)info(`skipped ${run.source} (${run.workflowType}): ${run.reason}`);
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

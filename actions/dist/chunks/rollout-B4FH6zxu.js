import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info, s as setFailed, w as warning } from './core-almxvjU4.js';
import { d as describeDrain } from './drain-Cq-j2CB-.js';
import { s as sleep } from './sleep-DCjOWjxt.js';
import { d as resultHeadline, e as resultRows } from './render-Dl2WZAYd.js';
import { R as ROLLOUT_OPTIONS, r as rolloutSetup } from './rollout-Bx7AR7l9.js';
import { g as githubFromInputs, a as recordDeployment, d as deploymentEnvironment } from './github-context-CiTHl149.js';
import { r as runAction, a as readInputs, s as setOutputs, w as writeSummary } from './io-O1zhRcWl.js';

// Actions glue shared by the canary, promote, rollback and release actions: inputs → rollout options, result →
// outputs and job summary.
/** A rollout action's inputs: its own, then the shared ones (see actions/<step>/action.yml). */ function rolloutTable(own = []) {
    return [
        ...own,
        ...ROLLOUT_OPTIONS
    ];
}
/** Runs a rollout action: its errors name the inputs of `own` and the shared rollout inputs. */ function runRolloutAction(own, body) {
    const table = rolloutTable(own);
    return runAction(()=>body(readInputs(table)), table);
}
/**
 * The shared rollout inputs, all checked before anything loads the Temporal client or connects; the GitHub API
 * when `github-token` is set.
 */ async function rolloutInputs(values) {
    const apiKey = typeof values['temporal-api-key'] === 'string' ? values['temporal-api-key'] : undefined;
    const { options, overrides } = await rolloutSetup(values, {
        ...apiKey ? {
            apiKey
        } : {},
        log: (line)=>info(line)
    });
    const github = await githubFromInputs();
    return {
        options: overrides.deployer ? {
            ...options,
            deployer: overrides.deployer
        } : options,
        overrides,
        ...github ? {
            github
        } : {}
    };
}
/**
 * Outputs: outcome (done | unchanged | waiting), stable, canary, weight, phase, routing (JSON), queue and
 * queue-rule (canary: where the new release polls and which rule chose it), result (JSON).
 * A drain still waiting fails the step after the outputs are set: the job must be re-run to finish, and
 * nothing after it may assume the rollout moved on.
 */ async function reportResult(result, github) {
    setOutputs({
        outcome: result.outcome,
        stable: result.stable ?? '',
        canary: result.canary?.version ?? '',
        weight: result.canary?.weight ?? 0,
        phase: result.phase,
        routing: JSON.stringify(result.routing ?? result.versioning ?? {}),
        queue: result.queue?.orderQueue ?? '',
        'queue-rule': result.queue?.rule ?? '',
        result: JSON.stringify(result)
    });
    if (github) await recordOnGitHub(github, result);
    info(resultHeadline(result));
    for (const action of result.actions)info(`  - ${action}`);
    await writeSummary((summary)=>{
        summary.addHeading(`${result.step}: ${result.outcome}`, 3).addRaw(`<p>${escapeHtml(result.message)}</p>`, true);
        const rows = resultRows(result);
        summary.addTable([
            [
                {
                    data: 'what',
                    header: true
                },
                {
                    data: 'value',
                    header: true
                }
            ],
            ...rows.map((r)=>r.map(escapeHtml))
        ]);
        if (result.actions.length > 0) summary.addList(result.actions.map(escapeHtml));
        return summary;
    });
    if (result.outcome === 'waiting') {
        setFailed(`${result.message}${result.drain ? ` (${describeDrain(result.drain)})` : ''}`);
    }
}
/**
 * A routed request: the step's result as above, or — when the rollout workflow took it as an Update — its
 * answer: outputs outcome (accepted), phase, workflow-id, and a summary that says the workflow carries it out.
 */ async function reportRouted(routed, app, github) {
    if (routed.via === 'step') return reportResult(routed.result, github);
    const { answer } = routed;
    const workflowId = `rollout/${app}`;
    setOutputs({
        outcome: 'accepted',
        phase: answer.phase,
        'workflow-id': workflowId,
        result: JSON.stringify(answer)
    });
    info(`${workflowId} accepted: ${answer.message} (phase ${answer.phase})`);
    await writeSummary((summary)=>summary.addHeading(`${workflowId}: accepted`, 3).addRaw(`<p>${escapeHtml(answer.message)}</p>`, true).addRaw(`<p>Phase ${escapeHtml(answer.phase)}${answer.version ? `, release ${escapeHtml(answer.version)}` : ''}. The rollout workflow carries it out; the release job, or its <code>status</code> Query, shows how far it got.</p>`, true));
}
/** Tries to record a deployment this many times before it warns; the deploy itself already happened. */ const RECORD_ATTEMPTS = 3;
/**
 * The deploy's result stands whatever GitHub says: recording it is retried, and a record that still fails
 * becomes a warning naming what is missing, never a failed step (the canary is live either way).
 */ async function recordOnGitHub(github, result, pauseMs = 1_000) {
    const record = {
        step: result.step,
        outcome: result.outcome,
        message: result.message,
        version: result.canary?.version ?? result.stable
    };
    let last;
    for(let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++){
        try {
            const id = await recordDeployment(github, record);
            info(`recorded as GitHub deployment ${id}`);
            return;
        } catch (err) {
            last = err;
            if (attempt < RECORD_ATTEMPTS) await sleep(pauseMs * attempt);
        }
    }
    warning(`${result.step} ${result.outcome}: ${result.message} — but the GitHub deployment record for environment "${deploymentEnvironment(record)}"${record.version ? ` (${record.version})` : ''} is missing: ${RECORD_ATTEMPTS} attempts failed (${last.message}). The rollout itself is unaffected; re-run the step to record it.`);
}
function escapeHtml(text) {
    return text.replace(/[&<>]/g, (c)=>({
            '&': '&amp;',
            '<': '&lt;',
            '>': '&gt;'
        })[c] ?? c);
}

export { rolloutInputs as a, reportRouted as b, runRolloutAction as r };

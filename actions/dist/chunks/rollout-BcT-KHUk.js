import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info, s as setFailed, w as warning } from './core-_FsuVGiA.js';
import { l as loadRolloutConfig } from './rollout-file-Bg_PcTF3.js';
import { d as describeDrain } from './drain-Cq-j2CB-.js';
import { c as checkRolloutOptions } from './rollout-check-CDKwOflw.js';
import { g as githubFromInputs, a as recordDeployment, d as deploymentEnvironment } from './github-context-CbOeuA3R.js';
import { o as optionalInput, c as choiceInput, s as secretInput, d as durationInput, k as keyValueInput, i as integerInput, b as setOutputs, w as writeSummary } from './io-DI8b1qRw.js';

// Actions glue shared by the canary, promote and rollback actions: inputs → rollout options, result →
// outputs and job summary.
/**
 * Inputs every rollout action shares (see actions/<step>/action.yml), all checked before anything loads the
 * Temporal client or connects; the GitHub API when `github-token` is set.
 */ async function rolloutInputs() {
    const config = await loadRolloutConfig(optionalInput('config') ?? 'rollout.yaml');
    const strategy = choiceInput('strategy', [
        'task-queue',
        'worker-versioning'
    ]);
    if (strategy) config.strategy.type = strategy;
    const apiKey = secretInput('temporal-api-key');
    const policy = choiceInput('drain-policy', [
        'wait',
        'reset',
        'terminate'
    ]);
    const timeoutMs = durationInput('drain-timeout');
    const deployer = choiceInput('deployer', [
        'local',
        'helm'
    ]);
    const behavior = choiceInput('versioning-behavior', [
        'PINNED',
        'AUTO_UPGRADE'
    ]);
    const kubeconfig = optionalInput('kubeconfig');
    const workerEnv = keyValueInput('worker-env');
    const address = optionalInput('temporal-address');
    const namespace = optionalInput('namespace');
    const stateDir = optionalInput('state-dir');
    const kubeContext = optionalInput('kube-context');
    const helmNamespace = optionalInput('helm-namespace');
    const replicas = optionalInput('replicas') === undefined ? undefined : integerInput('replicas', 1, {
        min: 1
    });
    const options = {
        config,
        ...replicas !== undefined ? {
            replicas
        } : {},
        ...deployer ? {
            deployer
        } : {},
        ...address ? {
            temporalAddress: address
        } : {},
        ...namespace ? {
            namespace
        } : {},
        ...apiKey ? {
            apiKey
        } : {},
        ...stateDir ? {
            stateDir
        } : {},
        ...Object.keys(workerEnv).length > 0 ? {
            workerEnv
        } : {},
        ...behavior ? {
            versioningBehavior: behavior
        } : {},
        ...policy || timeoutMs !== undefined ? {
            drain: {
                ...policy ? {
                    policy
                } : {},
                ...timeoutMs !== undefined ? {
                    timeoutMs
                } : {}
            }
        } : {},
        ...kubeconfig ? {
            helm: {
                binary: optionalInput('helm') ?? 'helm',
                kubectl: optionalInput('kubectl') ?? 'kubectl',
                kubeconfig,
                ...helmNamespace ? {
                    namespace: helmNamespace
                } : {},
                ...kubeContext ? {
                    kubeContext
                } : {}
            }
        } : {},
        log: (line)=>info(line)
    };
    await checkRolloutOptions(options, {
        stateDir: 'input "state-dir"',
        kubeconfig: 'input "kubeconfig"'
    });
    const github = await githubFromInputs();
    return {
        options,
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
    info(`${result.step}: ${result.outcome} — ${result.message}`);
    for (const action of result.actions)info(`  - ${action}`);
    await writeSummary((summary)=>{
        summary.addHeading(`${result.step}: ${result.outcome}`, 3).addRaw(`<p>${escapeHtml(result.message)}</p>`, true);
        const rows = [
            [
                'strategy',
                result.strategy
            ],
            [
                'stable',
                result.stable ?? 'none'
            ],
            [
                'canary',
                result.canary ? `${result.canary.version} at ${result.canary.weight}%` : 'none'
            ],
            [
                'phase',
                result.phase
            ]
        ];
        if (result.queue) rows.push([
            'queue',
            `${result.queue.orderQueue} — ${result.queue.rule}`
        ]);
        if (result.routing) rows.push([
            'routing',
            result.routing.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ')
        ]);
        if (result.versioning) {
            rows.push([
                'versioning',
                `current ${result.versioning.current ?? 'unversioned'}${result.versioning.ramping ? `, ramping ${result.versioning.ramping} at ${result.versioning.percent}%` : ''}`
            ]);
        }
        if (result.gate) rows.push([
            'gate',
            `${result.gate.completed}/${result.gate.started} completed`
        ]);
        if (result.drain) rows.push([
            'drain',
            describeDrain(result.drain)
        ]);
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
            if (attempt < RECORD_ATTEMPTS) await new Promise((r)=>setTimeout(r, pauseMs * attempt));
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

export { reportRouted as a, rolloutInputs as r };

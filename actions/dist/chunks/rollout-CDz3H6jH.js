import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info, s as setFailed } from './core-BZnLh8et.js';
import { l as loadRolloutConfig } from './rollout-file-oEve-ZG0.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { i as describeDrain } from './rollout-open-DWEOXBTr.js';
import { r as recordDeployment } from './github-context-BW5jCzt-.js';
import { o as optionalInput, s as secretInput, d as durationInput, l as listInput, n as numberInput, b as setOutputs, w as writeSummary } from './io-CVYvg4SM.js';

// Actions glue shared by the canary, promote and rollback actions: inputs → rollout options, result →
// outputs and job summary.
function choice(name, allowed) {
    const value = optionalInput(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(value)) {
        throw new InputError(`input "${name}"`, `"${value}" is not one of ${allowed.join(', ')}`, `use ${allowed.join(' or ')}`);
    }
    return value;
}
/** Inputs every rollout action shares (see actions/<step>/action.yml). */ async function rolloutInputs() {
    const config = await loadRolloutConfig(optionalInput('config') ?? 'rollout.yaml');
    const strategy = choice('strategy', [
        'task-queue',
        'worker-versioning'
    ]);
    if (strategy) config.strategy.type = strategy;
    const apiKey = secretInput('temporal-api-key');
    const policy = choice('drain-policy', [
        'wait',
        'reset',
        'terminate'
    ]);
    const timeoutMs = durationInput('drain-timeout');
    const deployer = choice('deployer', [
        'local',
        'helm'
    ]);
    const behavior = choice('versioning-behavior', [
        'PINNED',
        'AUTO_UPGRADE'
    ]);
    const kubeconfig = optionalInput('kubeconfig');
    const workerEnv = {};
    for (const pair of listInput('worker-env')){
        const at = pair.indexOf('=');
        if (at < 1) throw new InputError('input "worker-env"', `"${pair}" is not KEY=VALUE`);
        workerEnv[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const address = optionalInput('temporal-address');
    const namespace = optionalInput('namespace');
    const stateDir = optionalInput('state-dir');
    const kubeContext = optionalInput('kube-context');
    const helmNamespace = optionalInput('helm-namespace');
    const replicas = optionalInput('replicas') === undefined ? undefined : numberInput('replicas', 1, {
        min: 1
    });
    return {
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
}
/**
 * Outputs: outcome (done | unchanged | waiting), stable, canary, weight, phase, routing (JSON), queue and
 * queue-rule (canary: where the new release polls and which rule chose it), result (JSON).
 * A drain still waiting fails the step after the outputs are set: the job must be re-run to finish, and
 * nothing after it may assume the rollout moved on.
 */ async function reportResult(result) {
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
    const deployment = await recordDeployment({
        step: result.step,
        outcome: result.outcome,
        message: result.message,
        version: result.canary?.version ?? result.stable
    });
    if (deployment !== undefined) info(`recorded as GitHub deployment ${deployment}`);
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
function escapeHtml(text) {
    return text.replace(/[&<>]/g, (c)=>({
            '&': '&amp;',
            '<': '&lt;',
            '>': '&gt;'
        })[c] ?? c);
}

export { reportResult as a, rolloutInputs as r };

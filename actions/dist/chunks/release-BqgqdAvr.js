import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { i as info, n as notice, w as warning, s as setFailed } from './core-almxvjU4.js';
import { R as ROLLOUT_TASK_QUEUE } from './rollback-BLxVQd3C.js';
import { r as releaseAskedOf, a as attachRelease, j as jobEndOf, R as RELEASE_OPTIONS } from './release-BaQQNANB.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { p as prometheusOf } from './prometheus-DvMyLyGX.js';
import { o as openRolloutSession, b as bundleWorkflowsAt } from './rollout-session-DkBIH-aE.js';
import { r as requester, b as runUrl } from './github-context-CiTHl149.js';
import { o as optionalInput, s as setOutputs, w as writeSummary } from './io-O1zhRcWl.js';
import { a as renderChart } from './sides-DkRbOhL_.js';
import { r as runRolloutAction, a as rolloutInputs } from './rollout-B4FH6zxu.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './index-Die7_PD0.js';
import './index-minimal-Bp1UdQBh.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'process';
import 'tls';
import 'net';
import 'stream';
import 'zlib';
import 'http2';
import 'http';
import 'url';
import 'dns';
import 'util';
import './index-BKk9e40y.js';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'node:module';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './state-CvQhWG_v.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import 'node:crypto';
import './temporal-visibility-DuA1Yd36.js';
import './sleep-DCjOWjxt.js';
import 'node:os';
import './client-CDdOk1z2.js';
import './index-DA9XjHXy.js';
import './table-BWLE4AEh.js';
import './duration-C-1UD4yS.js';
import './rollout-Bx7AR7l9.js';
import './rollout-file-CfWIW6kC.js';
import 'node:fs/promises';
import './defaults-BsVYh3R2.js';
import './state-dir-Cs_87Ymx.js';
import './replay-deploy-CL7Vuhcl.js';
import './verdict-D0aqHdIs.js';
import '@temporalio/worker';
import 'node:url';
import './analyze-7SMFyqpo.js';
import './prometheus-CCiUSTAb.js';
import './spec-DyleIqiK.js';
import './rollout-open-DyEDTQ3G.js';
import './helm-5FlJdf2v.js';
import './kubernetes-api-BrNn2NrW.js';
import './child-env-Cy3YPh8N.js';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import './escape-regexp-DnhsxoBw.js';
import 'node:net';
import 'constants';
import './markdown-CTU4Idmi.js';
import './render-Dl2WZAYd.js';

// The release as one GitHub deployment of the commit, whose status follows the rollout: in_progress through
// the ramp and the drain, success once promoted (or installed), failure when rolled back, aborted or failed,
// inactive when a newer release superseded it. A status is written only when it says something new.
const OUTCOME_STATE = {
    installed: 'success',
    promoted: 'success',
    unchanged: 'success',
    restored: 'success',
    'rolled-back': 'failure',
    aborted: 'failure',
    failed: 'failure',
    superseded: 'inactive'
};
/** The status a rollout's state maps to, for `version`. */ function deploymentStatusOf(status, version, outcome) {
    if (outcome) return {
        state: OUTCOME_STATE[outcome.result],
        description: `${outcome.result}: ${outcome.reasons.join('; ')}`
    };
    const step = status.step ? ` (step ${status.step.index}/${status.step.of})` : '';
    switch(status.phase){
        case 'canary':
        case 'analyzing':
        case 'paused':
            return {
                state: 'in_progress',
                description: `${version}: ${status.phase} at ${status.canary?.weight ?? status.step?.weight ?? 0}%${step}`
            };
        case 'held':
            return {
                state: 'in_progress',
                description: `${version}: held for a person — ${status.hold?.reasons.join('; ') ?? ''}`
            };
        case 'promoting':
        case 'rolling-back':
            return {
                state: 'in_progress',
                description: `${version}: ${status.phase}, ${status.drain?.openRuns ?? '?'} open run(s) on ${status.drain?.leaving ?? 'the old release'} draining`
            };
        default:
            return {
                state: 'in_progress',
                description: `${version}: ${status.phase}`
            };
    }
}
class ReleaseDeployment {
    constructor(github, deployment){
        this.github = github;
        this.deployment = deployment;
        this.recorded = [];
        this.last = '';
    }
    /** Writes the status `status` maps to, when it differs from the last one written. */ async follow(status, outcome) {
        const { state, description } = deploymentStatusOf(status, this.deployment.version, outcome);
        await this.record(state, description);
    }
    async record(state, description) {
        const key = `${state} ${description}`;
        if (key === this.last) return;
        this.last = key;
        this.recorded.push({
            environment: this.deployment.environment,
            state,
            description
        });
        if (!this.github) return;
        if (this.id === undefined) {
            const { environment, version, ref } = this.deployment;
            this.id = (await this.github.createDeployment({
                ref,
                environment,
                description: `release ${version}`,
                payload: {
                    step: 'release',
                    version
                },
                productionEnvironment: environment === 'production'
            })).id;
        }
        await this.github.setDeploymentStatus(this.id, state, {
            description,
            ...this.deployment.logUrl ? {
                logUrl: this.deployment.logUrl
            } : {}
        });
    }
}

// The release job's summary: where the rollout stands, every ramp step's analysis with its charts, the
// GitHub deployment statuses the job recorded, and the rollout's recent history.
const VERDICT_ICON = {
    pass: '✅',
    fail: '❌',
    inconclusive: '⚠️'
};
function cell(text) {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
function analysisSection(analysis) {
    const verdict = analysis.verdict ? `${VERDICT_ICON[analysis.verdict]} ${analysis.verdict}` : '⏳ running';
    const { label, rule } = analysis.selectors;
    const by = label ? ` by \`${label}\`` : '';
    const lines = [
        `### Step ${analysis.step} (${analysis.weight}%): ${verdict}`,
        '',
        `${analysis.version}: canary \`${analysis.selectors.canary}\` against baseline \`${analysis.selectors.baseline}\`${by}, ${analysis.ticks} of ${analysis.count} measurements.`,
        '',
        ...rule ? [
            `Selector: ${cell(rule)}.`,
            ''
        ] : [],
        ...analysis.reasons.map((reason)=>`- ${cell(reason)}`)
    ];
    if (analysis.checks.length > 0) {
        lines.push('', '| check | phase | last canary | last baseline |', '|---|---|---|---|');
        for (const check of analysis.checks){
            const last = check.measurements.at(-1);
            lines.push(`| ${cell(check.name)} | ${check.phase} | ${last?.canary ?? '—'} | ${last?.baseline ?? '—'} |`);
        }
    }
    for (const check of analysis.checks){
        const chart = renderChart(check);
        if (chart) lines.push('', chart);
    }
    return lines;
}
/** Markdown for GITHUB_STEP_SUMMARY. */ function renderReleaseSummary(input) {
    const { status, outcome } = input;
    const title = outcome ? outcome.result : status?.phase ?? 'unknown';
    const lines = [
        `## Release ${input.version}: ${title}`,
        ''
    ];
    if (outcome) lines.push(...outcome.reasons.map((reason)=>`- ${cell(reason)}`), '');
    lines.push(`> ${cell(input.message)}`, '');
    if (input.replay) lines.push(`Replay gate: \`${input.replay}\`.`, '');
    if (status) {
        const rows = [
            [
                'workflow',
                status.workflowId
            ],
            [
                'phase',
                status.phase
            ],
            [
                'stable',
                status.stable ?? 'none'
            ],
            [
                'canary',
                status.canary ? `${status.canary.version} at ${status.canary.weight}%` : 'none'
            ]
        ];
        const queue = status.release?.version === input.version ? status.release.queue : undefined;
        if (queue) rows.push([
            'task queue',
            `${queue.orderQueue}, ${queue.paymentQueue} — ${queue.rule}`
        ]);
        if (status.step) rows.push([
            'ramp step',
            `${status.step.index} of ${status.step.of} (${status.step.weight}%)`
        ]);
        if (status.routing) rows.push([
            'routing',
            status.routing.routes.map((r)=>`${r.taskQueue}=${r.weight}`).join(', ')
        ]);
        if (status.versioning) {
            const v = status.versioning;
            rows.push([
                'versioning',
                `current ${v.current ?? 'unversioned'}${v.ramping ? `, ramping ${v.ramping} at ${v.percent}%` : ''}`
            ]);
        }
        if (status.drain) {
            const d = status.drain;
            rows.push([
                'drain',
                `${d.kind}: ${d.openRuns ?? '?'} open run(s) on ${d.leaving ?? 'the old release'}${d.label ? ` (${d.label})` : ''}, ${d.polls} count(s) since ${d.since}`
            ]);
        }
        if (status.hold) rows.push([
            'held',
            status.hold.reasons.join('; ')
        ]);
        if (status.queued) rows.push([
            'queued',
            `release ${status.queued.version}`
        ]);
        rows.push([
            'history',
            `${status.historyLength} events in this run, ${status.continuedAsNew} run(s) before`
        ]);
        lines.push('| what | value |', '|---|---|', ...rows.map(([k, v])=>`| ${k} | ${cell(v)} |`), '');
        for (const analysis of status.analyses.filter((a)=>a.version === input.version)){
            lines.push(...analysisSection(analysis), '');
        }
    }
    if (input.deployments.length > 0) {
        lines.push('### Deployment statuses', '', '| environment | state | description |', '|---|---|---|');
        for (const d of input.deployments)lines.push(`| ${d.environment} | ${d.state} | ${cell(d.description)} |`);
        lines.push('');
    }
    if (status && status.history.length > 0) {
        lines.push('<details><summary>Rollout history</summary>', '', '| # | at | event | version | detail |');
        lines.push('|---|---|---|---|---|');
        for (const e of status.history.slice(-50))lines.push(`| ${e.seq} | ${e.at} | ${e.event} | ${e.version ?? ''} | ${cell(e.detail)} |`);
        lines.push('', '</details>', '');
    }
    return lines.join('\n');
}

// The release action: hand the release to the rollout workflow (start or attach), run the rollout worker here
// while attached, stream the rollout into the log, record it as a GitHub deployment, and write the job
// summary. Outputs and failure follow how the job left the rollout.
/**
 * Inputs: see RELEASE_OPTIONS and the shared rollout inputs (actions/release/action.yml); environment and
 * github-token record the release as a GitHub deployment.
 * Outputs: outcome, workflow-id, phase, stable, canary, weight, status (JSON).
 */ async function runReleaseAction() {
    await runRolloutAction(RELEASE_OPTIONS, async (values)=>{
        const asked = releaseAskedOf(values);
        const { options, github } = await rolloutInputs(values);
        const request = asked.requestFor(options, requester());
        const prometheus = prometheusOf(values);
        const taskQueue = asked.taskQueue ?? ROLLOUT_TASK_QUEUE;
        const logUrl = runUrl();
        const deployment = new ReleaseDeployment(github, {
            ref: process.env.GITHUB_SHA ?? 'HEAD',
            environment: optionalInput('environment') ?? 'production',
            version: request.version,
            ...logUrl ? {
                logUrl
            } : {}
        });
        const { version, replayDeploy } = request;
        if (replayDeploy) info(`replay gate: ${replayDeploy} (it chooses the release's task queue)`);
        const session = await openRolloutSession(options, {
            taskQueue,
            ...prometheus ? {
                prometheus
            } : {},
            ...await toolkitWorkflowBundle()
        });
        let result;
        try {
            await deployment.record('in_progress', `release ${version} handed to rollout/${options.config.app}`);
            result = await attachRelease({
                client: session.client,
                namespace: session.namespace,
                taskQueue,
                ...asked.maxWaitMs ? {
                    maxWaitMs: asked.maxWaitMs
                } : {},
                startWorker: (identity)=>session.startWorker(identity),
                log: (line)=>info(line),
                request
            });
        } finally{
            await session.close();
        }
        const { status, end, message } = result;
        const outcome = end.kind === 'outcome' ? end.outcome : undefined;
        if (status) await deployment.follow(status, outcome);
        setOutputs({
            outcome: outcome?.result ?? end.kind,
            'workflow-id': status?.workflowId ?? `rollout/${options.config.app}`,
            phase: status?.phase ?? '',
            stable: status?.stable ?? '',
            canary: status?.canary?.version ?? '',
            weight: status?.canary?.weight ?? 0,
            status: JSON.stringify(status ?? {})
        });
        await writeSummary((summary)=>summary.addRaw(renderReleaseSummary({
                version,
                status,
                outcome,
                message,
                ...replayDeploy ? {
                    replay: replayDeploy
                } : {},
                deployments: deployment.recorded
            }), true));
        const report = {
            error: setFailed,
            warning: warning,
            notice: notice,
            info: info
        };
        report[jobEndOf(end).level](message);
    });
}
/**
 * The rollout workflow's code for the worker. The bundled action (actions/dist/release.js in a checkout of the
 * toolkit) has it beside it as one module (actions/dist/rollout-workflows.js, `npm run bundle`), which the SDK
 * bundles with the toolkit's @temporalio/workflow; run from source, the worker bundles the sources itself.
 */ async function toolkitWorkflowBundle() {
    const entry = process.argv[1];
    if (!entry) return {};
    if (!entry.includes(join('actions', 'dist'))) return {};
    const module = join(dirname(entry), 'rollout-workflows.js');
    if (!existsSync(module)) {
        throw new InputError(module, 'is missing from the toolkit checkout: the rollout worker has no workflow code to run', 'check out a toolkit ref whose actions/dist was built by `npm run bundle` (a release tag is)');
    }
    return {
        workflowBundle: await bundleWorkflowsAt(module)
    };
}

export { runReleaseAction };

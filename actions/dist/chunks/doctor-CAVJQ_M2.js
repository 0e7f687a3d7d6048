import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { loadRolloutConfig } from './rollout-file-CfWIW6kC.js';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { o as outputFlags, t as textOf, m as durationOf, g as parseChoice } from './table-BWLE4AEh.js';
import { R as ROLLOUT_OPTIONS, b as applyOverrides } from './rollout-Bx7AR7l9.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, relative } from 'node:path';
import { r as replay, g as glob } from './replay-V9QJMg6A.js';
import { K as KubernetesApiError, k as kubernetesApi } from './kubernetes-api-BrNn2NrW.js';
import { H as Helm, v as versionRunBy, d as deployedRevision, C as ConfigMapStateStore, F as FileStateStore } from './helm-5FlJdf2v.js';
import { c as parseHistoryText } from './history-codec-JxvfVN6M.js';
import { P as PrometheusClient } from './prometheus-CCiUSTAb.js';
import { f as formatDuration } from './duration-C-1UD4yS.js';
import { e as escapeRegExp } from './escape-regexp-DnhsxoBw.js';
import { p as parseManifest } from './manifest-BHc6sclr.js';
import { f as failureLine } from './render-1jlK3wJ3.js';
import { createConnection } from 'node:net';
import { p as proto } from './index-DA9XjHXy.js';
import { connectLive } from './temporal-histories-BbsGWPUy.js';
import { T as TEMPORAL_TLS_OPTIONS } from './histories-Bqr9vTTz.js';
import { P as PROMETHEUS_AUTH_OPTIONS, a as prometheusUrlOption, p as prometheusOf } from './prometheus-DvMyLyGX.js';

// The doctor's checklist: each check says pass / warn / fail with what it saw and the fix; `skip` marks a check
// that does not apply to this rollout (e.g. Kubernetes under the local deployer) and never changes the verdict.
const pass = (seen)=>({
        status: 'pass',
        seen
    });
const warn = (seen, fix)=>({
        status: 'warn',
        seen,
        fix
    });
const fail = (seen, fix)=>({
        status: 'fail',
        seen,
        fix
    });
const skip = (seen)=>({
        status: 'skip',
        seen
    });
function overall(checks) {
    if (checks.some((c)=>c.status === 'fail')) return 'fail';
    if (checks.some((c)=>c.status === 'warn')) return 'warn';
    return 'pass';
}
function countStatuses(checks) {
    const counts = {
        pass: 0,
        warn: 0,
        fail: 0,
        skip: 0
    };
    for (const check of checks)counts[check.status]++;
    return counts;
}
/** 0 every check passed (or was skipped), 1 any failed, 3 warnings only. */ function exitCodeOf(status) {
    return status === 'fail' ? 1 : status === 'warn' ? 3 : 0;
}
const MARK = {
    pass: 'PASS',
    warn: 'WARN',
    fail: 'FAIL',
    skip: 'SKIP'
};
const ICON = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    skip: '➖'
};
function tally(report) {
    const { pass: p, warn: w, fail: f, skip: s } = report.counts;
    return `${p} passed, ${w} warning(s), ${f} failed${s ? `, ${s} skipped` : ''}`;
}
/** The terminal checklist. */ function renderText(report) {
    const lines = [];
    let group;
    for (const check of report.checks){
        if (check.group !== group) {
            group = check.group;
            lines.push(`${group}:`);
        }
        lines.push(`  ${MARK[check.status]} ${check.id}: ${check.title} — ${check.seen}`);
        if (check.fix) lines.push(`       fix: ${check.fix}`);
    }
    lines.push('', `doctor: ${report.status} (${tally(report)})`);
    return lines.join('\n');
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** The job summary. */ function renderMarkdown(report) {
    const lines = [
        `## temporal-rollout doctor: ${ICON[report.status]} ${report.status}`,
        '',
        tally(report),
        '',
        '| | check | what was seen | fix |',
        '|---|---|---|---|'
    ];
    for (const check of report.checks){
        lines.push(`| ${ICON[check.status]} | \`${check.id}\` ${cell(check.title)} | ${cell(check.seen)} | ${cell(check.fix ?? '')} |`);
    }
    return `${lines.join('\n')}\n`;
}

/** Caches one async read for every check that needs it. */ function once(load) {
    let value;
    return ()=>{
        value ??= load();
        return value;
    };
}

/** `verb group/resource in ns` for messages. */ function describeAccess(q) {
    const resource = q.group ? `${q.resource}.${q.group}` : q.resource;
    return `${q.verb} ${resource} ${q.namespace ? `in ${q.namespace}` : 'cluster-wide'}`;
}
/** Asks the API server whether the current identity may do each thing (SelfSubjectAccessReviews). */ async function reviewAccess(api, questions) {
    const allowed = await api.reviewAccess(questions);
    return questions.map((q, i)=>({
            ...q,
            allowed: allowed[i] === true
        }));
}
/** A namespace's labels; undefined when it does not exist, `forbidden` when this identity may not read it. */ async function namespaceLabels(api, name) {
    try {
        return await api.namespaceLabels(name);
    } catch (error) {
        if (error instanceof KubernetesApiError && error.status === 403) return 'forbidden';
        throw error;
    }
}

const ENFORCED = [
    'baseline',
    'restricted'
];
/**
 * What the pipeline does in the releases' namespace (the chart's deploy Role, templates/deploy-rbac.yaml).
 * Secrets only under Helm's secret driver: with the configmap driver (the default) the Role has none.
 */ function neededAccess(namespace, driver = 'configmap') {
    const rw = [
        'get',
        'list',
        'create',
        'update',
        'patch',
        'delete'
    ];
    const readOnly = [
        'get',
        'list',
        'watch'
    ];
    const grants = [
        // Helm's release records (HELM_DRIVER), routing and the rollout state.
        ...driver === 'secret' ? [
            [
                '',
                'secrets',
                rw
            ]
        ] : [],
        [
            '',
            'configmaps',
            rw
        ],
        [
            '',
            'services',
            rw
        ],
        [
            '',
            'serviceaccounts',
            rw
        ],
        [
            'apps',
            'deployments',
            rw
        ],
        [
            'apps',
            'replicasets',
            readOnly
        ],
        [
            '',
            'pods',
            readOnly
        ],
        [
            'policy',
            'poddisruptionbudgets',
            rw
        ],
        [
            'autoscaling',
            'horizontalpodautoscalers',
            rw
        ]
    ];
    return grants.flatMap(([group, resource, verbs])=>verbs.map((verb)=>({
                verb,
                resource,
                ...group ? {
                    group
                } : {},
                namespace
            })));
}
/** What a namespaced deploy identity must not be able to do. */ const CLUSTER_WIDE = [
    {
        verb: '*',
        resource: '*',
        group: '*'
    },
    {
        verb: 'list',
        resource: 'secrets'
    },
    {
        verb: 'create',
        resource: 'deployments',
        group: 'apps'
    },
    {
        verb: 'create',
        resource: 'namespaces'
    },
    {
        verb: 'create',
        resource: 'clusterrolebindings',
        group: 'rbac.authorization.k8s.io'
    },
    {
        verb: 'create',
        resource: 'clusterroles',
        group: 'rbac.authorization.k8s.io'
    },
    {
        verb: 'list',
        resource: 'nodes'
    }
];
function latestLine(release, history) {
    const latest = history.at(-1);
    if (!latest) return `${release}: not installed`;
    const version = versionRunBy(history, latest);
    return `${release}: revision ${latest.revision} ${latest.status}${version ? ` (${version})` : ''}`;
}
/** The version the deployed revision recorded (see describeDeploy); undefined when none is deployed. */ function runningVersion(history) {
    const deployed = deployedRevision(history);
    return deployed ? versionRunBy(history, deployed) : undefined;
}
function kubernetesChecks(ctx, timeoutMs) {
    const k8s = ctx.kubernetes;
    const applies = ctx.config.deployer === 'helm';
    const notApplicable = skip(applies ? 'no kubeconfig is configured' : `deployer is ${ctx.config.deployer}: no Helm releases`);
    const stable = ctx.config.helm.release;
    const canary = `${stable}-canary`;
    const helm = k8s ? new Helm({
        helm: k8s.helm,
        kubeconfig: k8s.kubeconfig,
        namespace: k8s.namespace,
        driver: ctx.config.helm.driver,
        ...k8s.kubeContext ? {
            kubeContext: k8s.kubeContext
        } : {},
        commandTimeoutMs: timeoutMs
    }) : undefined;
    const api = k8s ? kubernetesApi({
        kubeconfig: k8s.kubeconfig,
        namespace: k8s.namespace,
        ...k8s.kubeContext ? {
            kubeContext: k8s.kubeContext
        } : {}
    }) : undefined;
    const noKubeconfig = fail('deployer is helm but no kubeconfig is configured', `pass ${ctx.optionName('kubeconfig')} (the deploy identity’s)`);
    return [
        {
            id: 'kubernetes.releases',
            group: 'kubernetes',
            title: 'the Helm releases are deployed (not pending-* or failed)',
            async run () {
                if (!applies) return notApplicable;
                if (!helm || !k8s) return noKubeconfig;
                const [stableHistory, canaryHistory] = await Promise.all([
                    helm.history(stable),
                    helm.history(canary)
                ]);
                const seen = [
                    latestLine(stable, stableHistory),
                    ...canaryHistory.length ? [
                        latestLine(canary, canaryHistory)
                    ] : []
                ].join('; ');
                if (stableHistory.length === 0) return fail(seen, `install the stable release first (the canary step on a fresh rollout) in namespace ${k8s.namespace}`);
                const histories = [
                    [
                        stable,
                        stableHistory
                    ],
                    [
                        canary,
                        canaryHistory
                    ]
                ];
                const notDeployed = histories.find(([, history])=>{
                    const status = history.at(-1)?.status;
                    return status !== undefined && status !== 'deployed';
                });
                if (notDeployed) {
                    const [name] = notDeployed;
                    return fail(seen, `re-run the deploy job: the deployer rolls a release stuck pending-* back to its last good revision (by hand: helm history ${name}, then helm rollback ${name} <last deployed revision>)`);
                }
                return pass(seen);
            }
        },
        {
            id: 'kubernetes.rollout-state',
            group: 'kubernetes',
            title: 'the rollout state agrees with the releases',
            async run () {
                if (!applies) return notApplicable;
                if (!helm) return noKubeconfig;
                const [state, stableHistory, canaryHistory] = await Promise.all([
                    ctx.rolloutState(),
                    helm.history(stable),
                    helm.history(canary)
                ]);
                const running = {
                    stable: runningVersion(stableHistory),
                    canary: runningVersion(canaryHistory)
                };
                if (!state) {
                    if (stableHistory.length === 0) return skip(`no state in ${ctx.state.where} and no release yet`);
                    return fail(`${ctx.state.where} holds no state, but release ${stable} exists (${running.stable ?? 'version unknown'})`, 'the state was deleted or lives elsewhere: check helm.state / helm.stateConfigMap in rollout.yaml, or re-run the last release step to record it');
                }
                const disagreements = [];
                if (state.stable?.version !== running.stable) disagreements.push(`state says stable ${state.stable?.version ?? 'none'}, ${stable} runs ${running.stable ?? 'nothing deployed'}`);
                // Under worker versioning, and between steps of a task-queue rollout, the canary release may run while
                // the state records it; with no canary in the state, no canary release may be left running.
                if (state.canary && state.canary.version !== running.canary) disagreements.push(`state says canary ${state.canary.version}, ${canary} runs ${running.canary ?? 'nothing deployed'}`);
                if (!state.canary && running.canary && state.phase === 'stable') disagreements.push(`state has no canary, but ${canary} still runs ${running.canary}`);
                if (disagreements.length > 0) return fail(`${ctx.state.where}: ${disagreements.join('; ')}`, 'a step was interrupted or someone ran helm by hand: re-run the last release step (steps are idempotent) or roll back to the version the state names');
                return pass(`${ctx.state.where}: phase ${state.phase}, stable ${state.stable?.version ?? 'none'}${state.canary ? `, canary ${state.canary.version} at ${state.canary.weight}%` : ''} — matches the releases`);
            }
        },
        {
            id: 'kubernetes.pod-security',
            group: 'kubernetes',
            title: 'the namespace enforces a Pod Security level',
            async run () {
                if (!applies) return notApplicable;
                if (!api || !k8s) return noKubeconfig;
                const labels = await namespaceLabels(api, k8s.namespace);
                if (labels === 'forbidden') return warn(`this identity may not read namespace ${k8s.namespace} (as a namespaced deploy identity should not)`, `check it with an admin kubeconfig: kubectl get namespace ${k8s.namespace} --show-labels (pod-security.kubernetes.io/enforce)`);
                if (labels === undefined) return fail(`namespace ${k8s.namespace} does not exist`, 'create it, labelled pod-security.kubernetes.io/enforce=restricted');
                const level = labels['pod-security.kubernetes.io/enforce'];
                if (!level || !ENFORCED.includes(level)) return fail(`namespace ${k8s.namespace} enforces ${level ? `"${level}"` : 'no Pod Security level'}`, `kubectl label namespace ${k8s.namespace} pod-security.kubernetes.io/enforce=restricted (the chart's pods meet restricted)`);
                return pass(`namespace ${k8s.namespace} enforces ${level} (version ${labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest'})`);
            }
        },
        {
            id: 'kubernetes.deploy-identity',
            group: 'kubernetes',
            title: 'the deploy identity can do what the pipeline needs, and nothing cluster-wide',
            async run () {
                if (!applies) return notApplicable;
                if (!api || !k8s) return noKubeconfig;
                const needed = neededAccess(k8s.namespace, ctx.config.helm.driver);
                const answers = await reviewAccess(api, [
                    ...needed,
                    ...CLUSTER_WIDE
                ]);
                const missing = answers.slice(0, needed.length).filter((a)=>!a.allowed);
                const tooMuch = answers.slice(needed.length).filter((a)=>a.allowed);
                const problems = [
                    missing.length ? `cannot ${missing.map(describeAccess).join(', ')}` : '',
                    tooMuch.length ? `has cluster-wide rights: ${tooMuch.map(describeAccess).join(', ')}` : ''
                ].filter(Boolean);
                if (problems.length > 0) return fail(problems.join('; '), [
                    missing.length ? `bind the chart's deploy Role in ${k8s.namespace} (helm upgrade --install ${stable}-deployer charts/order-worker -n ${k8s.namespace} --set deployRbac.only=true)` : '',
                    tooMuch.length ? 'use a namespaced ServiceAccount with that Role (its token) for the pipeline, not an admin or ClusterRoleBinding identity' : ''
                ].filter(Boolean).join('; '));
                return pass(`${needed.length} needed permissions in ${k8s.namespace} granted; none of ${CLUSTER_WIDE.length} cluster-wide ones`);
            }
        }
    ];
}

/** The alert names a chart's templates declare with a literal `alert: Name` (the runbook alerts). */ function alertNamesInTemplates(texts) {
    const names = new Set();
    for (const text of texts){
        for (const match of text.matchAll(/^\s*-?\s*alert:\s*["']?([A-Za-z_:][A-Za-z0-9_:]*)["']?\s*$/gm)){
            names.add(match[1]);
        }
    }
    return [
        ...names
    ].sort();
}
/** Which expected alerts Prometheus lacks, and which of the expected ones fire now. */ function compareAlertRules(expected, rules) {
    const byName = new Map();
    for (const rule of rules)byName.set(rule.name, [
        ...byName.get(rule.name) ?? [],
        rule
    ]);
    const missing = expected.filter((name)=>!byName.has(name));
    const loaded = expected.flatMap((name)=>byName.get(name) ?? []);
    const firing = loaded.filter((rule)=>rule.firing > 0 || rule.state === 'firing');
    return {
        missing,
        loaded,
        firing
    };
}

class CheckTimeout extends Error {
}
/**
 * A check that needs a connection another check establishes: `connect` yields it (or undefined when that check
 * failed), and without it the check is skipped with `unavailable` instead of failing twice for one cause.
 */ function needing(connect, unavailable, body) {
    return async ()=>{
        const connection = await connect().catch(()=>undefined);
        return connection === undefined ? skip(unavailable) : body(connection);
    };
}
/**
 * Runs one check within `timeoutMs`: a check that throws or does not answer in time fails with the reason, so
 * one dead endpoint never hangs the doctor or hides the other checks.
 */ async function runCheck(check, timeoutMs) {
    const started = Date.now();
    const limit = check.timeoutMs ?? timeoutMs;
    let timer;
    const deadline = new Promise((_, reject)=>{
        timer = setTimeout(()=>reject(new CheckTimeout()), limit);
    });
    let outcome;
    try {
        outcome = await Promise.race([
            check.run(),
            deadline
        ]);
    } catch (err) {
        outcome = err instanceof CheckTimeout ? {
            status: 'fail',
            seen: `no answer within ${limit} ms`,
            fix: `check that the ${check.group} endpoint is reachable from here and answers`
        } : {
            status: 'fail',
            seen: err.message,
            fix: err instanceof InputError ? err.fix ?? 'fix the setting it names' : err instanceof ExternalError ? `check the ${err.system} address, credentials and that it is up` : 'see the message; re-run with the same settings to reproduce'
        };
    } finally{
        clearTimeout(timer);
    }
    return {
        id: check.id,
        group: check.group,
        title: check.title,
        ...outcome,
        durationMs: Date.now() - started
    };
}

const NOT_REACHED = 'not checked: Prometheus did not answer (see prometheus.reachable)';
/** The runbook alert names: rollout.yaml `doctor.alerts`, else every `alert:` in the chart's templates. */ async function expectedAlerts(ctx) {
    if (ctx.alerts) return {
        names: ctx.alerts,
        from: 'rollout.yaml doctor.alerts'
    };
    const dir = join(resolve(ctx.root, ctx.config.chart), 'templates');
    const files = await readdir(dir).catch(()=>[]);
    const texts = await Promise.all(files.filter((f)=>/\.ya?ml$/.test(f)).map((f)=>readFile(join(dir, f), 'utf8')));
    return {
        names: alertNamesInTemplates(texts),
        from: `${ctx.config.chart}/templates`
    };
}
function prometheusChecks(ctx, timeoutMs) {
    const settings = ctx.prometheus;
    const client = settings ? new PrometheusClient({
        url: settings.url,
        ...settings.auth ? {
            auth: settings.auth
        } : {},
        // Under the check's own limit, so the check reports Prometheus's error rather than a timeout.
        timeoutMs: Math.max(1_000, timeoutMs - 1_000),
        retries: 0
    }) : undefined;
    const reach = once(async ()=>{
        if (!client) throw new Error('no Prometheus URL');
        await client.instant('vector(1)');
        return client;
    });
    const withClient = (body)=>needing(reach, NOT_REACHED, body);
    const rules = once(async ()=>{
        const c = await reach();
        const expected = await expectedAlerts(ctx);
        return {
            expected,
            comparison: compareAlertRules(expected.names, await c.alertingRules())
        };
    });
    return [
        {
            id: 'prometheus.reachable',
            group: 'prometheus',
            title: 'Prometheus answers queries',
            async run () {
                if (!client) return fail('no Prometheus URL is configured', `pass ${ctx.optionName('prometheus-url')}`);
                try {
                    await reach();
                } catch (err) {
                    return fail(err.message, 'check the URL, the credentials and that Prometheus is up');
                }
                return pass(`${client.baseUrl} answered a query`);
            }
        },
        {
            id: 'prometheus.sdk-metrics',
            group: 'prometheus',
            title: "the stable release's SDK metrics are scraped and fresh",
            run: withClient(async (c)=>{
                const stable = (await ctx.rolloutState())?.stable;
                if (!stable) return warn(`no stable release is recorded in ${ctx.state.where}`, 'nothing to check until the first release is installed');
                // The SDK labels its metrics with the task queue, whatever label the analysis tells tracks apart by.
                const label = 'task_queue';
                const queues = [
                    stable.orderQueue,
                    ...ctx.config.taskQueues.payment ? [
                        stable.paymentQueue
                    ] : []
                ];
                // timestamp() drops the metric name; the name is kept in a label first so series of different metrics
                // with the same other labels stay apart.
                const series = `{__name__=~"temporal_.+", ${label}=~"${queues.map(escapeRegExp).join('|')}"}`;
                const query = `max by (${label}) (timestamp(label_replace(${series}, "metric", "$1", "__name__", "(.+)")))`;
                const samples = await c.instant(query);
                const nowSeconds = ctx.now().getTime() / 1000;
                const ages = queues.map((queue)=>{
                    const sample = samples.find((s)=>s.labels[label] === queue);
                    return {
                        queue,
                        ageMs: sample ? Math.max(0, (nowSeconds - sample.value) * 1000) : undefined
                    };
                });
                const describe = ({ queue, ageMs })=>ageMs === undefined ? `${queue}: no temporal_* series` : `${queue}: last sample ${Math.round(ageMs / 1000)} s ago`;
                const bad = ages.filter((a)=>a.ageMs === undefined || a.ageMs > ctx.metricsMaxAgeMs);
                if (bad.length > 0) return fail(`stable ${stable.version}: ${ages.map(describe).join(', ')}`, `Prometheus does not scrape the stable workers' SDK metrics (${label}=${bad.map((b)=>b.queue).join('|')}) within ${formatDuration(ctx.metricsMaxAgeMs)}: check the PodMonitor (chart monitoring.podMonitor) or the scrape config, and that the workers expose /metrics`);
                return pass(`stable ${stable.version}: ${ages.map(describe).join(', ')}`);
            })
        },
        {
            id: 'prometheus.alert-rules',
            group: 'prometheus',
            title: 'the runbook alert rules are loaded',
            run: withClient(async ()=>{
                const { expected, comparison } = await rules();
                if (expected.names.length === 0) return warn(`no alert names found in ${expected.from}`, 'list the runbook alerts in rollout.yaml doctor.alerts');
                if (comparison.missing.length > 0) return fail(`${comparison.missing.length} of ${expected.names.length} runbook alerts are not loaded: ${comparison.missing.join(', ')}`, 'load the rules: install the chart with monitoring.prometheusRule.enabled (the Prometheus Operator must select the PrometheusRule), or add the rendered rules to rule_files and reload Prometheus');
                const files = [
                    ...new Set(comparison.loaded.map((r)=>r.file).filter(Boolean))
                ];
                return pass(`all ${expected.names.length} runbook alerts loaded (from ${expected.from})${files.length ? ` in ${files.join(', ')}` : ''}`);
            })
        },
        {
            id: 'prometheus.alerts-firing',
            group: 'prometheus',
            title: 'no runbook alert is firing now',
            run: withClient(async ()=>{
                const { comparison } = await rules();
                if (comparison.loaded.length === 0) return skip('no runbook alert is loaded (see prometheus.alert-rules)');
                if (comparison.firing.length > 0) return fail(`firing: ${comparison.firing.map((r)=>`${r.name} (${r.firing} alert(s))`).join(', ')}`, 'follow the runbook row of each alert (README Runbook) before releasing');
                const pending = comparison.loaded.filter((r)=>r.state === 'pending');
                if (pending.length > 0) return warn(`pending (not yet firing): ${pending.map((r)=>r.name).join(', ')}`, 'look at these before releasing: they fire if the condition holds for their `for:` period');
                return pass(`none of the ${comparison.loaded.length} loaded runbook alerts is pending or firing`);
            })
        }
    ];
}

/** Replay bundles the workflow code (seconds of CPU) before it replays anything. */ const REPLAY_TIMEOUT_MS = 300_000;
function ageText(ms) {
    const days = ms / 86_400_000;
    return days >= 1 ? `${days.toFixed(1)} days` : formatDuration(Math.round(ms / 60_000) * 60_000 || 60_000);
}
function repositoryChecks(ctx) {
    const dir = resolve(ctx.root, ctx.historiesDir);
    const shown = relative(ctx.root, dir) || '.';
    const manifestFile = join(dir, 'manifest.json');
    const manifest = once(async ()=>{
        const text = await readFile(manifestFile, 'utf8').catch(()=>undefined);
        return text === undefined ? undefined : parseManifest(text, `${shown}/manifest.json`);
    });
    const replayed = once(async ()=>{
        if (!ctx.workflowsPath || !await manifest()) return undefined;
        return replay({
            workspace: ctx.root,
            histories: [
                `${shown}/*/*.json`
            ],
            workflowsPath: ctx.workflowsPath
        });
    });
    const needsReplay = `not checked: neither doctor.workflowsPath nor ${ctx.optionName('workflows')} is set`;
    return [
        {
            id: 'repository.histories',
            group: 'repository',
            title: 'histories/ is present with its manifest',
            async run () {
                const exists = await stat(dir).then((s)=>s.isDirectory()).catch(()=>false);
                if (!exists) return fail(`${shown}/ does not exist`, 'capture production histories into it (the capture action, or temporal-rollout capture --out) and commit them');
                const m = await manifest();
                if (!m) return fail(`${shown}/manifest.json does not exist`, 'the capture step writes it; re-capture, or restore it from git');
                if (m.histories.length === 0) return fail(`${shown}/manifest.json lists no history`, 'capture histories (the capture action, nightly)');
                const open = m.histories.filter((h)=>h.status === 'open').length;
                return pass(`${m.histories.length} histories (${open} open) in ${shown}/`);
            }
        },
        {
            id: 'repository.histories-age',
            group: 'repository',
            title: 'the newest captured history is recent',
            async run () {
                const m = await manifest().catch(()=>undefined);
                if (!m || m.histories.length === 0) return skip('no manifest (see repository.histories)');
                const newest = m.histories.map((h)=>({
                        file: h.file,
                        at: Date.parse(h.capturedAt)
                    })).filter((h)=>!Number.isNaN(h.at)).sort((a, b)=>b.at - a.at)[0];
                if (!newest) return fail(`no entry of ${shown}/manifest.json has a capturedAt date`, 're-capture the histories');
                const age = ctx.now().getTime() - newest.at;
                const seen = `newest capture ${new Date(newest.at).toISOString()} (${newest.file}), ${ageText(age)} old; limit ${ageText(ctx.historiesMaxAgeMs)}`;
                if (age > ctx.historiesMaxAgeMs) return warn(seen, 'capture fresh histories (the scheduled capture workflow opens a pull request) so replay tests what production runs now');
                return pass(seen);
            }
        },
        {
            id: 'repository.replay',
            group: 'repository',
            title: 'the stored histories replay on this code',
            timeoutMs: REPLAY_TIMEOUT_MS,
            async run () {
                if (!ctx.workflowsPath) return warn(needsReplay, 'set doctor.workflowsPath in rollout.yaml (your workflows module)');
                const report = await replayed();
                if (!report) return skip('no manifest (see repository.histories)');
                const sdk = `@temporalio/worker ${report.sdk.version}`;
                if (!report.passed) {
                    const failures = report.outcomes.filter((o)=>o.failure !== null);
                    return fail(`${failures.length} of ${report.totals.total} histories do not replay with ${sdk}: ${failures.map(failureLine).join('; ')}`, "guard the change with patched() (or deploy on a new per-version task queue); the replay step's report names the first diverging event");
                }
                return pass(`${report.totals.total} histories replay with ${sdk} (${report.durationMs} ms)`);
            }
        },
        {
            id: 'repository.patches',
            group: 'repository',
            title: 'no patch is kept that no open run needs',
            timeoutMs: REPLAY_TIMEOUT_MS,
            async run () {
                if (!ctx.workflowsPath) return skip(needsReplay);
                const report = await replayed().catch(()=>undefined);
                if (!report) return skip('not checked: the histories did not replay (see repository.replay)');
                const removable = report.patches.filter((p)=>p.advice === 'can-deprecate' || p.advice === 'can-remove-call');
                const kept = report.patches.filter((p)=>p.advice === 'keep-old-branch' || p.advice === 'keep-deprecate-call');
                if (removable.length > 0) return warn(removable.map((p)=>`${p.id}: ${p.explanation}`).join('; '), 'simplify the workflow code as each line says, then re-run the replay gate');
                if (kept.length === 0) return pass('no patch in the code or the histories');
                return pass(kept.map((p)=>`${p.id}: ${p.explanation}`).join('; '));
            }
        }
    ];
}

/** Search attribute types as the SDK writes them into a payload's `type` metadata. */ const SEARCH_ATTRIBUTE_TYPES = [
    'Text',
    'Keyword',
    'Int',
    'Double',
    'Bool',
    'Datetime',
    'KeywordList'
];
/** `temporal.api.enums.v1.IndexedValueType` numbers (1..7) in the order above. */ function typeOfIndexedValue(value) {
    return SEARCH_ATTRIBUTE_TYPES[value - 1];
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function decodeType(metadata) {
    const raw = metadata?.type;
    if (typeof raw !== 'string') return undefined;
    const text = Buffer.from(raw, 'base64').toString('utf8');
    return SEARCH_ATTRIBUTE_TYPES.includes(text) ? text : undefined;
}
/**
 * The custom search attributes a history sets (at start or through upserts), with the type the SDK wrote.
 * Names starting with `Temporal` are the server's own (e.g. TemporalChangeVersion) and are left out.
 */ function searchAttributesIn(history, source) {
    const found = new Map();
    for (const event of history.events){
        for (const [key, value] of Object.entries(event)){
            if (!key.endsWith('EventAttributes')) continue;
            const fields = record(record(record(value)?.searchAttributes)?.indexedFields);
            for (const [name, payload] of Object.entries(fields ?? {})){
                if (name.startsWith('Temporal') || found.has(name)) continue;
                const type = decodeType(record(record(payload)?.metadata));
                if (type) found.set(name, {
                    name,
                    type,
                    seenIn: source
                });
            }
        }
    }
    return [
        ...found.values()
    ];
}
/** Used attributes that the namespace lacks or has with another type, first use of each name winning. */ function searchAttributeProblems(used, registered) {
    const problems = new Map();
    for (const attribute of used){
        if (problems.has(attribute.name)) continue;
        const actual = registered.get(attribute.name);
        if (actual !== attribute.type) problems.set(attribute.name, {
            name: attribute.name,
            expected: attribute.type,
            registered: actual,
            seenIn: attribute.seenIn
        });
    }
    return [
        ...problems.values()
    ];
}
/** The `temporal operator search-attribute create` command that registers the missing ones. */ function registerCommand(namespace, problems) {
    const args = problems.map((p)=>`--name ${p.name} --type ${p.expected}`).join(' ');
    return `temporal operator search-attribute create --namespace ${namespace} ${args}`;
}

// @temporalio/proto is CommonJS: Node's ESM loader offers it as a default export only.
const { temporal } = proto;
/** A protobuf Duration or Timestamp in seconds; its `seconds` is a Long (or a number when small). */ function seconds(duration) {
    if (!duration) return 0;
    const whole = duration.seconds;
    const value = typeof whole === 'object' && whole?.toNumber ? whole.toNumber() : Number(whole ?? 0);
    return value + (duration.nanos ?? 0) / 1e9;
}
function grpcCode(err) {
    const code = err.code;
    return typeof code === 'number' ? code : undefined;
}
/** Opens and closes a TCP connection to `host:port` (IPv6 as `[::1]:7233`); an ExternalError says why it could not. */ async function probeTcp(address, timeoutMs) {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
    if (!match) throw new ExternalError('Temporal', `"${address}" is not host:port`);
    const [host, port] = [
        match[1],
        Number(match[2])
    ];
    await new Promise((resolve, reject)=>{
        const socket = createConnection({
            host,
            port
        });
        const fail = (reason)=>{
            socket.destroy();
            reject(new ExternalError('Temporal', `cannot reach ${address}: ${reason}`));
        };
        socket.setTimeout(timeoutMs, ()=>fail(`no TCP connection within ${timeoutMs} ms`));
        socket.once('error', (err)=>fail(err.code ?? err.message));
        socket.once('connect', ()=>{
            socket.end();
            resolve();
        });
    });
}
/**
 * What the doctor asks a Temporal frontend: the namespace, its search attributes, whether worker deployments
 * are served, who polls a task queue. Every call has a deadline, so a hanging server fails a check, not the run.
 */ class TemporalEnvironment {
    constructor(session, namespace, timeoutMs){
        this.session = session;
        this.namespace = namespace;
        this.timeoutMs = timeoutMs;
    }
    /** Connects and makes the first call (GetSystemInfo) within `timeoutMs`; an ExternalError says why not. */ static async connect(source, timeoutMs) {
        // gRPC keeps retrying a refused connection until its deadline; a plain TCP probe says "refused" at once.
        await probeTcp(source.address, timeoutMs);
        const session = await connectLive({
            ...source,
            connectTimeoutMs: timeoutMs
        });
        return new TemporalEnvironment(session, source.namespace, timeoutMs);
    }
    close() {
        return this.session.close();
    }
    async call(what, fn) {
        try {
            return await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, fn);
        } catch (err) {
            const detail = grpcCode(err) === 4 ? `no answer within ${this.timeoutMs} ms` : err.message;
            throw new ExternalError('Temporal', `${what} failed: ${detail}`, {
                cause: err
            });
        }
    }
    /** undefined when the namespace does not exist. */ async describeNamespace() {
        try {
            const response = await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, ()=>this.session.client.workflowService.describeNamespace({
                    namespace: this.namespace
                }));
            const state = temporal.api.enums.v1.NamespaceState[response.namespaceInfo?.state ?? 0] ?? 'UNSPECIFIED';
            return {
                name: response.namespaceInfo?.name ?? this.namespace,
                state: state.replace(/^NAMESPACE_STATE_/, ''),
                retentionMs: Math.round(seconds(response.config?.workflowExecutionRetentionTtl) * 1000)
            };
        } catch (err) {
            if (grpcCode(err) === 5) return undefined;
            throw new ExternalError('Temporal', `describing namespace ${this.namespace} failed: ${err.message}`, {
                cause: err
            });
        }
    }
    /** The namespace's custom search attributes and their types. */ async searchAttributes() {
        const response = await this.call(`listing the search attributes of ${this.namespace}`, ()=>this.session.client.connection.operatorService.listSearchAttributes({
                namespace: this.namespace
            }));
        const found = new Map();
        for (const [name, value] of Object.entries(response.customAttributes ?? {})){
            const type = typeOfIndexedValue(Number(value));
            if (type) found.set(name, type);
        }
        return found;
    }
    /** Whether the server serves Worker Deployments (worker versioning) in this namespace. */ async workerVersioning() {
        try {
            await this.session.client.connection.withDeadline(Date.now() + this.timeoutMs, ()=>this.session.client.workflowService.listWorkerDeployments({
                    namespace: this.namespace,
                    pageSize: 1
                }));
            return {
                available: true
            };
        } catch (err) {
            const code = grpcCode(err);
            // UNIMPLEMENTED (older server), FAILED_PRECONDITION / PERMISSION_DENIED (turned off for the namespace).
            if (code === 12 || code === 9 || code === 7) return {
                available: false,
                reason: err.message
            };
            throw new ExternalError('Temporal', `listing worker deployments of ${this.namespace} failed: ${err.message}`, {
                cause: err
            });
        }
    }
    /** The workers that polled `taskQueue` recently (the server keeps a few minutes of pollers). */ async pollers(taskQueue, kind) {
        const taskQueueType = kind === 'workflow' ? temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW : temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY;
        const response = await this.call(`describing task queue ${taskQueue}`, ()=>this.session.client.workflowService.describeTaskQueue({
                namespace: this.namespace,
                taskQueue: {
                    name: taskQueue,
                    kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL
                },
                taskQueueType
            }));
        return (response.pollers ?? []).map((poller)=>({
                identity: poller.identity ?? '',
                ...poller.lastAccessTime ? {
                    lastAccessTime: new Date(seconds(poller.lastAccessTime) * 1000)
                } : {}
            }));
    }
}

const NOT_CONNECTED = 'not checked: the frontend did not answer (see temporal.frontend)';
/** The Temporal checks. `histories` are the stored histories (the search attributes the workflows set). */ function temporalChecks(ctx, histories, timeoutMs, onConnected) {
    const source = ctx.temporal;
    const connect = once(async ()=>{
        if (!source) return undefined;
        // A little under the check's own limit, so the check reports the connection's error rather than a timeout.
        const environment = await TemporalEnvironment.connect(source, Math.max(1_000, timeoutMs - 1_000));
        onConnected(environment);
        return environment;
    });
    const withEnvironment = (body)=>needing(connect, NOT_CONNECTED, body);
    const namespace = source?.namespace ?? ctx.config.temporal.namespace;
    const facts = once(async ()=>(await connect())?.describeNamespace());
    /** For checks inside the namespace: skipped (not failed a second time) when it does not exist. */ const inNamespace = (body)=>needing(async ()=>await facts() ? connect() : undefined, `not checked: the frontend did not answer or namespace ${namespace} does not exist (see temporal.frontend, temporal.namespace)`, body);
    return [
        {
            id: 'temporal.frontend',
            group: 'temporal',
            title: 'the frontend answers with the configured TLS / API key',
            async run () {
                if (!source) return fail('no Temporal address is configured', `set temporal.address in rollout.yaml, or ${ctx.optionName('temporal-address')}`);
                const auth = [
                    source.tls?.cert ? 'mTLS client certificate' : source.tls ? 'TLS' : '',
                    source.apiKey ? 'API key' : ''
                ].filter(Boolean).join(' + ');
                try {
                    await connect();
                } catch (err) {
                    return fail(`${source.address} (${auth || 'plain'}): ${err.message}`, 'check the address, that the frontend is up and reachable from here, and the TLS certificate / API key it expects');
                }
                return pass(`${source.address} answered (${auth || 'no TLS, no API key'})`);
            }
        },
        {
            id: 'temporal.namespace',
            group: 'temporal',
            title: 'the namespace exists and its retention is set',
            run: withEnvironment(async ()=>{
                const found = await facts();
                if (!found) return fail(`namespace ${namespace} does not exist`, `create it: temporal operator namespace create --namespace ${namespace} --retention 72h`);
                if (found.state !== 'REGISTERED') return fail(`namespace ${namespace} is ${found.state}`, 'use a registered namespace');
                if (found.retentionMs <= 0) return fail(`namespace ${namespace} has no workflow retention`, `set one: temporal operator namespace update --namespace ${namespace} --retention 72h`);
                return pass(`namespace ${namespace} is registered, retention ${formatDuration(found.retentionMs)}`);
            })
        },
        {
            id: 'temporal.search-attributes',
            group: 'temporal',
            title: 'the search attributes the workflows use are registered with the right types',
            run: inNamespace(async (env)=>{
                const used = [
                    ...ctx.searchAttributes,
                    ...(await histories()).flatMap((h)=>searchAttributesIn(h.history, h.source))
                ];
                if (used.length === 0) return warn('no search attribute found in the stored histories or rollout.yaml doctor.searchAttributes', 'list the ones your workflows set in doctor.searchAttributes (name: type), or capture fresh histories');
                const problems = searchAttributeProblems(used, await env.searchAttributes());
                const names = [
                    ...new Set(used.map((u)=>`${u.name} (${u.type})`))
                ];
                if (problems.length === 0) return pass(`${names.join(', ')} registered in ${namespace}`);
                const missing = problems.filter((p)=>p.registered === undefined);
                const wrong = problems.filter((p)=>p.registered !== undefined);
                const seen = [
                    ...missing.map((p)=>`${p.name} (${p.expected}, used in ${p.seenIn}) is not registered`),
                    ...wrong.map((p)=>`${p.name} is ${p.registered}, the workflows write ${p.expected} (${p.seenIn})`)
                ].join('; ');
                const fixes = [
                    missing.length > 0 ? registerCommand(namespace, missing) : '',
                    wrong.length > 0 ? 'a search attribute cannot change type: give the workflows a new name for it, or remove and re-create it' : ''
                ].filter(Boolean);
                return fail(seen, fixes.join('; '));
            })
        },
        {
            id: 'temporal.worker-versioning',
            group: 'temporal',
            title: 'worker versioning is available when the strategy needs it',
            run: inNamespace(async (env)=>{
                if (ctx.config.strategy.type !== 'worker-versioning') return skip('strategy is task-queue: worker versioning is not used');
                const support = await env.workerVersioning();
                if (support.available) return pass(`${namespace} serves Worker Deployments (${ctx.config.strategy.deploymentName})`);
                return fail(`${namespace} does not serve Worker Deployments: ${support.reason}`, 'enable worker versioning on the server (dynamic config system.enableDeploymentVersions, Temporal ≥ 1.27) or use strategy.type: task-queue');
            })
        },
        {
            id: 'temporal.pollers',
            group: 'temporal',
            title: "the stable release's queues (order and payment) have pollers",
            run: inNamespace(async (env)=>{
                const state = await ctx.rolloutState();
                const stable = state?.stable;
                if (!stable) return warn(`no stable release is recorded in ${ctx.state.where}`, 'nothing to check until the first release is installed (the canary step on a fresh rollout)');
                const queues = [
                    [
                        stable.orderQueue,
                        'workflow'
                    ],
                    [
                        stable.orderQueue,
                        'activity'
                    ]
                ];
                if (ctx.config.taskQueues.payment) queues.push([
                    stable.paymentQueue,
                    'activity'
                ]);
                const found = await Promise.all(queues.map(async ([queue, kind])=>({
                        queue,
                        kind,
                        pollers: await env.pollers(queue, kind)
                    })));
                const describe = (q)=>`${q.queue} (${q.kind}): ${q.pollers.length} poller(s)`;
                const empty = found.filter((q)=>q.pollers.length === 0);
                if (empty.length > 0) return fail(`stable ${stable.version}: ${found.map(describe).join(', ')}`, `no worker polls ${empty.map((q)=>`${q.queue} (${q.kind})`).join(', ')}: check that the stable workers run, connect to ${namespace} and poll those queues`);
                return pass(`stable ${stable.version}: ${found.map(describe).join(', ')}`);
            })
        }
    ];
}

const CHECK_GROUPS = [
    'temporal',
    'prometheus',
    'kubernetes',
    'repository'
];
const DEFAULT_HISTORIES_MAX_AGE_MS = 30 * 86_400_000;
const DEFAULT_METRICS_MAX_AGE_MS = 120_000;
const DEFAULT_CHECK_TIMEOUT_MS = 15_000;
function stateStore(options, namespace) {
    const { config, kubernetes } = options;
    if (config.deployer === 'helm' && config.helm.state === 'configmap' && kubernetes) {
        const api = kubernetesApi({
            kubeconfig: kubernetes.kubeconfig,
            namespace,
            ...kubernetes.kubeContext ? {
                kubeContext: kubernetes.kubeContext
            } : {}
        });
        return new ConfigMapStateStore(api, config.helm.stateConfigMap);
    }
    return new FileStateStore(join(resolve(options.stateDir ?? DEFAULTS.stateDir), 'state.json'));
}
function context(options) {
    const { config } = options;
    const root = resolve(options.root ?? '.');
    const address = options.temporal?.address ?? config.temporal.address;
    const namespace = options.kubernetes?.namespace ?? config.helm.namespace ?? DEFAULTS.kubernetesNamespace;
    const state = stateStore(options, namespace);
    return {
        config,
        root,
        ...address ? {
            temporal: {
                ...options.temporal,
                address,
                namespace: options.temporal?.namespace ?? config.temporal.namespace
            }
        } : {},
        ...options.prometheus ? {
            prometheus: options.prometheus
        } : {},
        ...options.kubernetes ? {
            kubernetes: {
                kubeconfig: options.kubernetes.kubeconfig,
                namespace,
                helm: options.kubernetes.helm ?? 'helm',
                ...options.kubernetes.kubeContext ? {
                    kubeContext: options.kubernetes.kubeContext
                } : {}
            }
        } : {},
        state,
        historiesDir: options.historiesDir ?? 'histories',
        historiesMaxAgeMs: options.historiesMaxAgeMs ?? DEFAULT_HISTORIES_MAX_AGE_MS,
        metricsMaxAgeMs: options.metricsMaxAgeMs ?? DEFAULT_METRICS_MAX_AGE_MS,
        ...options.workflowsPath ? {
            workflowsPath: options.workflowsPath
        } : {},
        searchAttributes: options.searchAttributes ?? [],
        ...options.alerts ? {
            alerts: options.alerts
        } : {},
        now: options.now ?? (()=>new Date()),
        optionName: options.optionName ?? ((field)=>field),
        rolloutState: once(()=>state.load())
    };
}
/** The stored history files (not the manifest), parsed; unreadable ones are left to the replay check. */ async function storedHistories(ctx) {
    const files = await glob('*/*.json', {
        cwd: resolve(ctx.root, ctx.historiesDir),
        absolute: true
    });
    const parsed = [];
    for (const file of files.sort()){
        try {
            parsed.push(parseHistoryText(await readFile(file, 'utf8'), file.slice(ctx.root.length + 1)));
        } catch  {
        // A malformed file fails repository.replay with its name; here it only adds no search attribute.
        }
    }
    return parsed;
}
/**
 * Checks the real environment a rollout runs in against rollout.yaml: Temporal, Prometheus, Kubernetes/Helm and
 * the repository. Groups run side by side, the checks of a group one after another, each bounded in time.
 */ async function doctor(options) {
    const started = Date.now();
    const ctx = context(options);
    const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    const connections = [];
    let finished = false;
    // A connection that completes after its check timed out (and the doctor finished) is closed at once.
    const keep = (env)=>finished ? void env.close().catch(()=>undefined) : connections.push(env);
    const histories = once(()=>storedHistories(ctx));
    const groups = {
        temporal: ()=>temporalChecks(ctx, histories, timeoutMs, keep),
        prometheus: ()=>prometheusChecks(ctx, timeoutMs),
        kubernetes: ()=>kubernetesChecks(ctx, timeoutMs),
        repository: ()=>repositoryChecks(ctx)
    };
    const chosen = CHECK_GROUPS.filter((g)=>!options.groups || options.groups.includes(g));
    try {
        const results = await Promise.all(chosen.map(async (group)=>{
            const done = [];
            for (const check of groups[group]())done.push(await runCheck(check, timeoutMs));
            return done;
        }));
        const checks = results.flat();
        return {
            status: overall(checks),
            counts: countStatuses(checks),
            checks,
            startedAt: new Date(started).toISOString(),
            durationMs: Date.now() - started
        };
    } finally{
        finished = true;
        await Promise.all(connections.map((c)=>c.close().catch(()=>undefined)));
    }
}

// The doctor's options, and what they become: rollout.yaml with the overrides, and where each check looks.
/** A shared rollout option, as the doctor takes it too. */ function rolloutOption(field, own = {}) {
    const spec = ROLLOUT_OPTIONS.find((s)=>s.field === field);
    if (!spec) throw new Error(`no rollout option ${field}`);
    return {
        ...spec,
        ...own
    };
}
const DOCTOR_OPTIONS = [
    {
        field: 'config',
        description: 'rollout.yaml.',
        arg: 'FILE',
        help: 'rollout.yaml (default ./rollout.yaml)',
        default: DEFAULTS.configFile
    },
    {
        field: 'only',
        description: 'Check groups, comma-separated: temporal, prometheus, kubernetes, repository (default all).',
        arg: 'GROUPS',
        help: `comma-separated: ${CHECK_GROUPS.join(', ')} (default all)`
    },
    rolloutOption('deployer'),
    rolloutOption('strategy'),
    {
        field: 'temporal-address',
        env: 'TEMPORAL_ADDRESS',
        description: 'host:port of the Temporal frontend; default rollout.yaml temporal.address.',
        arg: 'H:P',
        help: 'default rollout.yaml temporal.address, then $TEMPORAL_ADDRESS'
    },
    rolloutOption('namespace'),
    ...TEMPORAL_TLS_OPTIONS,
    prometheusUrlOption('Prometheus base URL (masked: it may carry credentials).', 'default $PROMETHEUS_URL'),
    ...PROMETHEUS_AUTH_OPTIONS,
    rolloutOption('kubeconfig'),
    rolloutOption('kube-context'),
    rolloutOption('helm-namespace'),
    rolloutOption('helm'),
    rolloutOption('state-dir', {
        help: `the rollout state file of the local deployer (default ${DEFAULTS.stateDir})`
    }),
    {
        field: 'workspace',
        description: 'The repository directory: histories-dir, the chart and workflows-path are relative to it, and @temporalio/worker is loaded from it (run npm ci first).',
        arg: 'DIR',
        help: 'the repository: --histories-dir, the chart and --workflows are relative to it, and @temporalio/worker is loaded from it (default .)',
        default: '.'
    },
    {
        field: 'workflows',
        input: 'workflows-path',
        description: 'The module that exports your workflows (bundled once). Default: rollout.yaml doctor.workflowsPath; none: no replay check.',
        arg: 'FILE',
        help: 'the workflows module replayed against histories (default doctor.workflowsPath)'
    },
    {
        field: 'histories-dir',
        description: 'The stored histories and their manifest; default rollout.yaml doctor.historiesDir, then histories.',
        arg: 'DIR',
        help: 'default doctor.historiesDir, then histories'
    },
    {
        field: 'histories-max-age',
        description: 'The newest captured history may be at most this old, e.g. 720h; default rollout.yaml doctor.historiesMaxAge, then 720h.',
        arg: 'D',
        help: 'default doctor.historiesMaxAge, then 720h'
    },
    {
        field: 'timeout',
        input: false,
        arg: 'D',
        help: 'per check (default 15s; replay has 5m)'
    },
    {
        field: 'report-path',
        flag: false,
        description: 'Where the JSON report is written.',
        default: 'doctor-report.json'
    },
    {
        field: 'summary',
        input: false,
        arg: 'FILE',
        help: 'also write the markdown checklist'
    },
    {
        field: 'fail-on-warning',
        flag: false,
        description: 'Fail the step on warnings too (a failed check always fails it).',
        default: 'false'
    },
    ...outputFlags('print the report as JSON')
];
/** One of `allowed`; undefined when empty. */ function oneOf(values, field, allowed) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseChoice(text, field, allowed);
}
function parseGroups(text, subject) {
    if (text === undefined || text.trim() === '') return undefined;
    const groups = text.split(/[\s,]+/).filter(Boolean).map((g)=>parseChoice(g, subject, CHECK_GROUPS));
    return [
        ...new Set(groups)
    ];
}
/** rollout.yaml plus the overrides, as the doctor takes them. Every bad option is refused before a check runs. */ async function doctorOptionsOf(values, secrets) {
    const deployer = oneOf(values, 'deployer', [
        'local',
        'helm'
    ]);
    const strategy = oneOf(values, 'strategy', [
        'task-queue',
        'worker-versioning'
    ]);
    const config = applyOverrides(await loadRolloutConfig(textOf(values, 'config') ?? DEFAULTS.configFile), {
        ...deployer ? {
            deployer
        } : {},
        ...strategy ? {
            strategy
        } : {}
    });
    const groups = parseGroups(textOf(values, 'only'), 'only');
    const { cert, key, ca } = secrets.tls;
    const serverName = textOf(values, 'tls-server-name');
    if (!cert !== !key) throw new InputError('⟨tls-cert⟩ / ⟨tls-key⟩', 'go together', 'pass both');
    const timeoutMs = durationOf(values, 'timeout');
    if (timeoutMs !== undefined && timeoutMs <= 0) throw new InputError('timeout', 'must be above 0');
    const settings = config.doctor ?? {};
    const historiesMaxAgeMs = durationOf(values, 'histories-max-age') ?? settings.historiesMaxAgeMs;
    const prometheus = prometheusOf(values);
    const address = textOf(values, 'temporal-address');
    const namespace = textOf(values, 'namespace');
    const kubeconfig = textOf(values, 'kubeconfig');
    const helmNamespace = textOf(values, 'helm-namespace');
    const kubeContext = textOf(values, 'kube-context');
    const helm = textOf(values, 'helm');
    const stateDir = textOf(values, 'state-dir');
    const workflowsPath = textOf(values, 'workflows') ?? settings.workflowsPath;
    const historiesDir = textOf(values, 'histories-dir') ?? settings.historiesDir;
    return {
        config,
        root: textOf(values, 'workspace') ?? '.',
        ...timeoutMs !== undefined ? {
            timeoutMs
        } : {},
        temporal: {
            ...address ? {
                address
            } : {},
            ...namespace ? {
                namespace
            } : {},
            ...cert || ca || serverName ? {
                tls: {
                    cert,
                    key,
                    ca,
                    serverName
                }
            } : {},
            ...secrets.apiKey ? {
                apiKey: secrets.apiKey
            } : {}
        },
        ...prometheus ? {
            prometheus
        } : {},
        ...kubeconfig ? {
            kubernetes: {
                kubeconfig,
                ...helmNamespace ? {
                    namespace: helmNamespace
                } : {},
                ...kubeContext ? {
                    kubeContext
                } : {},
                ...helm ? {
                    helm
                } : {}
            }
        } : {},
        ...stateDir ? {
            stateDir
        } : {},
        ...workflowsPath ? {
            workflowsPath
        } : {},
        ...historiesDir ? {
            historiesDir
        } : {},
        ...historiesMaxAgeMs !== undefined ? {
            historiesMaxAgeMs
        } : {},
        ...settings.metricsMaxAgeMs !== undefined ? {
            metricsMaxAgeMs: settings.metricsMaxAgeMs
        } : {},
        ...settings.searchAttributes ? {
            searchAttributes: settings.searchAttributes.map((a)=>({
                    ...a,
                    seenIn: `${config.file} doctor.searchAttributes`
                }))
        } : {},
        ...settings.alerts ? {
            alerts: settings.alerts
        } : {},
        ...groups ? {
            groups
        } : {}
    };
}

export { DOCTOR_OPTIONS as D, doctor as a, renderText as b, doctorOptionsOf as d, exitCodeOf as e, renderMarkdown as r };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readRolloutFile } from './rollout-file-CfWIW6kC.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { B as BUILD_ID_LABEL } from './sides-DkRbOhL_.js';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import { p as parseDuration } from './duration-C-1UD4yS.js';
import { q as queueName } from './queues-BMU_gztj.js';
import { P as PROMETHEUS_AUTH_OPTIONS, a as prometheusUrlOption } from './prometheus-DvMyLyGX.js';
import { R as REPLAY_DEPLOY_OPTION, r as replayDeployOf } from './replay-deploy-CL7Vuhcl.js';
import { o as outputFlags, t as textOf, v as versionOf, i as integerOf } from './table-BWLE4AEh.js';

// The analyze command's options, and what they become: the overrides of rollout.yaml's analysis section and the
// selectors. rollout.yaml is read once, here, and the analysis takes its namespace from the same read.
const OVERRIDES = 'overrides rollout.yaml';
const ANALYZE_OPTIONS = [
    prometheusUrlOption('Prometheus base URL (masked: it may carry credentials).', 'Prometheus base URL (default $PROMETHEUS_URL)'),
    ...PROMETHEUS_AUTH_OPTIONS,
    {
        field: 'config',
        description: 'rollout.yaml; its analysis section sets checks, interval, count and limits.',
        arg: 'FILE',
        help: 'rollout.yaml with an analysis: section (default: built-in checks and defaults)'
    },
    {
        field: 'version',
        description: 'Canary version: its order and payment task queues (rollout.yaml templates) become the canary selector.',
        arg: 'V',
        help: "the canary's version: its task queues (rollout.yaml templates, needs --config) select it"
    },
    REPLAY_DEPLOY_OPTION,
    {
        field: 'canary',
        description: 'Canary selector value(s), comma-separated; overrides version.',
        arg: 'VALUE',
        help: 'label value that selects the canary (e.g. its task queue)'
    },
    {
        field: 'baseline',
        description: 'Baseline selector value(s), comma-separated; overrides baseline-version.',
        arg: 'VALUE',
        help: 'label value that selects the baseline'
    },
    {
        field: 'baseline-version',
        description: "The stable version (the canary step's stable output): its task queues become the baseline selector.",
        arg: 'V',
        help: 'the stable version: its task queues (rollout.yaml templates, needs --config) select the baseline'
    },
    {
        field: 'selector-label',
        flag: 'label',
        description: `Label that tells canary from baseline (default from the config, else task_queue; with both versions given and one queue shared, ${BUILD_ID_LABEL}).`,
        arg: 'NAME',
        help: `the label (default from the config, else task_queue; ${BUILD_ID_LABEL} when both versions are given and share a queue)`
    },
    {
        field: 'interval',
        description: `Time between measurements; ${OVERRIDES}.`,
        arg: 'DURATION',
        help: 'override analysis.interval (e.g. 10s)'
    },
    {
        field: 'count',
        description: `Number of measurements; ${OVERRIDES}.`,
        arg: 'N',
        help: 'override analysis.count'
    },
    {
        field: 'deadline',
        description: `The whole analysis ends inconclusive after this long (default initialDelay + count × interval + 1m); ${OVERRIDES}.`,
        arg: 'DURATION',
        help: 'override analysis.deadline: the whole analysis ends inconclusive after it (default initialDelay + count × interval + 1m)'
    },
    {
        field: 'query-timeout',
        description: `Timeout of one Prometheus query attempt (default 10s); ${OVERRIDES}.`,
        arg: 'DURATION',
        help: 'override analysis.queryTimeout, per Prometheus query attempt (default 10s)'
    },
    {
        field: 'query-retries',
        description: `Further attempts after a transient Prometheus failure (default 2); ${OVERRIDES}.`,
        arg: 'N',
        help: 'override analysis.queryRetries, further attempts after a transient failure (default 2)'
    },
    {
        field: 'temporal-address',
        description: 'host:port of the Temporal frontend (drain counts, gate workflows, versioning; analyze: turns on the Temporal-native check, canary runs whose workflow task keeps failing).',
        arg: 'H:P',
        help: "turn on the Temporal-native check: the canary's runs whose workflow task keeps failing (non-determinism, workflow code that throws) fail the analysis within seconds"
    },
    {
        field: 'temporal-api-key',
        flag: false,
        env: 'TEMPORAL_API_KEY',
        secret: true,
        description: 'API key (masked).'
    },
    {
        field: 'namespace',
        description: `Temporal namespace; ${OVERRIDES}.`,
        arg: 'NS',
        help: 'Temporal namespace (default: rollout.yaml temporal.namespace, else default)'
    },
    {
        field: 'temporal-runs',
        description: `Visibility query for the canary's runs; default its task queues (when selector-label is task_queue). Overrides rollout.yaml.`,
        arg: 'QUERY',
        help: "override analysis.temporal.runs, the visibility query for the canary's runs (default: its task queues, when the selector label is task_queue)"
    },
    {
        field: 'report',
        input: 'report-path',
        description: 'Where the JSON report (every measurement) is written.',
        arg: 'FILE',
        help: 'write the report JSON (every measurement)',
        inputDefault: 'analysis-report.json'
    },
    {
        field: 'summary',
        input: false,
        arg: 'FILE',
        help: 'write the markdown summary (table + Mermaid chart)'
    },
    ...outputFlags('print the report JSON instead of the human summary')
];
/** A duration option, checked here, passed on as written (the analysis spec parses it). */ function durationText(values, field) {
    const text = textOf(values, field);
    if (text !== undefined) parseDuration(text, field);
    return text;
}
/** The order and payment task queues of the version in `field`, from the queue templates in rollout.yaml. */ function queuesOfVersion(config, version, field) {
    return [
        config.taskQueues.order,
        config.taskQueues.payment
    ].filter((q)=>q !== undefined).map((q)=>queueName(q.template, q.base, version, field)).join(',');
}
/**
 * rollout.yaml (read once) and what the options ask of the analysis, every option checked before the step loads.
 * A version option becomes its task queues, through rollout.yaml's templates (same-queue: the baseline's).
 */ async function analyzeRequestOf(values) {
    const configPath = textOf(values, 'config');
    const file = configPath ? await readRolloutFile(configPath) : undefined;
    const queuesOf = (field)=>{
        const version = textOf(values, field);
        return version === undefined || file === undefined ? undefined : queuesOfVersion(file.config(), version, field);
    };
    // Same-queue: the canary took over the baseline's queues, whatever its own template would give.
    const sameQueue = replayDeployOf(values, 'replay-deploy') === 'same-queue';
    const canary = textOf(values, 'canary') ?? queuesOf(sameQueue ? 'baseline-version' : 'version');
    const baseline = textOf(values, 'baseline') ?? queuesOf('baseline-version');
    const canaryVersion = versionOf(values, 'version');
    const baselineVersion = versionOf(values, 'baseline-version');
    const label = textOf(values, 'selector-label');
    const interval = durationText(values, 'interval');
    const count = integerOf(values, 'count', {
        min: 1
    });
    const deadline = durationText(values, 'deadline');
    const queryTimeout = durationText(values, 'query-timeout');
    const queryRetries = integerOf(values, 'query-retries', {
        min: 0
    });
    const temporalRuns = textOf(values, 'temporal-runs');
    return {
        source: {
            ...configPath ? {
                configPath
            } : {},
            ...file ? {
                file
            } : {},
            ...canary ? {
                canary
            } : {},
            ...baseline ? {
                baseline
            } : {},
            ...label ? {
                label
            } : {},
            ...canaryVersion && baselineVersion ? {
                versions: {
                    canary: canaryVersion,
                    baseline: baselineVersion
                }
            } : {},
            ...interval ? {
                interval
            } : {},
            ...count !== undefined ? {
                count
            } : {},
            ...deadline ? {
                deadline
            } : {},
            ...queryTimeout ? {
                queryTimeout
            } : {},
            ...queryRetries !== undefined ? {
                queryRetries
            } : {},
            ...temporalRuns ? {
                temporalRuns
            } : {}
        }
    };
}
/**
 * Runs the analysis the options ask for: the step loads only now (every option was checked), the spec is
 * resolved, a Temporal client connects when temporal-address is set (a setting that makes its check impossible
 * is refused first), and the measurements run. The namespace: the option, else rollout.yaml's
 * `temporal.namespace` (source.file), else the default.
 */ async function runAnalysis(values, source, prometheus, frontEnd = {}) {
    const temporalAddress = textOf(values, 'temporal-address');
    const { analyze, connectAnalysisTemporal, resolveAnalysisSpec, temporalRunsQuery } = await loadStep(()=>import('./analyze-7SMFyqpo.js'));
    const spec = await resolveAnalysisSpec(source);
    if (temporalAddress && spec.temporal.enabled) temporalRunsQuery(spec);
    const temporal = temporalAddress ? await connectAnalysisTemporal({
        address: temporalAddress,
        namespace: textOf(values, 'namespace') ?? source.file?.namespace() ?? DEFAULTS.namespace,
        apiKey: textOf(values, 'temporal-api-key')
    }) : undefined;
    const { onTick } = frontEnd;
    const report = await analyze({
        prometheus,
        spec,
        ...temporal ? {
            temporal: {
                client: temporal.client
            }
        } : {},
        ...onTick ? {
            onTick: (tick, judgement)=>onTick(tick, judgement, spec.count)
        } : {}
    }).finally(()=>temporal?.close());
    return {
        report,
        count: spec.count
    };
}

export { ANALYZE_OPTIONS as A, analyzeRequestOf as a, runAnalysis as r };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { writeFile } from 'node:fs/promises';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { f as fmt, r as renderMarkdown } from './report-DZdw_OwW.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { b as parseInteger } from './table-CAmxcAk9.js';
import { A as ANALYZE_FIELDS } from './commands-CqFBZbcc.js';
import { p as parseCommand, w as withFlagNames, O as OUTPUT_SWITCHES } from './command-C7-RYSQS.js';
import './markdown-CTU4Idmi.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './queues-BzXUQGIA.js';
import 'node:util';

const summary = 'judge a canary from Prometheus metrics: pass | fail | inconclusive';
const HELP = `usage: temporal-rollout analyze --prometheus-url URL --canary VALUE --baseline VALUE [options]

Measures the checks of rollout.yaml's analysis section (and the built-in Temporal checks) for the canary and
the baseline every interval, and prints the verdict. Exit code: 0 pass, 1 fail, 3 inconclusive, 2 bad usage or input.

  --prometheus-url URL   Prometheus base URL
  --config FILE          rollout.yaml with an analysis: section (default: built-in checks and defaults)
  --canary VALUE         label value that selects the canary (e.g. its task queue)
  --baseline VALUE       label value that selects the baseline
  --label NAME           the label (default from the config, else task_queue)
  --interval DURATION    override analysis.interval (e.g. 10s)
  --count N              override analysis.count
  --deadline DURATION    override analysis.deadline: the whole analysis ends inconclusive after it
                         (default initialDelay + count × interval + 1m)
  --query-timeout DURATION   override analysis.queryTimeout, per Prometheus query attempt (default 10s)
  --query-retries N      override analysis.queryRetries, further attempts after a transient failure (default 2)
  --temporal-address H:P turn on the Temporal-native check: the canary's runs whose workflow task keeps failing
                         (non-determinism, workflow code that throws) fail the analysis within seconds
  --namespace NS         Temporal namespace (default: default)
  --temporal-runs QUERY  override analysis.temporal.runs, the visibility query for the canary's runs
                         (default: its task queues, when the selector label is task_queue)
  --report FILE          write the report JSON (every measurement)
  --summary FILE         write the markdown summary (table + Mermaid chart)
  --json                 print the report JSON instead of the human summary
Credentials come from the environment only: PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD (basic auth) or
PROMETHEUS_TOKEN (bearer); TEMPORAL_API_KEY.`;
const EXIT_CODES = {
    pass: 0,
    fail: 1,
    inconclusive: 3
};
const OPTIONS = {
    'prometheus-url': {
        type: 'string'
    },
    config: {
        type: 'string'
    },
    canary: {
        type: 'string'
    },
    baseline: {
        type: 'string'
    },
    label: {
        type: 'string'
    },
    interval: {
        type: 'string'
    },
    count: {
        type: 'string'
    },
    deadline: {
        type: 'string'
    },
    'query-timeout': {
        type: 'string'
    },
    'query-retries': {
        type: 'string'
    },
    'temporal-address': {
        type: 'string'
    },
    namespace: {
        type: 'string'
    },
    'temporal-runs': {
        type: 'string'
    },
    report: {
        type: 'string'
    },
    summary: {
        type: 'string'
    },
    ...OUTPUT_SWITCHES
};
async function main(argv) {
    const values = parseCommand(argv, OPTIONS, HELP);
    if (!values) return 0;
    return withFlagNames(ANALYZE_FIELDS, async ()=>{
        const url = values['prometheus-url'] ?? process.env.PROMETHEUS_URL;
        if (!url) throw new InputError('--prometheus-url', 'is required', 'pass the Prometheus base URL');
        const count = values.count === undefined ? undefined : parseInteger(values.count, '--count', {
            min: 1
        });
        const queryRetries = values['query-retries'] === undefined ? undefined : parseInteger(values['query-retries'], '--query-retries', {
            min: 0
        });
        const { analyze, connectAnalysisTemporal, resolveAnalysisSpec, temporalRunsQuery } = await loadStep(()=>import('./analyze-DqW1tBei.js'));
        const spec = await resolveAnalysisSpec({
            configPath: values.config,
            canary: values.canary,
            baseline: values.baseline,
            label: values.label,
            interval: values.interval,
            count,
            deadline: values.deadline,
            queryTimeout: values['query-timeout'],
            queryRetries,
            temporalRuns: values['temporal-runs']
        });
        // A setting that makes the Temporal check impossible is reported before connecting.
        if (values['temporal-address'] && spec.temporal.enabled) temporalRunsQuery(spec);
        const temporal = values['temporal-address'] ? await connectAnalysisTemporal({
            address: values['temporal-address'],
            namespace: values.namespace ?? 'default',
            apiKey: process.env.TEMPORAL_API_KEY || undefined
        }) : undefined;
        const report = await analyze({
            prometheus: {
                url,
                auth: authFromEnv()
            },
            spec,
            ...temporal ? {
                temporal: {
                    client: temporal.client
                }
            } : {},
            onTick: values.json ? undefined : (tick, judgement)=>{
                const line = judgement.checks.map((c)=>{
                    const m = c.measurements.at(-1);
                    return `${c.name}=${m ? `${m.phase}${m.canary !== undefined ? `(${fmt(m.canary)})` : ''}` : '-'}`;
                }).join(' ');
                console.error(`[${tick}/${spec.count}] ${line}`);
            }
        }).finally(()=>temporal?.close());
        if (values.report) await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
        if (values.summary) await writeFile(values.summary, renderMarkdown(report));
        if (values.json) console.log(JSON.stringify(report, null, 2));
        else {
            const by = report.failedSources.length > 0 ? `, failed by ${report.failedSources.join(' and ')}` : '';
            console.log(`verdict: ${report.verdict} (${report.ticks}/${spec.count} measurements${by})`);
            for (const reason of report.reasons)console.log(`  - ${reason}`);
        }
        return EXIT_CODES[report.verdict];
    });
}
/** Prometheus credentials from the environment (never flags: they would show in `ps`). */ function authFromEnv() {
    const { PROMETHEUS_USERNAME: username, PROMETHEUS_PASSWORD: password, PROMETHEUS_TOKEN: token } = process.env;
    if (token) return {
        type: 'bearer',
        token
    };
    if (username !== undefined && password !== undefined) return {
        type: 'basic',
        username,
        password
    };
    return undefined;
}

export { EXIT_CODES, authFromEnv, main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as parseCodecKey } from './history-codec-IIOv7AL3.js';
import { r as readInputFile } from './input-file-BTywq2dF.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { p as parseDuration } from './duration-D7VXZGjg.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { b as parseInteger } from './table-CAmxcAk9.js';
import { r as renderText } from './render-BmyC4Xey.js';
import { p as parseCommand, O as OUTPUT_SWITCHES } from './command-C7-RYSQS.js';
import 'node:crypto';
import 'node:fs/promises';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './markdown-CTU4Idmi.js';
import 'node:util';

const summary = 'replay stored (and live open) histories against new workflow code';
const HELP = `usage: temporal-rollout replay --histories GLOB [--histories GLOB…] (--workflows FILE | --bundle FILE) [options]

Bundles the workflow code once with the @temporalio/worker installed in the workspace and replays every
history across --concurrency processes, each loading that SDK.
Exit codes: 0 pass; 1 the gate fails (non-determinism, a missing workflow type, a timeout, another replay
error) or a server cannot be reached; 2 bad usage or input (unknown option, missing --histories/--workflows,
a file that is not a valid history) — nothing was replayed.

  --workspace DIR          package directory with node_modules (default: .); globs are relative to it
  --histories GLOB         history files (temporal workflow show -o json format); repeatable
  --workflows FILE         the workflows module (workflowsPath)
  --bundle FILE            a prebuilt bundle (bundleWorkflowCode().code) instead of --workflows
  --address HOST:PORT      also replay open runs fetched from this Temporal frontend
  --namespace NS           namespace of the live runs (default: default)
  --query QUERY            visibility query for live runs (default: ExecutionStatus="Running")
  --limit N                at most N live runs (default 100)
  --tls-cert FILE --tls-key FILE [--tls-ca FILE] [--tls-server-name NAME]   mTLS for --address
  --codec-key-env NAME     env var with the AES-GCM key for encrypted histories (default TEMPORAL_ROLLOUT_CODEC_KEY)
  --concurrency N          replay processes side by side (default: CPUs, at most 4)
  --history-timeout DUR    fail a history that has not replayed after DUR (default 60s)
  --allow-replay-errors    tolerate errors the workflow code throws; non-determinism, missing workflow
                           types, invalid histories and timeouts still fail
  --report FILE            write the JSON report
  --json                   print the JSON report instead of the summary (stdout carries only the report)
The API key for --address comes from TEMPORAL_API_KEY.`;
const OPTIONS = {
    workspace: {
        type: 'string',
        default: '.'
    },
    histories: {
        type: 'string',
        multiple: true,
        default: []
    },
    workflows: {
        type: 'string'
    },
    bundle: {
        type: 'string'
    },
    address: {
        type: 'string'
    },
    namespace: {
        type: 'string',
        default: 'default'
    },
    query: {
        type: 'string'
    },
    limit: {
        type: 'string'
    },
    'tls-cert': {
        type: 'string'
    },
    'tls-key': {
        type: 'string'
    },
    'tls-ca': {
        type: 'string'
    },
    'tls-server-name': {
        type: 'string'
    },
    'codec-key-env': {
        type: 'string',
        default: 'TEMPORAL_ROLLOUT_CODEC_KEY'
    },
    'allow-replay-errors': {
        type: 'boolean',
        default: false
    },
    concurrency: {
        type: 'string'
    },
    'history-timeout': {
        type: 'string'
    },
    report: {
        type: 'string'
    },
    ...OUTPUT_SWITCHES
};
async function main(argv) {
    const values = parseCommand(argv, OPTIONS, HELP);
    if (!values) return 0;
    const live = values.address ? await liveSource(values) : undefined;
    const keyText = process.env[values['codec-key-env']];
    const concurrency = values.concurrency === undefined ? undefined : parseInteger(values.concurrency, '--concurrency', {
        min: 1
    });
    const codecKey = keyText ? parseCodecKey(keyText, `env ${values['codec-key-env']}`) : undefined;
    if (values.histories.length === 0 && !live) throw new InputError('--histories', 'is not given and there is no --address', 'pass a glob of history files');
    // The step (and the Temporal client it loads) only after every option was checked.
    const { replay } = await loadStep(()=>import('./replay-Bq_OHSMz.js').then(function (n) { return n.a; }));
    const report = await replay({
        workspace: values.workspace,
        histories: values.histories,
        workflowsPath: values.workflows,
        bundlePath: values.bundle,
        live,
        codecKey,
        allowReplayErrors: values['allow-replay-errors'],
        reportPath: values.report,
        concurrency,
        historyTimeoutMs: historyTimeout(values['history-timeout'])
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : renderText(report));
    return report.passed ? 0 : 1;
}
function historyTimeout(text) {
    if (text === undefined) return undefined;
    return parseDuration(text, '--history-timeout');
}
async function liveSource(values) {
    const limit = values.limit === undefined ? undefined : parseInteger(values.limit, '--limit', {
        min: 1
    });
    const [cert, key, ca] = await Promise.all([
        readInputFile(values['tls-cert'], '--tls-cert'),
        readInputFile(values['tls-key'], '--tls-key'),
        readInputFile(values['tls-ca'], '--tls-ca')
    ]);
    if (!cert !== !key) throw new InputError('--tls-cert / --tls-key', 'go together', 'pass both');
    const tls = cert || ca || values['tls-server-name'] ? {
        cert,
        key,
        ca,
        serverName: values['tls-server-name']
    } : undefined;
    const apiKey = process.env.TEMPORAL_API_KEY || undefined;
    return {
        address: values.address,
        namespace: values.namespace,
        ...values.query ? {
            query: values.query
        } : {},
        ...limit ? {
            limit
        } : {},
        ...tls ? {
            tls
        } : {},
        ...apiKey ? {
            apiKey
        } : {}
    };
}

export { main, summary };

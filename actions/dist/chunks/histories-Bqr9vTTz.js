import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as parseCodecKey } from './history-codec-JxvfVN6M.js';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import { p as parseDuration } from './duration-C-1UD4yS.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { o as outputFlags, l as listOf, t as textOf, n as parseInteger, k as booleanOf } from './table-BWLE4AEh.js';
import { c as checkWorkflowTypes } from './capture-options-BQhg6GSs.js';
import { c as checkReplayOptions } from './replay-options-DogIxxOg.js';

// The options of the commands that read histories: replay (stored and live runs) and capture (live runs into
// histories/), and what they become. The action takes PEM contents, keys and the API key as (masked) inputs; the
// CLI takes files, the name of an environment variable and TEMPORAL_API_KEY, never a secret in argv.
/** mTLS to the frontend and the API key (the CLI takes the key from TEMPORAL_API_KEY). */ const TEMPORAL_TLS_OPTIONS = [
    {
        field: 'temporal-api-key',
        flag: false,
        env: 'TEMPORAL_API_KEY',
        secret: true,
        description: 'API key (masked).'
    },
    {
        field: 'tls-cert',
        input: 'temporal-tls-cert',
        secret: true,
        description: 'Client certificate PEM (masked).',
        arg: 'FILE',
        help: 'mTLS client certificate (PEM file)'
    },
    {
        field: 'tls-key',
        input: 'temporal-tls-key',
        secret: true,
        description: 'Client key PEM (masked).',
        arg: 'FILE',
        help: 'its key (PEM file)'
    },
    {
        field: 'tls-ca',
        input: 'temporal-tls-ca',
        description: 'CA certificate PEM.',
        arg: 'FILE',
        help: 'CA certificate (PEM file)'
    },
    {
        field: 'tls-server-name',
        input: 'temporal-tls-server-name',
        description: 'TLS server name override.',
        arg: 'NAME',
        help: 'the server name TLS checks (default: the host of the address)'
    }
];
const REPLAY_OPTIONS = [
    {
        field: 'workspace',
        description: 'Your package directory: @temporalio/worker is loaded from here (run npm ci first).',
        arg: 'DIR',
        help: 'package directory with node_modules (default: .); globs are relative to it',
        default: '.'
    },
    {
        field: 'histories',
        kind: 'list',
        description: 'Globs of history files (temporal workflow show -o json), one per line.',
        arg: 'GLOB',
        help: 'history files (temporal workflow show -o json format); repeatable'
    },
    {
        field: 'workflows',
        input: 'workflows-path',
        description: 'The module that exports your workflows (bundled once).',
        arg: 'FILE',
        help: 'the workflows module (workflowsPath)'
    },
    {
        field: 'bundle',
        input: 'bundle-path',
        description: 'A prebuilt workflow bundle instead of workflows-path.',
        arg: 'FILE',
        help: 'a prebuilt bundle (bundleWorkflowCode().code) instead of --workflows'
    },
    {
        field: 'temporal-address',
        flag: 'address',
        description: 'host:port of the Temporal frontend, for live replay.',
        arg: 'HOST:PORT',
        help: 'also replay open runs fetched from this Temporal frontend'
    },
    {
        field: 'namespace',
        input: 'temporal-namespace',
        description: 'Namespace of the live runs.',
        arg: 'NS',
        help: 'namespace of the live runs (default: default)',
        default: 'default'
    },
    {
        field: 'live-query',
        flag: 'query',
        description: 'Also replay runs matching this visibility query (needs temporal-address).',
        arg: 'QUERY',
        help: 'visibility query for live runs (default: ExecutionStatus="Running", only on the --task-queue and --config queues when given)'
    },
    {
        field: 'live-limit',
        flag: 'limit',
        description: 'At most this many live runs.',
        arg: 'N',
        help: 'at most N live runs (default 100)',
        default: '100'
    },
    {
        field: 'task-queues',
        kind: 'list',
        flag: 'task-queue',
        description: "Task queues this worker serves, one per line; each also stands for its versioned queues <name>-v<N>. A live run of a workflow type your code does not export is skipped only on another queue (another worker's); on these, or when neither this nor config names any queue, it fails the gate. Without live-query, only runs on these queues are fetched.",
        arg: 'NAME',
        help: "a task queue this worker serves, with its versioned queues NAME-v<N>; repeatable. A live run of a type the code does not export is skipped only on another queue (another worker's); on these, or when neither this nor --config names any queue, it fails the gate. Without --query only runs on these queues are fetched"
    },
    {
        field: 'config',
        description: 'Path of rollout.yaml, relative to workspace: with a live source, its taskQueues (bases and templates) are queues this worker serves, as task-queues. The default is read when present.',
        arg: 'FILE',
        help: 'rollout.yaml (relative to --workspace; default rollout.yaml, read when present): with --address, its taskQueues are queues this worker serves, as --task-queue',
        default: DEFAULTS.configFile
    },
    ...TEMPORAL_TLS_OPTIONS,
    {
        field: 'codec-key',
        flag: 'codec-key-env',
        secret: true,
        description: 'AES-GCM key of histories captured encrypted (masked).',
        arg: 'NAME',
        help: 'env var with the AES-GCM key for encrypted histories (default TEMPORAL_ROLLOUT_CODEC_KEY)',
        flagDefault: 'TEMPORAL_ROLLOUT_CODEC_KEY'
    },
    {
        field: 'concurrency',
        description: "Replay processes side by side (default: the runner's CPUs, at most 4).",
        arg: 'N',
        help: 'replay processes side by side (default: CPUs, at most 4)'
    },
    {
        field: 'history-timeout',
        description: 'Fail a history that has not replayed after this long (e.g. 60s, 5m).',
        arg: 'DUR',
        help: 'fail a history that has not replayed after DUR (default 60s)',
        default: '60s'
    },
    {
        field: 'allow-replay-errors',
        kind: 'switch',
        description: 'Tolerate errors the workflow code throws during replay; non-determinism, missing workflow types, invalid histories and timeouts still fail.',
        help: 'tolerate errors the workflow code throws; non-determinism, missing workflow types, invalid histories and timeouts still fail',
        default: 'false'
    },
    {
        field: 'report',
        input: 'report-path',
        description: 'Where the JSON report is written.',
        arg: 'FILE',
        help: 'write the JSON report',
        inputDefault: 'replay-report.json'
    },
    ...outputFlags('print the JSON report instead of the summary (stdout carries only the report)')
];
const CAPTURE_OPTIONS = [
    {
        field: 'temporal-address',
        flag: 'address',
        description: 'host:port of the Temporal frontend.',
        arg: 'HOST:PORT',
        help: 'Temporal frontend'
    },
    {
        field: 'namespace',
        input: 'temporal-namespace',
        description: 'Namespace.',
        arg: 'NS',
        help: '(default: default)',
        default: 'default'
    },
    ...TEMPORAL_TLS_OPTIONS,
    {
        field: 'workflow-types',
        kind: 'list',
        flag: 'type',
        description: 'Workflow types to capture, one per line; default every type found.',
        arg: 'NAME',
        help: 'workflow type to capture; repeatable (default: every type found)'
    },
    {
        field: 'query',
        description: 'Visibility query; default open runs of each type plus a sample of recently closed ones.',
        arg: 'QUERY',
        help: 'a visibility query replacing the default'
    },
    {
        field: 'out-dir',
        flag: 'out',
        description: 'Where histories and manifest.json go.',
        arg: 'DIR',
        help: 'histories directory (default: histories)',
        default: 'histories'
    },
    {
        field: 'open-per-type',
        description: 'Open runs kept per workflow type.',
        arg: 'N',
        help: 'open runs kept per type (default 20)',
        default: '20'
    },
    {
        field: 'closed-per-status',
        description: 'Closed runs kept per type and status.',
        arg: 'N',
        help: 'closed runs kept per type and status (default 3)',
        default: '3'
    },
    {
        field: 'codec-key',
        flag: 'codec-key-env',
        secret: true,
        description: 'AES-GCM key: payloads are stored encrypted (masked).',
        arg: 'NAME',
        help: 'env var holding an AES-GCM key: payloads are stored encrypted'
    },
    {
        field: 'open-pull-request',
        flag: false,
        description: 'Open (or update) a pull request with the new histories.',
        default: 'false'
    },
    {
        field: 'base',
        flag: false,
        description: 'Branch the pull request targets.',
        default: 'main'
    },
    {
        field: 'branch',
        flag: false,
        description: 'Branch the captured histories are committed to (updated on later runs).',
        default: 'temporal-rollout/captured-histories'
    },
    ...outputFlags()
];
/** The frontend to read runs from, with mTLS and the API key; undefined without an address. */ function liveSourceOf(values, secrets) {
    const address = textOf(values, 'temporal-address');
    if (!address) return undefined;
    const { cert, key, ca } = secrets.tls;
    if (!cert !== !key) throw new InputError('⟨tls-cert⟩ / ⟨tls-key⟩', 'go together', 'pass both');
    const serverName = textOf(values, 'tls-server-name');
    return {
        address,
        namespace: textOf(values, 'namespace') ?? 'default',
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
    };
}
function countOf(values, field, min) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseInteger(text, field, {
        min
    });
}
/** The replay step's options, every one checked before the step (and the SDK) loads. */ function replayOptionsOf(values, secrets) {
    const live = liveSourceOf(values, secrets);
    const query = textOf(values, 'live-query');
    const limit = countOf(values, 'live-limit', 1);
    const concurrency = countOf(values, 'concurrency', 1);
    const timeout = textOf(values, 'history-timeout');
    const reportPath = textOf(values, 'report');
    const workflowsPath = textOf(values, 'workflows');
    const bundlePath = textOf(values, 'bundle');
    const taskQueues = listOf(values, 'task-queues');
    const configPath = textOf(values, 'config');
    const options = {
        workspace: textOf(values, 'workspace') ?? '.',
        histories: listOf(values, 'histories'),
        ...workflowsPath ? {
            workflowsPath
        } : {},
        ...bundlePath ? {
            bundlePath
        } : {},
        ...live ? {
            live: {
                ...live,
                ...query ? {
                    query
                } : {},
                ...limit !== undefined ? {
                    limit
                } : {}
            }
        } : {},
        ...taskQueues.length > 0 ? {
            taskQueues
        } : {},
        ...configPath ? {
            configPath
        } : {},
        ...secrets.codecKey ? {
            codecKey: secrets.codecKey
        } : {},
        allowReplayErrors: booleanOf(values, 'allow-replay-errors', false),
        ...concurrency !== undefined ? {
            concurrency
        } : {},
        ...timeout !== undefined ? {
            historyTimeoutMs: parseDuration(timeout, 'history-timeout')
        } : {},
        ...reportPath ? {
            reportPath
        } : {}
    };
    checkReplayOptions(options);
    return options;
}
/** The capture step's options, every one checked before the step (and the Temporal client) loads. */ function captureOptionsOf(values, secrets) {
    const live = liveSourceOf(values, secrets);
    if (!live) throw new InputError('temporal-address', 'is required', 'pass the Temporal frontend host:port');
    const types = listOf(values, 'workflow-types');
    checkWorkflowTypes(types, 'workflow-types');
    const query = textOf(values, 'query');
    const openPerType = countOf(values, 'open-per-type', 0);
    const closedPerStatus = countOf(values, 'closed-per-status', 0);
    return {
        live,
        outDir: textOf(values, 'out-dir') ?? 'histories',
        ...types.length > 0 ? {
            workflowTypes: types
        } : {},
        ...query ? {
            query
        } : {},
        ...openPerType !== undefined ? {
            openPerType
        } : {},
        ...closedPerStatus !== undefined ? {
            closedPerStatus
        } : {},
        ...secrets.codecKey ? {
            codecKey: secrets.codecKey
        } : {}
    };
}
/** The action's secrets: all inputs (masked as they were read). */ function inputSecrets(values) {
    const cert = textOf(values, 'tls-cert');
    const key = textOf(values, 'tls-key');
    const ca = textOf(values, 'tls-ca');
    const apiKey = textOf(values, 'temporal-api-key');
    const codecKey = textOf(values, 'codec-key');
    return {
        tls: {
            ...cert ? {
                cert
            } : {},
            ...key ? {
                key
            } : {},
            ...ca ? {
                ca
            } : {}
        },
        ...apiKey ? {
            apiKey
        } : {},
        ...codecKey ? {
            codecKey: parseCodecKey(codecKey, 'codec-key')
        } : {}
    };
}

export { CAPTURE_OPTIONS as C, REPLAY_OPTIONS as R, TEMPORAL_TLS_OPTIONS as T, captureOptionsOf as c, inputSecrets as i, replayOptionsOf as r };

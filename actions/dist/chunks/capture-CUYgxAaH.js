import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as parseCodecKey } from './history-codec-IIOv7AL3.js';
import { r as readInputFile } from './input-file-BTywq2dF.js';
import { c as checkWritableDirectory } from './state-dir-B7GjbeXD.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { b as parseInteger } from './table-CAmxcAk9.js';
import { c as checkWorkflowTypes } from './capture-options-9V4mDHFX.js';
import { p as parseCommand, O as OUTPUT_SWITCHES } from './command-C7-RYSQS.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:path';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:util';

const summary = 'pull histories from a namespace into histories/ (+ manifest), optionally encrypted';
const HELP = `usage: temporal-rollout capture --address HOST:PORT [options]

Lists runs by visibility query (default: open runs of each workflow type plus recently closed ones),
samples them per type and status, skips run ids the manifest already holds, and writes
<out>/<WorkflowType>/captured-<status>-<runId>.json plus <out>/manifest.json.

  --address HOST:PORT      Temporal frontend
  --namespace NS           (default: default)
  --out DIR                histories directory (default: histories)
  --type NAME              workflow type to capture; repeatable (default: every type found)
  --query QUERY            a visibility query replacing the default
  --open-per-type N        open runs kept per type (default 20)
  --closed-per-status N    closed runs kept per type and status (default 3)
  --tls-cert FILE --tls-key FILE [--tls-ca FILE] [--tls-server-name NAME]
  --codec-key-env NAME     env var holding an AES-GCM key: payloads are stored encrypted
  --json                   print the result as JSON
The API key comes from TEMPORAL_API_KEY.`;
function count(flag, value) {
    return value === undefined ? undefined : parseInteger(value, `--${flag}`, {
        min: 0
    });
}
const OPTIONS = {
    address: {
        type: 'string'
    },
    namespace: {
        type: 'string',
        default: 'default'
    },
    out: {
        type: 'string',
        default: 'histories'
    },
    type: {
        type: 'string',
        multiple: true,
        default: []
    },
    query: {
        type: 'string'
    },
    'open-per-type': {
        type: 'string'
    },
    'closed-per-status': {
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
        type: 'string'
    },
    ...OUTPUT_SWITCHES
};
async function main(argv) {
    const values = parseCommand(argv, OPTIONS, HELP);
    if (!values) return 0;
    if (!values.address) throw new InputError('--address', 'is required', 'pass the Temporal frontend host:port');
    const [cert, key, ca] = await Promise.all([
        readInputFile(values['tls-cert'], '--tls-cert'),
        readInputFile(values['tls-key'], '--tls-key'),
        readInputFile(values['tls-ca'], '--tls-ca')
    ]);
    const keyEnv = values['codec-key-env'];
    const keyText = keyEnv ? process.env[keyEnv] : undefined;
    if (keyEnv && !keyText) throw new InputError(`--codec-key-env ${keyEnv}`, 'names an unset variable');
    const apiKey = process.env.TEMPORAL_API_KEY || undefined;
    const options = {
        live: {
            address: values.address,
            namespace: values.namespace,
            ...cert || ca ? {
                tls: {
                    cert,
                    key,
                    ca,
                    serverName: values['tls-server-name']
                }
            } : {},
            ...apiKey ? {
                apiKey
            } : {}
        },
        outDir: values.out,
        workflowTypes: values.type.length > 0 ? values.type : undefined,
        query: values.query,
        openPerType: count('open-per-type', values['open-per-type']),
        closedPerStatus: count('closed-per-status', values['closed-per-status']),
        codecKey: keyText ? parseCodecKey(keyText, `env ${keyEnv}`) : undefined
    };
    checkWorkflowTypes(values.type, '--type');
    await checkWritableDirectory(values.out, '--out');
    const { capture } = await loadStep(()=>import('./capture-DSmubZUv.js'));
    const result = await capture(options);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
        console.log(`capture: ${result.written.length} new histories (${result.fetched} fetched, ${result.skipped} skipped)`);
        for (const e of result.written)console.log(`  ${e.file} (${e.status}, patches: ${e.patches.join(', ') || '—'})`);
        console.log(`manifest: ${result.manifestPath}`);
    }
    return 0;
}

export { main, summary };

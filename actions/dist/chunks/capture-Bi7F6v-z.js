import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import './index-CoVbPU9n.js';
import './temporal-histories-BrANwB4b.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { p as parseCodecKey } from './history-codec-DnntCgBI.js';
import { c as capture } from './capture-BVVhv96M.js';
import './index-minimal-Byr18cyI.js';
import 'process';
import 'tls';
import 'fs';
import 'os';
import 'net';
import 'events';
import 'stream';
import 'path';
import 'zlib';
import 'http2';
import 'http';
import 'url';
import 'dns';
import 'util';
import './index-BSjeM6V3.js';
import './_node_async_hooks_commonjs-external-OTwLQov_.js';
import 'node:module';
import 'crypto';
import 'node:crypto';
import 'node:fs';
import 'node:path';
import './manifest-BzhoykV-.js';

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
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InputError(`--${flag}`, `"${value}" is not a whole number ≥ 0`);
    return n;
}
async function main(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
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
            json: {
                type: 'boolean',
                default: false
            },
            help: {
                type: 'boolean',
                short: 'h',
                default: false
            }
        },
        strict: true
    });
    if (values.help) {
        console.log(HELP);
        return 0;
    }
    if (!values.address) throw new InputError('--address', 'is required', 'pass the Temporal frontend host:port');
    const read = (path)=>path ? readFile(path, 'utf8') : Promise.resolve(undefined);
    const [cert, key, ca] = await Promise.all([
        read(values['tls-cert']),
        read(values['tls-key']),
        read(values['tls-ca'])
    ]);
    const keyEnv = values['codec-key-env'];
    const keyText = keyEnv ? process.env[keyEnv] : undefined;
    if (keyEnv && !keyText) throw new InputError(`--codec-key-env ${keyEnv}`, 'names an unset variable');
    const apiKey = process.env.TEMPORAL_API_KEY || undefined;
    const result = await capture({
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
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
        console.log(`capture: ${result.written.length} new histories (${result.fetched} fetched, ${result.skipped} skipped)`);
        for (const e of result.written)console.log(`  ${e.file} (${e.status}, patches: ${e.patches.join(', ') || '—'})`);
        console.log(`manifest: ${result.manifestPath}`);
    }
    return 0;
}

export { main, summary };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { p as parseCodecKey } from './temporal-histories-BmAcikIk.js';
import { c as capture } from './capture-W0qZgZxx.js';
import { r as runAction, s as secretInput, o as optionalInput, l as listInput, n as numberInput, a as requiredInput, b as setOutputs, w as writeSummary } from './io-bgtmjw-P.js';
import 'node:crypto';
import './index-CVUm3HHX.js';
import './_commonjsHelpers-BZ7XjydQ.js';
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
import './_node_async_hooks_commonjs-external-C7NGaBqw.js';
import 'node:module';
import 'crypto';
import './errors-B1fqfkJP.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import './core-MSuJPO9h.js';
import 'https';
import 'assert';
import 'string_decoder';
import 'child_process';
import 'timers';
import './duration-ziIaNTL3.js';

/**
 * Inputs: temporal-address, temporal-namespace, temporal-tls-cert / -key / -ca, temporal-tls-server-name,
 * temporal-api-key (secrets), out-dir (default histories), workflow-types (list), query, open-per-type,
 * closed-per-status, codec-key (secret: payloads stored encrypted).
 * Outputs: written (count), files (newline-separated), manifest.
 */ async function runCaptureAction() {
    await runAction(async ()=>{
        const cert = secretInput('temporal-tls-cert');
        const key = secretInput('temporal-tls-key');
        const ca = optionalInput('temporal-tls-ca');
        const serverName = optionalInput('temporal-tls-server-name');
        const apiKey = secretInput('temporal-api-key');
        const codecKey = secretInput('codec-key');
        const types = listInput('workflow-types');
        const result = await capture({
            live: {
                address: requiredInput('temporal-address', 'set the Temporal frontend host:port'),
                namespace: optionalInput('temporal-namespace') ?? 'default',
                ...cert || ca || serverName ? {
                    tls: {
                        cert,
                        key,
                        ca,
                        serverName
                    }
                } : {},
                ...apiKey ? {
                    apiKey
                } : {}
            },
            outDir: optionalInput('out-dir') ?? 'histories',
            workflowTypes: types.length > 0 ? types : undefined,
            query: optionalInput('query'),
            openPerType: numberInput('open-per-type', 20, {
                min: 0
            }),
            closedPerStatus: numberInput('closed-per-status', 3, {
                min: 0
            }),
            codecKey: codecKey ? parseCodecKey(codecKey, 'input "codec-key"') : undefined
        });
        setOutputs({
            written: result.written.length,
            files: result.written.map((e)=>e.file).join('\n'),
            manifest: result.manifestPath
        });
        await writeSummary((s)=>s.addHeading(`Capture: ${result.written.length} new histories`, 2).addTable([
                [
                    {
                        data: 'File',
                        header: true
                    },
                    {
                        data: 'Status',
                        header: true
                    },
                    {
                        data: 'Patches',
                        header: true
                    }
                ],
                ...result.written.map((e)=>[
                        e.file,
                        e.status,
                        e.patches.join(', ')
                    ])
            ]));
    });
}

export { runCaptureAction };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { i as info } from './core-BZnLh8et.js';
import './index-CoVbPU9n.js';
import './temporal-histories-BrANwB4b.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { p as parseCodecKey } from './history-codec-DnntCgBI.js';
import { c as capture } from './capture-BVVhv96M.js';
import { g as githubFromInputs } from './github-context-BW5jCzt-.js';
import { r as runAction, s as secretInput, o as optionalInput, l as listInput, n as numberInput, a as requiredInput, c as booleanInput, b as setOutputs, w as writeSummary } from './io-CVYvg4SM.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:module';
import './_node_async_hooks_commonjs-external-OTwLQov_.js';
import 'string_decoder';
import 'child_process';
import 'timers';
import './index-minimal-Byr18cyI.js';
import 'process';
import 'stream';
import 'zlib';
import 'http2';
import 'url';
import 'dns';
import './index-BSjeM6V3.js';
import 'node:crypto';
import 'node:fs';
import './manifest-BzhoykV-.js';
import './duration-BkClXdL9.js';

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
        const outDir = optionalInput('out-dir') ?? 'histories';
        // Entries name files relative to out-dir; outputs and the pull request use workspace paths.
        const written = (file)=>join(outDir, file);
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
            outDir,
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
        let pullRequest;
        if (booleanInput('open-pull-request', false) && result.written.length > 0) {
            const github = githubFromInputs();
            if (!github) {
                throw new InputError('input "github-token"', 'is required when open-pull-request is true', 'pass the workflow token (github.token)');
            }
            const files = await Promise.all([
                ...result.written.map((e)=>written(e.file)),
                result.manifestPath
            ].map(async (file)=>({
                    path: relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), resolve(file)),
                    content: await readFile(file, 'utf8')
                })));
            const opened = await github.openPullRequest({
                base: optionalInput('base') ?? 'main',
                branch: optionalInput('branch') ?? 'temporal-rollout/captured-histories',
                title: `Captured histories: ${result.written.length} new`,
                body: [
                    'Fresh workflow histories captured by temporal-rollout, so the replay gate checks what really runs.',
                    '',
                    ...result.written.map((e)=>`- \`${e.file}\` (${e.status}${e.patches.length > 0 ? `, patches: ${e.patches.join(', ')}` : ''})`)
                ].join('\n'),
                commitMessage: `histories: capture ${result.written.length} new`,
                files
            });
            pullRequest = opened.url;
            info(`${opened.created ? 'opened' : 'updated'} pull request #${opened.number}: ${opened.url}`);
        }
        setOutputs({
            written: result.written.length,
            files: result.written.map((e)=>written(e.file)).join('\n'),
            manifest: result.manifestPath,
            'pull-request': pullRequest
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

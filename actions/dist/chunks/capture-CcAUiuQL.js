import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { i as info } from './core-_FsuVGiA.js';
import { b as parseCodecKey } from './history-codec-IIOv7AL3.js';
import { c as checkWritableDirectory } from './state-dir-B7GjbeXD.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { c as checkWorkflowTypes } from './capture-options-9V4mDHFX.js';
import { g as githubFromInputs } from './github-context-CKICjyAQ.js';
import { r as runAction, s as secretInput, o as optionalInput, l as listInput, e as booleanInput, i as integerInput, a as requiredInput, b as setOutputs, w as writeSummary } from './io-CJZ0Or7t.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:crypto';
import 'node:fs';
import './duration-D7VXZGjg.js';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';

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
        // Every input is read before anything connects or writes: a bad open-pull-request or a missing token must
        // not leave captured files behind.
        const openPullRequest = booleanInput('open-pull-request', false);
        const github = openPullRequest ? await githubFromInputs() : undefined;
        if (openPullRequest && !github) {
            throw new InputError('input "github-token"', 'is required when open-pull-request is true', 'pass the workflow token (github.token)');
        }
        const captureOptions = {
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
            openPerType: integerInput('open-per-type', 20, {
                min: 0
            }),
            closedPerStatus: integerInput('closed-per-status', 3, {
                min: 0
            }),
            codecKey: codecKey ? parseCodecKey(codecKey, 'input "codec-key"') : undefined
        };
        checkWorkflowTypes(captureOptions.workflowTypes ?? [], 'input "workflow-types"');
        await checkWritableDirectory(outDir, 'input "out-dir"');
        const base = optionalInput('base') ?? 'main';
        const branch = optionalInput('branch') ?? 'temporal-rollout/captured-histories';
        // The step (and the Temporal client it loads) only once every input is known to be good.
        const { capture } = await loadStep(()=>import('./capture-DSmubZUv.js'));
        const result = await capture(captureOptions);
        let pullRequest;
        if (github && result.written.length > 0) {
            const files = await Promise.all([
                ...result.written.map((e)=>written(e.file)),
                result.manifestPath
            ].map(async (file)=>({
                    path: relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), resolve(file)),
                    content: await readFile(file, 'utf8')
                })));
            const opened = await github.openPullRequest({
                base,
                branch,
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

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { i as info } from './core-almxvjU4.js';
import { c as checkWritableDirectory } from './state-dir-Cs_87Ymx.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { C as CAPTURE_OPTIONS, c as captureOptionsOf, i as inputSecrets } from './histories-Bqr9vTTz.js';
import { k as booleanOf, t as textOf } from './table-BWLE4AEh.js';
import { g as githubFromInputs } from './github-context-CiTHl149.js';
import { r as runAction, a as readInputs, s as setOutputs, w as writeSummary } from './io-O1zhRcWl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:fs';
import './history-codec-JxvfVN6M.js';
import 'node:crypto';
import './defaults-BsVYh3R2.js';
import './duration-C-1UD4yS.js';
import './capture-options-BQhg6GSs.js';
import './replay-options-DogIxxOg.js';
import './rollout-schema-BvgejjqT.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';

/**
 * Inputs: see CAPTURE_OPTIONS (actions/capture/action.yml), and github-token for the pull request.
 * Outputs: written (count), files (newline-separated), manifest, pull-request.
 */ async function runCaptureAction() {
    await runAction(async ()=>{
        const values = readInputs(CAPTURE_OPTIONS);
        const captureOptions = captureOptionsOf(values, inputSecrets(values));
        const { outDir } = captureOptions;
        // Entries name files relative to out-dir; outputs and the pull request use workspace paths.
        const written = (file)=>join(outDir, file);
        // Every input is read before anything connects or writes: a bad open-pull-request or a missing token must
        // not leave captured files behind.
        const openPullRequest = booleanOf(values, 'open-pull-request', false);
        const github = openPullRequest ? await githubFromInputs() : undefined;
        if (openPullRequest && !github) {
            throw new InputError('input "github-token"', 'is required when open-pull-request is true', 'pass the workflow token (github.token)');
        }
        await checkWritableDirectory(outDir, 'out-dir');
        const base = textOf(values, 'base') ?? 'main';
        const branch = textOf(values, 'branch') ?? 'temporal-rollout/captured-histories';
        // The step (and the Temporal client it loads) only once every input is known to be good.
        const { capture } = await loadStep(()=>import('./capture-5bW1pbI6.js'));
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
    }, CAPTURE_OPTIONS);
}

export { runCaptureAction };

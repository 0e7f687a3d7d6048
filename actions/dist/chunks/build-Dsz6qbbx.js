import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info } from './core-_FsuVGiA.js';
import { c as ciBuildContext, p as parseBuilder } from './ci-env-DgtGLfaW.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { r as runAction, s as secretInput, o as optionalInput, k as keyValueInput, c as choiceInput, e as booleanInput, b as setOutputs, w as writeSummary } from './io-CJZ0Or7t.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './table-CAmxcAk9.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import './duration-D7VXZGjg.js';

/**
 * Inputs: image, config (rollout.yaml), containerfile, workspace (default worker), compile (default true),
 * ref / sha (default the event's), push (auto | true | false; auto skips pull requests), force, builder
 * (auto | buildah | podman | docker), build-args (KEY=VALUE per line), platform, tls-verify (default true),
 * registry-username, registry-password (secret).
 * Outputs: image, tags (one per line), digest, image-ref (name@sha256:…), version, task-queue, reused, builder.
 */ async function runBuildAction() {
    await runAction(async ()=>{
        const password = secretInput('registry-password');
        const username = optionalInput('registry-username');
        if (!username !== !password) {
            throw new InputError('inputs "registry-username" / "registry-password"', 'go together', 'set both, or neither to use an earlier docker/login-action');
        }
        const buildArgs = keyValueInput('build-args');
        const push = choiceInput('push', [
            'auto',
            'true',
            'false'
        ]) ?? 'auto';
        // The job's commit, ref and repository address, unless the inputs name others.
        const job = ciBuildContext(process.env);
        const inputs = {
            repoDir: process.env.GITHUB_WORKSPACE ?? '.',
            configPath: optionalInput('config'),
            image: optionalInput('image'),
            containerfile: optionalInput('containerfile'),
            workspace: optionalInput('workspace') ?? 'worker',
            compile: booleanInput('compile', true),
            ref: optionalInput('ref') ?? job.ref,
            sha: optionalInput('sha') ?? job.sha,
            sourceUrl: job.sourceUrl,
            actionsCache: job.actionsCache,
            push: push === 'auto' ? 'auto' : push === 'true',
            force: booleanInput('force', false),
            builder: parseBuilder(optionalInput('builder') ?? 'auto'),
            buildArgs,
            platform: optionalInput('platform'),
            tlsVerify: booleanInput('tls-verify', true),
            credentials: username && password ? {
                username,
                password
            } : undefined,
            log: (line)=>info(line)
        };
        const { runBuild } = await loadStep(()=>import('./build-HyWYfb8y.js'));
        const result = await runBuild(inputs);
        setOutputs({
            image: result.image,
            tags: result.tags.join('\n'),
            digest: result.digest,
            'image-ref': result.imageRef,
            version: result.version,
            'task-queue': result.taskQueue,
            reused: result.reused,
            builder: result.builder
        });
        await writeSummary((s)=>s.addHeading(`Image ${result.version}${result.reused ? ' (already in the registry)' : ''}`, 2).addTable([
                [
                    {
                        data: 'field',
                        header: true
                    },
                    {
                        data: 'value',
                        header: true
                    }
                ],
                [
                    'image-ref',
                    result.imageRef ?? 'not pushed'
                ],
                [
                    'tags',
                    result.tags.join(', ')
                ],
                [
                    'task queue',
                    result.taskQueue ?? '—'
                ],
                [
                    'commit',
                    result.commit
                ],
                [
                    'created',
                    result.created
                ],
                [
                    'builder',
                    `${result.builder} (${result.builderReason})`
                ]
            ]));
    });
}

export { runBuildAction };

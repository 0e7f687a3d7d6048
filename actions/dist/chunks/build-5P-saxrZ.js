import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info } from './core-BZnLh8et.js';
import { r as runBuild, p as parseBuilder } from './build-BHoVbgh-.js';
import { I as InputError } from './errors-Brz47dcM.js';
import { r as runAction, s as secretInput, o as optionalInput, l as listInput, c as booleanInput, b as setOutputs, w as writeSummary } from './io-CVYvg4SM.js';
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
import 'node:fs';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import './index-BRNaljIU.js';
import 'node:url';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import './rollout-file-oEve-ZG0.js';
import './spec-BfLAsUPA.js';
import 'process';
import 'buffer';
import './duration-BkClXdL9.js';
import './queues-_TaSjIq2.js';

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
        const buildArgs = {};
        for (const line of listInput('build-args')){
            const eq = line.indexOf('=');
            if (eq < 1) throw new InputError('input "build-args"', `"${line}" is not KEY=VALUE`, 'one KEY=VALUE per line');
            buildArgs[line.slice(0, eq)] = line.slice(eq + 1);
        }
        const push = optionalInput('push') ?? 'auto';
        if (![
            'auto',
            'true',
            'false'
        ].includes(push)) {
            throw new InputError('input "push"', `"${push}" is not auto, true or false`);
        }
        const result = await runBuild({
            repoDir: process.env.GITHUB_WORKSPACE ?? '.',
            configPath: optionalInput('config'),
            image: optionalInput('image'),
            containerfile: optionalInput('containerfile'),
            workspace: optionalInput('workspace') ?? 'worker',
            compile: booleanInput('compile', true),
            ref: optionalInput('ref'),
            sha: optionalInput('sha'),
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
        });
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

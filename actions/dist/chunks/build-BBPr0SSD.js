import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { i as info } from './core-almxvjU4.js';
import { B as BUILD_OPTIONS, b as buildInputsOf, c as ciBuildContext } from './build-DXMUGP9n.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { a as buildRows } from './render-Dl2WZAYd.js';
import { t as textOf } from './table-BWLE4AEh.js';
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
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import './duration-C-1UD4yS.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';

/**
 * Inputs: see BUILD_OPTIONS (actions/build/action.yml). The job's commit, ref and repository address unless the
 * inputs name others.
 * Outputs: image, tags (one per line), digest, image-ref (name@sha256:…), version, task-queue, reused, builder.
 */ async function runBuildAction() {
    await runAction(async ()=>{
        const values = readInputs(BUILD_OPTIONS);
        const username = textOf(values, 'registry-username');
        const password = textOf(values, 'registry-password');
        if (!username !== !password) {
            throw new InputError('inputs "registry-username" / "registry-password"', 'go together', 'set both, or neither to use an earlier docker/login-action');
        }
        const inputs = buildInputsOf(values, ciBuildContext(process.env), {
            repoDir: process.env.GITHUB_WORKSPACE ?? '.',
            ...username && password ? {
                credentials: {
                    username,
                    password
                }
            } : {},
            log: (line)=>info(line)
        });
        const { runBuild } = await loadStep(()=>import('./build-BAfPVyak.js'));
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
                ...buildRows(result)
            ]));
    }, BUILD_OPTIONS);
}

export { runBuildAction };

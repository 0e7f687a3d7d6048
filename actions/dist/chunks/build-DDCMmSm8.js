import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { b as buildInputsOf, c as ciBuildContext, B as BUILD_OPTIONS } from './build-DXMUGP9n.js';
import { l as loadStep } from './step-loader-CM5iRiBA.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { b as buildHeadline, a as buildRows } from './render-Dl2WZAYd.js';
import { h as helpLines, t as textOf, s as switchOf } from './table-BWLE4AEh.js';
import { r as runTableCommand } from './command-B8NptNxI.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import './duration-C-1UD4yS.js';
import './queues-BMU_gztj.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:util';

const summary = 'build the worker image, tag it from the git ref, push it and report its digest';
const HELP = `usage: temporal-rollout build [options]

Tags come from the ref: v1.4.0 → 1.4.0, 1.4, 1 (+ latest when it is the highest stable tag); a prerelease gets
only its own version; a branch its sanitised name; a pull request pr-<n>; always sha-<7>. Labels and the
image's created time come from the commit. A re-run for a commit already in the registry is reported, not
rebuilt, unless --force.

${helpLines(BUILD_OPTIONS)}`;
function renderBuild(result) {
    return [
        buildHeadline(result),
        ...buildRows(result).map(([what, value])=>`  ${what.padEnd(11)} ${value}`),
        `  took        ${(result.durationMs / 1000).toFixed(1)} s`
    ].join('\n');
}
function main(argv) {
    return runTableCommand(argv, BUILD_OPTIONS, HELP, async (values)=>{
        const username = textOf(values, 'registry-username');
        const password = process.env.REGISTRY_PASSWORD;
        if (username && !password) {
            throw new InputError('REGISTRY_PASSWORD', 'is not set but ⟨registry-username⟩ is', 'export REGISTRY_PASSWORD');
        }
        const json = switchOf(values, 'json');
        // Run in a GitHub job, the CLI builds what the job checked out, as the action does.
        const inputs = buildInputsOf(values, ciBuildContext(process.env), {
            repoDir: textOf(values, 'repo') ?? '.',
            ...username && password ? {
                credentials: {
                    username,
                    password
                }
            } : {},
            ...json ? {} : {
                log: (line)=>console.error(line)
            }
        });
        const { runBuild } = await loadStep(()=>import('./build-BAfPVyak.js'));
        const result = await runBuild(inputs);
        console.log(json ? JSON.stringify(result, null, 2) : renderBuild(result));
        return 0;
    });
}

export { main, renderBuild, summary };

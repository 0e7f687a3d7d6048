import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import './chunks/protobuf-long-BruXXn8L.js';
import { I as InputError, E as ExternalError } from './chunks/errors-Brz47dcM.js';
import './chunks/index-minimal-Byr18cyI.js';

// `temporal-rollout <step> [options]`: the pipeline's steps from a terminal. Each step's command lives in
// cli/<step>.ts and exports `summary` and `main(argv): Promise<number>` (the exit code).
const commands = {
    build: ()=>import('./chunks/build-D7Bql8Os.js'),
    replay: ()=>import('./chunks/replay-62O9WrbA.js'),
    capture: ()=>import('./chunks/capture-BBobXJwW.js'),
    canary: ()=>import('./chunks/canary-BHeXC1mm.js'),
    analyze: ()=>import('./chunks/analyze-CfkaV4fJ.js'),
    promote: ()=>import('./chunks/promote-DHmLBYih.js'),
    rollback: ()=>import('./chunks/rollback-D7x8igjD.js'),
    doctor: ()=>import('./chunks/doctor-BD8zLmsa.js')
};
async function usage() {
    const lines = [
        'usage: temporal-rollout <step> [options]   (temporal-rollout <step> --help for its options)',
        ''
    ];
    for (const [name, load] of Object.entries(commands))lines.push(`  ${name.padEnd(9)} ${(await load()).summary}`);
    return lines.join('\n');
}
async function runCli(argv) {
    const [step, ...rest] = argv;
    if (step === undefined || step === '--help' || step === '-h') {
        console.log(await usage());
        return step === undefined ? 2 : 0;
    }
    const load = commands[step];
    if (!load) {
        console.error(`unknown step "${step}"\n\n${await usage()}`);
        return 2;
    }
    try {
        return await (await load()).main(rest);
    } catch (err) {
        if (err instanceof InputError || err instanceof ExternalError) {
            console.error(`error: ${err.message}`);
            return 1;
        }
        // node:util parseArgs refuses unknown or malformed options with a coded TypeError.
        const code = err.code;
        if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
            console.error(`error: ${err.message} — see temporal-rollout ${step} --help`);
            return 2;
        }
        throw err;
    }
}

process.exitCode = await runCli(process.argv.slice(2));

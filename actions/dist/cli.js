import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError, E as ExternalError } from './chunks/errors-Cq3sNBNk.js';

// `temporal-rollout <step> [options]`: the pipeline's steps from a terminal. Each step's command lives in
// cli/<step>.ts and exports `summary` and `main(argv): Promise<number>` (the exit code).
/**
 * One exit-code rule for every step: 0 done; 1 the step ran and failed (a failing gate or verdict, a server that
 * cannot be reached); 2 bad usage or input (an unknown option, a missing or invalid option or file), found before
 * anything was changed; 3 not finished yet (analysis inconclusive, old version still draining).
 */ const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const commands = {
    build: ()=>import('./chunks/build-DDCMmSm8.js'),
    replay: ()=>import('./chunks/replay-rrIgmZll.js'),
    capture: ()=>import('./chunks/capture-iCxidAqp.js'),
    canary: ()=>import('./chunks/canary-C96O-FJU.js'),
    analyze: ()=>import('./chunks/analyze-Bu7UXf1C.js'),
    promote: ()=>import('./chunks/promote-b_wsD7Zn.js'),
    rollback: ()=>import('./chunks/rollback-BMc7D5IW.js'),
    doctor: ()=>import('./chunks/doctor-C0Bn2C6S.js'),
    release: ()=>import('./chunks/release-DD0CYptf.js'),
    controller: ()=>import('./chunks/controller-2LBMz-g_.js'),
    status: ()=>import('./chunks/status-DaUVMqjs.js'),
    send: ()=>import('./chunks/send-Df9wKNBA.js')
};
async function usage() {
    const lines = [
        'usage: temporal-rollout <step> [options]   (temporal-rollout <step> --help for its options)',
        'exit codes: 0 done, 1 failed, 2 bad usage or input (nothing was changed), 3 not finished (inconclusive, draining)',
        ''
    ];
    for (const [name, load] of Object.entries(commands))lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
    return lines.join('\n');
}
async function runCli(argv) {
    const [step, ...rest] = argv;
    if (step === undefined || step === '--help' || step === '-h') {
        console.log(await usage());
        return step === undefined ? EXIT_USAGE : 0;
    }
    const load = commands[step];
    if (!load) {
        console.error(`unknown step "${step}"\n\n${await usage()}`);
        return EXIT_USAGE;
    }
    try {
        return await (await load()).main(rest);
    } catch (err) {
        if (err instanceof InputError) {
            console.error(`error: ${err.message}`);
            return EXIT_USAGE;
        }
        if (err instanceof ExternalError) {
            console.error(`error: ${err.message}`);
            return EXIT_FAILED;
        }
        // node:util parseArgs refuses unknown or malformed options with a coded TypeError.
        const code = err.code;
        if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
            console.error(`error: ${err.message} — see temporal-rollout ${step} --help`);
            return EXIT_USAGE;
        }
        throw err;
    }
}

// The CLI, bundled: `node actions/dist/cli.js <step> …` runs without this repo's node_modules.
process.exitCode = await runCli(process.argv.slice(2));

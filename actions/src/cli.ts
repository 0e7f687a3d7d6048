// `temporal-rollout <step> [options]`: the pipeline's steps from a terminal. Each step's command lives in
// cli/<step>.ts and exports `summary` and `main(argv): Promise<number>` (the exit code).
import { ExternalError, InputError } from './core/errors.js';

/**
 * One exit-code rule for every step: 0 done; 1 the step ran and failed (a failing gate or verdict, a server that
 * cannot be reached); 2 bad usage or input (an unknown option, a missing or invalid option or file), found before
 * anything was changed; 3 not finished yet (analysis inconclusive, old version still draining).
 */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

interface CommandModule {
  summary: string;
  main(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<CommandModule>> = {
  build: () => import('./cli/build.js'),
  replay: () => import('./cli/replay.js'),
  capture: () => import('./cli/capture.js'),
  canary: () => import('./cli/canary.js'),
  analyze: () => import('./cli/analyze.js'),
  promote: () => import('./cli/promote.js'),
  rollback: () => import('./cli/rollback.js'),
  doctor: () => import('./cli/doctor.js'),
  release: () => import('./cli/release.js'),
  controller: () => import('./cli/controller.js'),
  status: () => import('./cli/status.js'),
  send: () => import('./cli/send.js'),
};

async function usage(): Promise<string> {
  const lines = [
    'usage: temporal-rollout <step> [options]   (temporal-rollout <step> --help for its options)',
    'exit codes: 0 done, 1 failed, 2 bad usage or input (nothing was changed), 3 not finished (inconclusive, draining)',
    '',
  ];
  for (const [name, load] of Object.entries(commands))
    lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
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
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      console.error(`error: ${(err as Error).message} — see temporal-rollout ${step} --help`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

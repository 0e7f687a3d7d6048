#!/usr/bin/env node
// `temporal-rollout <step> [options]`: the pipeline's steps from a terminal. Each step's command lives in
// cli/<step>.ts and exports `main(argv: string[]): Promise<number>` (the exit code).
import { ExternalError, InputError } from './core/errors.js';

type CommandModule = { main(argv: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {};

/** Registers a step's command; cli/index.ts lists them. */
export function registerCommand(name: string, load: () => Promise<CommandModule>): void {
  commands[name] = load;
}

async function usage(): Promise<string> {
  const lines = [
    'usage: temporal-rollout <step> [options]   (temporal-rollout <step> --help for its options)',
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
    throw err;
  }
}

import { ciBuildContext } from '../adapters/ci-env.js';
import { loadStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { BUILD_OPTIONS, buildInputsOf } from '../options/build.js';
import { buildHeadline, buildRows } from '../options/render.js';
import { helpLines, switchOf, textOf } from '../options/table.js';
import type { BuildResult } from '../steps/build.js';
import { runTableCommand } from './command.js';

export const summary = 'build the worker image, tag it from the git ref, push it and report its digest';

const HELP = `usage: temporal-rollout build [options]

Tags come from the ref: v1.4.0 → 1.4.0, 1.4, 1 (+ latest when it is the highest stable tag); a prerelease gets
only its own version; a branch its sanitised name; a pull request pr-<n>; always sha-<7>. Labels and the
image's created time come from the commit. A re-run for a commit already in the registry is reported, not
rebuilt, unless --force.

${helpLines(BUILD_OPTIONS)}`;

export function renderBuild(result: BuildResult): string {
  return [
    buildHeadline(result),
    ...buildRows(result).map(([what, value]) => `  ${what.padEnd(11)} ${value}`),
    `  took        ${(result.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, BUILD_OPTIONS, HELP, async (values) => {
    const username = textOf(values, 'registry-username');
    const password = process.env.REGISTRY_PASSWORD;
    if (username && !password) {
      throw new InputError(
        'REGISTRY_PASSWORD',
        'is not set but ⟨registry-username⟩ is',
        'export REGISTRY_PASSWORD',
      );
    }
    const json = switchOf(values, 'json');
    // Run in a GitHub job, the CLI builds what the job checked out, as the action does.
    const inputs = buildInputsOf(values, ciBuildContext(process.env), {
      repoDir: textOf(values, 'repo') ?? '.',
      ...(username && password ? { credentials: { username, password } } : {}),
      ...(json ? {} : { log: (line: string) => console.error(line) }),
    });
    const { runBuild } = await loadStep(() => import('../steps/build.js'));
    const result = await runBuild(inputs);
    console.log(json ? JSON.stringify(result, null, 2) : renderBuild(result));
    return 0;
  });
}

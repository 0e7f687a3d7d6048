import * as core from '@actions/core';
import { ciBuildContext } from '../adapters/ci-env.js';
import { loadStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { BUILD_OPTIONS, buildInputsOf } from '../options/build.js';
import { buildRows } from '../options/render.js';
import { textOf } from '../options/table.js';
import { readInputs, runAction, setOutputs, writeSummary } from './io.js';

/**
 * Inputs: see BUILD_OPTIONS (actions/build/action.yml). The job's commit, ref and repository address unless the
 * inputs name others.
 * Outputs: image, tags (one per line), digest, image-ref (name@sha256:…), version, task-queue, reused, builder.
 */
export async function runBuildAction(): Promise<void> {
  await runAction(async () => {
    const values = readInputs(BUILD_OPTIONS);
    const username = textOf(values, 'registry-username');
    const password = textOf(values, 'registry-password');
    if (!username !== !password) {
      throw new InputError(
        'inputs "registry-username" / "registry-password"',
        'go together',
        'set both, or neither to use an earlier docker/login-action',
      );
    }
    const inputs = buildInputsOf(values, ciBuildContext(process.env), {
      repoDir: process.env.GITHUB_WORKSPACE ?? '.',
      ...(username && password ? { credentials: { username, password } } : {}),
      log: (line) => core.info(line),
    });
    const { runBuild } = await loadStep(() => import('../steps/build.js'));
    const result = await runBuild(inputs);
    setOutputs({
      image: result.image,
      tags: result.tags.join('\n'),
      digest: result.digest,
      'image-ref': result.imageRef,
      version: result.version,
      'task-queue': result.taskQueue,
      reused: result.reused,
      builder: result.builder,
    });
    await writeSummary((s) =>
      s
        .addHeading(`Image ${result.version}${result.reused ? ' (already in the registry)' : ''}`, 2)
        .addTable([
          [
            { data: 'field', header: true },
            { data: 'value', header: true },
          ],
          ...buildRows(result),
        ]),
    );
  }, BUILD_OPTIONS);
}

import * as core from '@actions/core';
import { parseBuilder } from '../adapters/builder-name.js';
import { ciBuildContext } from '../adapters/ci-env.js';
import { loadStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import type { BuildInputs } from '../steps/build.js';
import {
  booleanInput,
  choiceInput,
  keyValueInput,
  optionalInput,
  runAction,
  secretInput,
  setOutputs,
  writeSummary,
} from './io.js';

/**
 * Inputs: image, config (rollout.yaml), containerfile, workspace (default worker), compile (default true),
 * ref / sha (default the event's), push (auto | true | false; auto skips pull requests), force, builder
 * (auto | buildah | podman | docker), build-args (KEY=VALUE per line), platform, tls-verify (default true),
 * registry-username, registry-password (secret).
 * Outputs: image, tags (one per line), digest, image-ref (name@sha256:…), version, task-queue, reused, builder.
 */
export async function runBuildAction(): Promise<void> {
  await runAction(async () => {
    const password = secretInput('registry-password');
    const username = optionalInput('registry-username');
    if (!username !== !password) {
      throw new InputError(
        'inputs "registry-username" / "registry-password"',
        'go together',
        'set both, or neither to use an earlier docker/login-action',
      );
    }
    const buildArgs = keyValueInput('build-args');
    const push = choiceInput('push', ['auto', 'true', 'false'] as const) ?? 'auto';
    // The job's commit, ref and repository address, unless the inputs name others.
    const job = ciBuildContext(process.env);
    const inputs: BuildInputs = {
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
      credentials: username && password ? { username, password } : undefined,
      log: (line) => core.info(line),
    };
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
          ['image-ref', result.imageRef ?? 'not pushed'],
          ['tags', result.tags.join(', ')],
          ['task queue', result.taskQueue ?? '—'],
          ['commit', result.commit],
          ['created', result.created],
          ['builder', `${result.builder} (${result.builderReason})`],
        ]),
    );
  });
}

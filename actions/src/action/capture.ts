import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { checkWritableDirectory } from '../adapters/state-dir.js';
import { loadStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { CAPTURE_OPTIONS, captureOptionsOf, inputSecrets } from '../options/histories.js';
import { booleanOf, textOf } from '../options/table.js';
import { githubFromInputs } from './github-context.js';
import { readInputs, runAction, setOutputs, writeSummary } from './io.js';

/**
 * Inputs: see CAPTURE_OPTIONS (actions/capture/action.yml), and github-token for the pull request.
 * Outputs: written (count), files (newline-separated), manifest, pull-request.
 */
export async function runCaptureAction(): Promise<void> {
  await runAction(async () => {
    const values = readInputs(CAPTURE_OPTIONS);
    const captureOptions = captureOptionsOf(values, inputSecrets(values));
    const { outDir } = captureOptions;
    // Entries name files relative to out-dir; outputs and the pull request use workspace paths.
    const written = (file: string) => join(outDir, file);
    // Every input is read before anything connects or writes: a bad open-pull-request or a missing token must
    // not leave captured files behind.
    const openPullRequest = booleanOf(values, 'open-pull-request', false);
    const github = openPullRequest ? await githubFromInputs() : undefined;
    if (openPullRequest && !github) {
      throw new InputError(
        'input "github-token"',
        'is required when open-pull-request is true',
        'pass the workflow token (github.token)',
      );
    }
    await checkWritableDirectory(outDir, 'out-dir');
    const base = textOf(values, 'base') ?? 'main';
    const branch = textOf(values, 'branch') ?? 'temporal-rollout/captured-histories';
    // The step (and the Temporal client it loads) only once every input is known to be good.
    const { capture } = await loadStep(() => import('../steps/capture.js'));
    const result = await capture(captureOptions);
    let pullRequest: string | undefined;
    if (github && result.written.length > 0) {
      const files = await Promise.all(
        [...result.written.map((e) => written(e.file)), result.manifestPath].map(async (file) => ({
          path: relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), resolve(file)),
          content: await readFile(file, 'utf8'),
        })),
      );
      const opened = await github.openPullRequest({
        base,
        branch,
        title: `Captured histories: ${result.written.length} new`,
        body: [
          'Fresh workflow histories captured by temporal-rollout, so the replay gate checks what really runs.',
          '',
          ...result.written.map(
            (e) =>
              `- \`${e.file}\` (${e.status}${e.patches.length > 0 ? `, patches: ${e.patches.join(', ')}` : ''})`,
          ),
        ].join('\n'),
        commitMessage: `histories: capture ${result.written.length} new`,
        files,
      });
      pullRequest = opened.url;
      core.info(`${opened.created ? 'opened' : 'updated'} pull request #${opened.number}: ${opened.url}`);
    }
    setOutputs({
      written: result.written.length,
      files: result.written.map((e) => written(e.file)).join('\n'),
      manifest: result.manifestPath,
      'pull-request': pullRequest,
    });
    await writeSummary((s) =>
      s.addHeading(`Capture: ${result.written.length} new histories`, 2).addTable([
        [
          { data: 'File', header: true },
          { data: 'Status', header: true },
          { data: 'Patches', header: true },
        ],
        ...result.written.map((e) => [e.file, e.status, e.patches.join(', ')]),
      ]),
    );
  }, CAPTURE_OPTIONS);
}

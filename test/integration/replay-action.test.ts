import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReplayAction } from '../../actions/src/action/replay.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('replay action glue (@actions/core inputs → step → outputs, annotations, summary)', () => {
  let scratch: TempDir;
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;

  beforeAll(async () => {
    scratch = await tempDir('replay-action');
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(root, 'test/fixtures/replay/reordered.ts'),
      logger: new DefaultLogger('WARN'),
    });
    await writeFile(join(scratch.path, 'bundle.js'), code);
  });
  afterAll(async () => {
    process.env = saved;
    process.exitCode = savedExitCode;
    await scratch?.remove();
  });

  it('annotates each failing history file, sets the outputs and fails the step', async () => {
    const output = join(scratch.path, 'output');
    const summary = join(scratch.path, 'summary.md');
    await writeFile(output, '');
    await writeFile(summary, '');
    Object.assign(process.env, {
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      INPUT_WORKSPACE: root,
      INPUT_HISTORIES: 'test/fixtures/replay/histories/base-*.json',
      'INPUT_BUNDLE-PATH': join(scratch.path, 'bundle.js'),
      'INPUT_REPORT-PATH': join(scratch.path, 'report.json'),
    });
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await runReplayAction();
    } finally {
      process.stdout.write = write;
    }
    const failedExit = process.exitCode;
    process.exitCode = savedExitCode;
    expect(failedExit).toBe(1);
    const log = printed.join('');
    expect(log).toContain(
      '::error title=Replay%3A nondeterminism,file=test/fixtures/replay/histories/base-open.json::',
    );
    expect(log).toContain('first diverging event 5 ACTIVITY_TASK_SCHEDULED');
    const outputs = await readFile(output, 'utf8');
    for (const [name, value] of [
      ['total', '2'],
      ['passed', '0'],
      ['failed', '2'],
      ['deploy', 'new-queue'],
      ['compatible', 'false'],
      ['sdk-version', '1.24.0'],
    ])
      expect(outputs).toMatch(new RegExp(`${name}<<(ghadelimiter_[\\w-]+)\\n${value}\\n\\1`));
    expect(await readFile(summary, 'utf8')).toContain(
      'a new per-version task queue and a drain are required',
    );
  });
});

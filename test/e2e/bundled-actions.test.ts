// The committed bundles run the way GitHub runs them: Node 24, INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and a real-shaped event payload, against real components and FakeGitHub (GitHub's API
// is unreachable here).
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { pullRequestEvent, runBundledAction } from '../support/run-action.js';

describe('bundled actions under Node 24', () => {
  let github: FakeGitHub;
  let server: TemporalDevServer;
  let dir: TempDir;

  beforeAll(async () => {
    [github, server, dir] = await Promise.all([
      startFakeGitHub(),
      startTemporal(),
      tempDir('bundled-actions'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([github?.close(), server?.teardown(), dir?.remove()]);
  });

  it('replay: outputs, job summary and one pull-request comment that a re-run edits', async () => {
    const run = () =>
      runBundledAction('replay', {
        inputs: {
          histories: 'histories/*/*.json',
          'workflows-path': 'worker/src/workflows/index.ts',
          'report-path': join(dir.path, 'replay-report.json'),
          'github-token': github.token,
        },
        event: pullRequestEvent(12, 'ab'.repeat(20)),
        env: { GITHUB_API_URL: github.url },
        timeoutMs: 240_000,
      });
    const first = await run();
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const stored = (await readdir(join(repoRoot, 'histories', 'OrderWorkflow'))).length;
    expect(first.outputs).toMatchObject({
      total: String(stored),
      passed: String(stored),
      failed: '0',
      compatible: 'true',
      deploy: 'same-queue',
      'sdk-version': '1.24.0',
    });
    expect(first.summary).toContain(`✅ replay passed: ${stored}/${stored} histories`);
    expect(JSON.parse(await readFile(join(dir.path, 'replay-report.json'), 'utf8')).totals.failed).toBe(0);
    const second = await run();
    expect(second.exitCode).toBe(0);
    expect(github.state.comments.filter((c) => c.issue === 12)).toHaveLength(1);
    expect(github.state.comments[0]?.body).toMatch(/replay passed: \d+\/\d+ histories/);
    // The comment is the job summary's text (one renderer), plus the marker a re-run finds it by.
    expect(github.state.comments[0]?.body).toContain(second.summary.trim());
  }, 600_000);

  it('replay: a bad input fails the step with a message naming it, and nothing is written', async () => {
    const run = await runBundledAction('replay', {
      inputs: {
        histories: 'histories/nothing-here/*.json',
        'workflows-path': 'worker/src/workflows/index.ts',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(/histories/);
    expect(run.outputs).toEqual({});
  });

  it('capture: open runs from the dev server become files, and a pull request opens through the API', async () => {
    const client = server.env.client;
    for (const id of ['cap-1', 'cap-2']) {
      // No worker polls this queue: the runs stay open with a real history.
      await client.workflow.start('OrderWorkflow', {
        taskQueue: 'capture-e2e',
        workflowId: id,
        args: [{ orderId: id }],
      });
    }
    const workspace = join(dir.path, 'consumer');
    await mkdir(workspace, { recursive: true });
    const run = await runBundledAction('capture', {
      workspace,
      inputs: {
        'temporal-address': server.address,
        'workflow-types': 'OrderWorkflow',
        'out-dir': 'histories',
        'open-pull-request': 'true',
        'github-token': github.token,
      },
      env: { GITHUB_API_URL: github.url },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.written).toBe('2');
    expect(run.outputs['pull-request']).toBe(`${github.url}/pull/1`);
    const files = run.outputs.files?.split('\n') ?? [];
    expect(files).toHaveLength(2);
    const pushed = github.state.commits.get(
      github.state.branches.get('temporal-rollout/captured-histories') ?? '',
    );
    expect(files.every((f) => /^histories\/OrderWorkflow\/.+\.json$/.test(f))).toBe(true);
    expect(pushed?.files.sort()).toEqual([...files, 'histories/manifest.json'].sort());
  });

  it('capture: a bad open-pull-request is refused before anything is fetched or written (issue 16 item 11)', async () => {
    await server.env.client.workflow.start('OrderWorkflow', {
      taskQueue: 'capture-e2e-bad-input',
      workflowId: 'cap-bad-input',
      args: [{ orderId: 'cap-bad-input' }],
    });
    const workspace = join(dir.path, 'consumer-bad-input');
    await mkdir(workspace, { recursive: true });
    const run = await runBundledAction('capture', {
      workspace,
      inputs: {
        'temporal-address': server.address,
        'workflow-types': 'OrderWorkflow',
        'out-dir': 'histories',
        'open-pull-request': 'maybe',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /input "open-pull-request": "maybe" is not a boolean/,
    );
    expect(await readdir(workspace)).toEqual([]);
    expect(run.outputs).toEqual({});
  });
  it('release: a toolkit checkout without the prebuilt rollout workflow fails naming the file, and starts nothing', async () => {
    // The toolkit as a checkout of a ref whose actions/dist lacks rollout-workflows.js, its packages installed.
    const toolkit = join(dir.path, 'toolkit-without-workflows');
    await cp(join(repoRoot, 'actions', 'dist'), join(toolkit, 'actions', 'dist'), {
      recursive: true,
      filter: (source) => !source.endsWith('rollout-workflows.js'),
    });
    await symlink(join(repoRoot, 'node_modules'), join(toolkit, 'node_modules'));
    const workspace = join(dir.path, 'consumer-release');
    await mkdir(workspace, { recursive: true });
    await writeFile(
      join(workspace, 'rollout.yaml'),
      [
        'app: toolkit-check',
        'image: registry.example.com/acme/order-worker',
        'deployer: local',
        'taskQueues:',
        '  order: { base: toolkit-check-queue, template: "{base}-v{major}" }',
        'strategy: { type: task-queue, steps: [ { weight: 100 } ] }',
        '',
      ].join('\n'),
    );
    const run = await runBundledAction('release', {
      toolkit,
      workspace,
      inputs: { version: '1.0.0', 'temporal-address': server.address },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /rollout-workflows\.js: is missing from the toolkit checkout: .* — check out a toolkit ref whose actions\/dist was built by `npm run bundle`/,
    );
    await expect(server.env.client.workflow.getHandle('rollout/toolkit-check').describe()).rejects.toThrow(
      /not found/i,
    );
  });
});

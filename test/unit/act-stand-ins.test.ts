// The stand-ins for GitHub's actions in the act tests do the minimum, and refuse what they cannot honour.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';

const standIn = (name: string) => join(repoRoot, 'test', 'support', 'act', 'stand-ins', name, 'index.mjs');

describe('act stand-ins', () => {
  let dir: TempDir;
  const run = (name: string, env: Record<string, string>) =>
    execa(process.execPath, [standIn(name)], {
      reject: false,
      extendEnv: false,
      env: { PATH: process.env.PATH, ...env },
    });

  beforeAll(async () => {
    dir = await tempDir('stand-ins');
    await mkdir(join(dir.path, 'toolkit', 'actions'), { recursive: true });
    await writeFile(join(dir.path, 'toolkit', 'actions', 'a.txt'), 'toolkit file');
    await mkdir(join(dir.path, 'workspace'));
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it('checkout copies the folder mapped to repository@ref under the workspace path', async () => {
    const result = await run('checkout', {
      GITHUB_WORKSPACE: join(dir.path, 'workspace'),
      INPUT_REPOSITORY: 'temporal-rollout/temporal-rollout',
      INPUT_REF: 'v1',
      INPUT_PATH: '.temporal-rollout',
      TEMPORAL_ROLLOUT_ACT_REPOSITORIES: JSON.stringify({
        'temporal-rollout/temporal-rollout@v1': join(dir.path, 'toolkit'),
      }),
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await readFile(join(dir.path, 'workspace', '.temporal-rollout', 'actions', 'a.txt'), 'utf8')).toBe(
      'toolkit file',
    );
  });

  it('checkout fails, naming what was asked and what is mapped, for an unmapped ref or a path outside', async () => {
    const unmapped = await run('checkout', {
      GITHUB_WORKSPACE: join(dir.path, 'workspace'),
      INPUT_REPOSITORY: 'temporal-rollout/temporal-rollout',
      INPUT_REF: 'v2',
      TEMPORAL_ROLLOUT_ACT_REPOSITORIES: JSON.stringify({ 'temporal-rollout/temporal-rollout@v1': dir.path }),
    });
    expect(unmapped.exitCode).toBe(1);
    expect(unmapped.stdout).toContain(
      'no local folder is mapped to temporal-rollout/temporal-rollout@v2; mapped: temporal-rollout/temporal-rollout@v1',
    );
    const outside = await run('checkout', {
      GITHUB_WORKSPACE: join(dir.path, 'workspace'),
      INPUT_REPOSITORY: 'o/r',
      INPUT_REF: 'v1',
      INPUT_PATH: '../elsewhere',
      TEMPORAL_ROLLOUT_ACT_REPOSITORIES: JSON.stringify({ 'o/r@v1': join(dir.path, 'toolkit') }),
    });
    expect(outside.exitCode).toBe(1);
    expect(outside.stdout).toContain('path "../elsewhere" leaves the workspace');
  });

  it('setup-node puts the given Node on PATH, and refuses a version it does not have', async () => {
    const pathFile = join(dir.path, 'path');
    const outputFile = join(dir.path, 'output');
    await Promise.all([writeFile(pathFile, ''), writeFile(outputFile, '')]);
    const env = {
      GITHUB_PATH: pathFile,
      GITHUB_OUTPUT: outputFile,
      TEMPORAL_ROLLOUT_ACT_NODE24: process.execPath,
    };
    const major = process.versions.node.split('.')[0] ?? '';
    const ok = await run('setup-node', { ...env, 'INPUT_NODE-VERSION': major });
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(await readFile(pathFile, 'utf8')).toBe(`${join(process.execPath, '..')}\n`);
    expect(await readFile(outputFile, 'utf8')).toBe(`node-version=v${process.versions.node}\n`);
    const refused = await run('setup-node', { ...env, 'INPUT_NODE-VERSION': '18' });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain(
      `node-version "18" was asked; only the bootstrapped Node ${process.versions.node} exists here`,
    );
  });
});

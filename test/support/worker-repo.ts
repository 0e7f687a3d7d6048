// A throwaway git repository holding what the build step needs for the order worker image: the package files,
// the compiled worker/dist, worker/Containerfile and rollout.yaml, committed at a fixed time and tagged.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { repoRoot } from '../../scripts/tool-paths.mjs';

export const WORKER_REPO_COMMIT_TIME = '2026-03-01T12:00:00Z';

export async function git(dir: string, args: string[]): Promise<string> {
  const env = { GIT_AUTHOR_DATE: WORKER_REPO_COMMIT_TIME, GIT_COMMITTER_DATE: WORKER_REPO_COMMIT_TIME };
  return (await execa('git', ['-C', dir, ...args], { env })).stdout.trim();
}

/** Fills `dir` with the worker's files, commits them, tags v1.3.0, v1.4.0 and v1.5.0-rc.1; returns the commit. */
export async function workerRepo(dir: string): Promise<string> {
  for (const path of [
    'package.json',
    'package-lock.json',
    'rollout.yaml',
    'worker/package.json',
    'worker/Containerfile',
  ]) {
    await cp(join(repoRoot, path), join(dir, path));
  }
  await cp(join(repoRoot, 'worker/dist'), join(dir, 'worker/dist'), { recursive: true });
  return commitAndTag(dir, 'https://x-access-token:s3cret@github.com/acme/orders.git', [
    'v1.3.0',
    'v1.4.0',
    'v1.5.0-rc.1',
  ]);
}

/** Makes `dir` a git repository with `remote` as origin, commits everything in it, tags it; returns the commit. */
export async function commitAndTag(dir: string, remote: string, tags: string[]): Promise<string> {
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.email', 'ci@example.com']);
  await git(dir, ['config', 'user.name', 'ci']);
  await git(dir, ['remote', 'add', 'origin', remote]);
  await git(dir, ['add', '-A', '-f']);
  await git(dir, ['commit', '-q', '-m', 'release']);
  for (const tag of tags) await git(dir, ['tag', tag]);
  return git(dir, ['rev-parse', 'HEAD']);
}

// The repository facts a build needs, read with the git CLI.
import { execa } from 'execa';
import { ExternalError, InputError } from '../core/errors.js';
import { childOptions } from './child-env.js';

async function git(
  repoDir: string,
  args: string[],
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const result = await execa('git', ['-C', repoDir, ...args], { reject: false, ...childOptions() });
  if (result.failed && result.exitCode === undefined) {
    throw new ExternalError('git', `could not run git: ${result.shortMessage}`);
  }
  return { ok: result.exitCode === 0, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

async function required(repoDir: string, args: string[], what: string): Promise<string> {
  const result = await git(repoDir, args);
  if (!result.ok) throw new ExternalError('git', `${what} failed in ${repoDir}: ${result.stderr}`);
  return result.stdout;
}

/** The full commit SHA of a revision (HEAD by default). */
export async function resolveCommit(repoDir: string, revision = 'HEAD'): Promise<string> {
  const result = await git(repoDir, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  if (!result.ok) {
    throw new InputError(
      `commit "${revision}"`,
      `is not a commit in ${repoDir}`,
      'check out the repository with its history (actions/checkout fetch-depth: 0)',
    );
  }
  return result.stdout;
}

/** Committer time in epoch seconds: the moment the release's content was fixed, used for SOURCE_DATE_EPOCH. */
export async function commitTime(repoDir: string, sha: string): Promise<number> {
  const out = await required(repoDir, ['show', '-s', '--format=%ct', sha], 'reading the commit time');
  const seconds = Number(out);
  if (!Number.isInteger(seconds))
    throw new ExternalError('git', `unexpected commit time "${out}" for ${sha}`);
  return seconds;
}

/** Every tag in the repository. A shallow checkout may have none: `latest` then only goes to the tag itself. */
export async function listTags(repoDir: string): Promise<string[]> {
  const out = await required(repoDir, ['tag', '--list'], 'listing tags');
  return out === '' ? [] : out.split('\n');
}

/** The nearest `v*` tag reachable from the commit, or undefined. */
export async function nearestReleaseTag(repoDir: string, sha: string): Promise<string | undefined> {
  const result = await git(repoDir, ['describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*', sha]);
  return result.ok && result.stdout !== '' ? result.stdout : undefined;
}

/**
 * The ref HEAD stands for, in GITHUB_REF form: a tag that points at HEAD wins (a release checkout is
 * detached), then the checked-out branch. Undefined when HEAD is detached and untagged.
 */
export async function currentRef(repoDir: string): Promise<string | undefined> {
  const tags = await git(repoDir, ['tag', '--points-at', 'HEAD']);
  const tag = tags.ok ? tags.stdout.split('\n').find((t) => /^v?\d/.test(t)) : undefined;
  if (tag) return `refs/tags/${tag}`;
  const branch = await git(repoDir, ['symbolic-ref', '-q', 'HEAD']);
  return branch.ok && branch.stdout !== '' ? branch.stdout : undefined;
}

/** The URL of a remote (origin by default), or undefined when there is none. */
export async function remoteUrl(repoDir: string, remote = 'origin'): Promise<string | undefined> {
  const result = await git(repoDir, ['remote', 'get-url', remote]);
  return result.ok && result.stdout !== '' ? result.stdout : undefined;
}

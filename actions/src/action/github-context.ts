// What the runner tells an action about GitHub: the repository, the API URL, the triggering event.
import { readFileSync } from 'node:fs';
import { type GitHubApi, OctokitGitHub } from '../adapters/github.js';
import { InputError } from '../core/errors.js';
import { secretInput } from './io.js';

/** The GitHub API for this repository, when the `github-token` input is set. */
export function githubFromInputs(): GitHubApi | undefined {
  const token = secretInput('github-token');
  if (!token) return undefined;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    throw new InputError(
      'GITHUB_REPOSITORY',
      'is not set to owner/repo',
      'run the action on a GitHub runner',
    );
  }
  return new OctokitGitHub({ owner, repo }, token, process.env.GITHUB_API_URL ?? 'https://api.github.com');
}

/** The pull request number of a `pull_request`/`pull_request_target` event, else undefined. */
export function pullRequestNumber(): number | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  const payload = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { number?: unknown } };
  const number = payload.pull_request?.number;
  return typeof number === 'number' ? number : undefined;
}

import { getOctokit } from '@actions/github';
import { ExternalError } from '../core/errors.js';

export interface Repo {
  owner: string;
  repo: string;
}

export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentRequest {
  /** The commit or ref being deployed. */
  ref: string;
  environment: string;
  description: string;
  /** Carried on the deployment for whoever reads it later: image ref, version, task queue. */
  payload: Record<string, string>;
  productionEnvironment: boolean;
}

export interface FileChange {
  path: string;
  content: string;
}

export interface PullRequestRequest {
  base: string;
  branch: string;
  title: string;
  body: string;
  commitMessage: string;
  files: FileChange[];
}

/** What the pipeline asks of GitHub. The real adapter talks to the REST API; tests point it at a local fake. */
export interface GitHubApi {
  createDeployment(request: DeploymentRequest): Promise<{ id: number }>;
  setDeploymentStatus(
    deploymentId: number,
    state: DeploymentState,
    details: { description: string; logUrl?: string },
  ): Promise<void>;
  /** Writes the comment that carries `marker`, editing the earlier one instead of adding another on each run. */
  upsertPullRequestComment(
    pullNumber: number,
    marker: string,
    body: string,
  ): Promise<{ id: number; created: boolean }>;
  /** Commits `files` onto `branch` (made from `base` if new) and opens a pull request, or updates the open one. */
  openPullRequest(request: PullRequestRequest): Promise<{ number: number; url: string; created: boolean }>;
}

type Octokit = ReturnType<typeof getOctokit>;

function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
    ? err.status
    : undefined;
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    const status = statusOf(err);
    const hint =
      status === 401
        ? 'the token was refused: check the `github-token` input'
        : status === 403 || status === 404
          ? 'the token may lack a permission: the workflow needs `deployments: write`, `pull-requests: write`, `contents: write` for these calls'
          : 'retry the job';
    throw new ExternalError(
      'GitHub API',
      `${what} failed${status ? ` (HTTP ${status})` : ''}: ${(err as Error).message} — ${hint}`,
      {
        cause: err,
      },
    );
  }
}

/** The login of comments written with a workflow's GITHUB_TOKEN, which cannot read GET /user. */
export const WORKFLOW_BOT_LOGIN = 'github-actions[bot]';

export class OctokitGitHub implements GitHubApi {
  private readonly octokit: Octokit;
  private identity: Promise<string> | undefined;

  /**
   * Who this token writes as: GET /user for a personal or user token; an installation token (the workflow's
   * GITHUB_TOKEN) is refused there (403) and writes as github-actions[bot].
   */
  login(): Promise<string> {
    this.identity ??= this.octokit.rest.users.getAuthenticated().then(
      ({ data }) => data.login,
      (err: unknown) => {
        if (statusOf(err) === 403) return WORKFLOW_BOT_LOGIN;
        this.identity = undefined;
        return call("reading the token's identity (GET /user)", () => Promise.reject(err));
      },
    );
    return this.identity;
  }

  constructor(
    private readonly repo: Repo,
    token: string,
    /** GitHub's API URL; `GITHUB_API_URL` on a runner, a local fake in tests. */
    baseUrl = 'https://api.github.com',
  ) {
    this.octokit = getOctokit(token, { baseUrl });
  }

  async createDeployment(request: DeploymentRequest): Promise<{ id: number }> {
    const response = await call('creating a deployment', () =>
      this.octokit.rest.repos.createDeployment({
        ...this.repo,
        ref: request.ref,
        environment: request.environment,
        description: request.description,
        payload: request.payload,
        production_environment: request.productionEnvironment,
        auto_merge: false,
        // The release job has run its own checks (replay, analysis); commit statuses are not the gate here.
        required_contexts: [],
      }),
    );
    if (!('id' in response.data)) {
      throw new ExternalError(
        'GitHub API',
        `creating a deployment was not accepted: ${response.data.message ?? ''}`,
      );
    }
    return { id: response.data.id };
  }

  async setDeploymentStatus(
    deploymentId: number,
    state: DeploymentState,
    details: { description: string; logUrl?: string },
  ): Promise<void> {
    await call(`setting deployment ${deploymentId} to ${state}`, () =>
      this.octokit.rest.repos.createDeploymentStatus({
        ...this.repo,
        deployment_id: deploymentId,
        state,
        description: details.description.slice(0, 140),
        log_url: details.logUrl,
        auto_inactive: state === 'success',
      }),
    );
  }

  async upsertPullRequestComment(
    pullNumber: number,
    marker: string,
    body: string,
  ): Promise<{ id: number; created: boolean }> {
    const text = `${body}\n\n<!-- ${marker} -->`;
    const comments = await call('listing pull request comments', () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.repo,
        issue_number: pullNumber,
        per_page: 100,
      }),
    );
    // The marker is text anyone can paste into a comment: the one to edit must also be ours.
    const me = await this.login();
    const earlier = comments.find((c) => c.body?.includes(`<!-- ${marker} -->`) && c.user?.login === me);
    if (earlier) {
      await call('updating the pull request comment', () =>
        this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: earlier.id, body: text }),
      );
      return { id: earlier.id, created: false };
    }
    const created = await call('commenting on the pull request', () =>
      this.octokit.rest.issues.createComment({ ...this.repo, issue_number: pullNumber, body: text }),
    );
    return { id: created.data.id, created: true };
  }

  async openPullRequest(
    request: PullRequestRequest,
  ): Promise<{ number: number; url: string; created: boolean }> {
    const git = this.octokit.rest.git;
    const branchRef = `heads/${request.branch}`;
    const existing = await this.branchSha(request.branch);
    const parentSha = existing ?? (await this.branchSha(request.base));
    if (!parentSha) {
      throw new ExternalError(
        'GitHub API',
        `base branch "${request.base}" does not exist — check the \`base\` input`,
      );
    }
    const parent = await call('reading the parent commit', () =>
      git.getCommit({ ...this.repo, commit_sha: parentSha }),
    );
    const tree = await call('writing the file tree', () =>
      git.createTree({
        ...this.repo,
        base_tree: parent.data.tree.sha,
        tree: request.files.map((f) => ({
          path: f.path,
          mode: '100644' as const,
          type: 'blob' as const,
          content: f.content,
        })),
      }),
    );
    const commit = await call('creating the commit', () =>
      git.createCommit({
        ...this.repo,
        message: request.commitMessage,
        tree: tree.data.sha,
        parents: [parentSha],
      }),
    );
    if (existing) {
      await call('moving the branch', () =>
        git.updateRef({ ...this.repo, ref: branchRef, sha: commit.data.sha }),
      );
    } else {
      await call('creating the branch', () =>
        git.createRef({ ...this.repo, ref: `refs/${branchRef}`, sha: commit.data.sha }),
      );
    }
    const open = await call('looking for an open pull request', () =>
      this.octokit.rest.pulls.list({
        ...this.repo,
        state: 'open',
        head: `${this.repo.owner}:${request.branch}`,
      }),
    );
    const current = open.data[0];
    if (current) return { number: current.number, url: current.html_url, created: false };
    const pull = await call('opening the pull request', () =>
      this.octokit.rest.pulls.create({
        ...this.repo,
        base: request.base,
        head: request.branch,
        title: request.title,
        body: request.body,
      }),
    );
    return { number: pull.data.number, url: pull.data.html_url, created: true };
  }

  private async branchSha(branch: string): Promise<string | undefined> {
    try {
      const ref = await this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${branch}` });
      return ref.data.object.sha;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      return call(`reading branch ${branch}`, () => Promise.reject(err));
    }
  }
}

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFileSync } from 'node:fs';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { b as secretInput, o as optionalInput } from './io-O1zhRcWl.js';

// What the runner tells an action about GitHub: the repository, the API URL, the triggering event.
/** The GitHub API for this repository, when the `github-token` input is set. */ async function githubFromInputs() {
    const token = secretInput('github-token');
    if (!token) return undefined;
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        throw new InputError('GITHUB_REPOSITORY', 'is not set to owner/repo', 'run the action on a GitHub runner');
    }
    // Octokit loads only when there is a token to use it with.
    const { OctokitGitHub } = await import('./github-DkblbHJd.js');
    return new OctokitGitHub({
        owner,
        repo
    }, token, process.env.GITHUB_API_URL ?? 'https://api.github.com');
}
/** The pull request number of a `pull_request`/`pull_request_target` event, else undefined. */ function pullRequestNumber() {
    const path = process.env.GITHUB_EVENT_PATH;
    if (!path) return undefined;
    const payload = JSON.parse(readFileSync(path, 'utf8'));
    const number = payload.pull_request?.number;
    return typeof number === 'number' ? number : undefined;
}
/** The run's page on GitHub, for deployment statuses. */ function runUrl() {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
    return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
/** Who asked, as a rollout records it: the GitHub actor and the run's page, else `action`. */ function requester() {
    return [
        process.env.GITHUB_ACTOR,
        runUrl()
    ].filter(Boolean).join(' ') || 'action';
}
/**
 * Records the step as a GitHub deployment of the commit (environment from input `environment`, default
 * `canary` for the canary step and `production` otherwise) with a status that says where it stands:
 * in_progress while old runs drain, success once done. Returns the deployment id.
 */ async function recordDeployment(github, record) {
    const environment = deploymentEnvironment(record);
    const payload = {
        step: record.step
    };
    if (record.version) payload.version = record.version;
    const { id } = await github.createDeployment({
        ref: process.env.GITHUB_SHA ?? 'HEAD',
        environment,
        description: `${record.step}${record.version ? ` ${record.version}` : ''}`,
        payload,
        productionEnvironment: environment === 'production'
    });
    const logUrl = runUrl();
    await github.setDeploymentStatus(id, record.outcome === 'waiting' ? 'in_progress' : 'success', {
        description: record.message,
        ...logUrl ? {
            logUrl
        } : {}
    });
    return id;
}
function deploymentEnvironment(record) {
    return optionalInput('environment') ?? (record.step === 'canary' ? 'canary' : 'production');
}

export { recordDeployment as a, runUrl as b, deploymentEnvironment as d, githubFromInputs as g, pullRequestNumber as p, requester as r };

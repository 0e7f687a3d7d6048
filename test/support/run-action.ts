// Runs a bundled action the way a GitHub runner does: `node24 actions/dist/<name>.js` with INPUT_* variables,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a real-shaped event payload, from a working directory that
// has no node_modules of ours — so a bundle that forgot a dependency fails here.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error::` and `::warning::` commands the action printed. */
  annotations: { level: 'error' | 'warning' | 'notice'; message: string; properties: string }[];
}

export interface ActionRunOptions {
  inputs?: Record<string, string>;
  /** The event payload (`GITHUB_EVENT_PATH`); see pushTagEvent / pullRequestEvent. */
  event?: { name: string; payload: Record<string, unknown> };
  env?: Record<string, string>;
  /** The workspace the action sees as GITHUB_WORKSPACE and its working directory. Default: the repo root. */
  workspace?: string;
  /** The toolkit checkout whose actions/dist/<name>.js runs. Default: this repository. */
  toolkit?: string;
  timeoutMs?: number;
}

/** Parses the `name<<delimiter` blocks @actions/core appends to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match?.[1] || !match[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i] ?? '');
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}

function annotationsOf(stdout: string): ActionRun['annotations'] {
  const found: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (match) {
      found.push({
        level: match[1] as 'error' | 'warning' | 'notice',
        properties: (match[2] ?? '').trim(),
        message: (match[3] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%'),
      });
    }
  }
  return found;
}

/** The repository every test event comes from. */
const REPOSITORY = {
  full_name: 'acme/orders',
  name: 'orders',
  owner: { login: 'acme' },
  default_branch: 'main',
};

export function pushTagEvent(tag: string, sha: string): { name: string; payload: Record<string, unknown> } {
  return {
    name: 'push',
    payload: {
      ref: `refs/tags/${tag}`,
      before: '0000000000000000000000000000000000000000',
      after: sha,
      created: true,
      repository: REPOSITORY,
      sender: { login: 'release-bot' },
    },
  };
}

export function pullRequestEvent(
  number: number,
  sha: string,
): { name: string; payload: Record<string, unknown> } {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, head: { sha, ref: 'feature' }, base: { ref: 'main' } },
      repository: REPOSITORY,
      sender: { login: 'dev' },
    },
  };
}

export async function runBundledAction(name: string, options: ActionRunOptions = {}): Promise<ActionRun> {
  const dir = await tempDir(`action-${name}`);
  try {
    const outputFile = join(dir.path, 'output');
    const summaryFile = join(dir.path, 'summary.md');
    const eventFile = join(dir.path, 'event.json');
    const event = options.event ?? pushTagEvent('v1.0.0', '0123456789abcdef0123456789abcdef01234567');
    await Promise.all([
      writeFile(outputFile, ''),
      writeFile(summaryFile, ''),
      writeFile(eventFile, JSON.stringify(event.payload)),
    ]);
    const workspace = options.workspace ?? repoRoot;
    const inputs = Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([k, v]) => [
        `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
        v,
      ]),
    );
    const result = await execa(
      tool('node24'),
      [join(options.toolkit ?? repoRoot, 'actions', 'dist', `${name}.js`)],
      {
        cwd: workspace,
        reject: false,
        timeout: options.timeoutMs ?? 120_000,
        // Only what a runner sets, plus PATH and the test-run marker: nothing leaks in from this shell.
        extendEnv: false,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TEMPORAL_ROLLOUT_TEST_RUN: process.env.TEMPORAL_ROLLOUT_TEST_RUN,
          TEMPORAL_ROLLOUT_CACHE: process.env.TEMPORAL_ROLLOUT_CACHE,
          GITHUB_ACTIONS: 'true',
          CI: 'true',
          RUNNER_TEMP: dir.path,
          GITHUB_WORKSPACE: workspace,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          GITHUB_EVENT_PATH: eventFile,
          GITHUB_EVENT_NAME: event.name,
          GITHUB_REPOSITORY: 'acme/orders',
          GITHUB_REPOSITORY_OWNER: 'acme',
          GITHUB_SHA: String(event.payload.after ?? '0123456789abcdef0123456789abcdef01234567'),
          GITHUB_REF: String(event.payload.ref ?? 'refs/heads/main'),
          GITHUB_RUN_ID: '4242',
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_API_URL: 'http://127.0.0.1:9',
          ...inputs,
          ...options.env,
        },
      },
    );
    return {
      exitCode: result.exitCode ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      annotations: annotationsOf(result.stdout),
    };
  } finally {
    await dir.remove();
  }
}

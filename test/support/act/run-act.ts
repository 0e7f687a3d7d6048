// Runs one GitHub event against a repository with nektos/act (a real engine for workflow YAML: expressions,
// `needs`, job outputs, reusable workflows, secrets), jobs on this host, nothing off loopback:
// - remote repositories (our toolkit at @v1, the GitHub actions we don't own) come from local folders through
//   `--local-repository`; the GitHub actions are the stand-ins in ./stand-ins;
// - GITHUB_SERVER_URL and GITHUB_API_URL point at FakeGitHub, so anything act or a step would fetch from
//   GitHub reaches the fake on 127.0.0.1 (and fails there) instead of the internet;
// - no artifact server (act starts one only with --artifact-server-path), no cache server, no version check,
//   no image (`-self-hosted` runs jobs on the host). strace of a run shows no inet connect or bind besides
//   act's own UDP connect() to 8.8.8.8:80 while it computes flag defaults (GetOutboundIP), which sends nothing;
// - npm runs offline from this machine's npm cache (setup-node's `cache: npm` on a warm runner).
// It returns each job's result, step results and outputs, annotations and log, and FakeGitHub's requests.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../scripts/local-platform/temp.js';
import { tool } from '../../../scripts/local-platform/tools.js';
import type { FakeGitHub, RecordedRequest } from '../fake-github.js';
import { type ActJob, type ActLogLine, describeTimings, parseActLog, timeline } from './act-log.js';

const STAND_INS = fileURLToPath(new URL('./stand-ins/', import.meta.url));

export type { ActJob, ActStep } from './act-log.js';

export interface ActRun {
  exitCode: number;
  jobs: ActJob[];
  /** The job whose act name ends with `suffix` (e.g. `/replay`); throws, listing the jobs, when none does. */
  job(suffix: string): ActJob;
  /** act's whole output, as text. */
  log: string;
  /** The requests FakeGitHub received during this run. */
  requests: RecordedRequest[];
  durationMs: number;
  /** Each job's and each slow step's duration, one line per job. */
  timings: string;
  /** The log lines matching `pattern`, each with the seconds since the run began. */
  timeline(pattern: RegExp): string[];
}

export interface ActEvent {
  name: string;
  payload: Record<string, unknown>;
}

export interface ActRunOptions {
  /** The repository folder (a git repository): act's working directory and the workflows' own checkout. */
  repo: string;
  /** The workflow file, relative to `repo`. */
  workflow: string;
  /** Run only this job (act --job) and what it needs. */
  job?: string;
  event: ActEvent;
  /** `owner/name@ref` → folder, for everything the workflows fetch from another repository. */
  repositories: Record<string, string>;
  github: FakeGitHub;
  /** Repository secrets; GITHUB_TOKEN is FakeGitHub's token unless given. */
  secrets?: Record<string, string>;
  /** workflow_dispatch inputs. */
  inputs?: Record<string, string>;
  /** Extra variables for the runner (act's host environment). */
  env?: Record<string, string>;
  /** Folders put on the runner's PATH (after Node 24), e.g. where kubectl and helm are. */
  path?: string[];
  /** Killed (the whole process group) after this long. Default 240 s. */
  timeoutMs?: number;
}

/** `actions/<name>@<ref>` pins of the GitHub actions we replace, found in these workflow folders. */
async function standInPins(folders: string[]): Promise<Record<string, string>> {
  const available = new Set(await readdir(STAND_INS));
  const pins: Record<string, string> = {};
  for (const folder of folders) {
    const files = await readdir(folder).catch(() => [] as string[]);
    for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
      const text = await readFile(join(folder, file), 'utf8');
      for (const match of text.matchAll(/uses:\s*actions\/([\w-]+)@([\w.-]+)/g)) {
        const [, name, ref] = match;
        if (name && ref && available.has(name)) pins[`actions/${name}@${ref}`] = join(STAND_INS, name);
      }
    }
  }
  return pins;
}

/** A dotenv file act reads with --secret-file: values double-quoted, newlines escaped. */
function dotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join('\n');
}

export async function runAct(options: ActRunOptions): Promise<ActRun> {
  const scratch = await tempDir('act-run');
  const started = Date.now();
  const firstRequest = options.github.requests.length;
  try {
    const pins = await standInPins([
      join(options.repo, '.github', 'workflows'),
      ...Object.values(options.repositories).map((dir) => join(dir, '.github', 'workflows')),
    ]);
    const repositories = { ...options.repositories, ...pins };
    const eventFile = join(scratch.path, 'event.json');
    const secretFile = join(scratch.path, 'secrets.env');
    const home = join(scratch.path, 'home');
    const node24 = tool('node24');
    await writeFile(eventFile, JSON.stringify(options.event.payload));
    await writeFile(secretFile, dotenv({ GITHUB_TOKEN: options.github.token, ...options.secrets }), {
      mode: 0o600,
    });
    const args = [
      options.event.name,
      '--json',
      '--workflows',
      options.workflow,
      '--eventpath',
      eventFile,
      '--platform',
      'ubuntu-latest=-self-hosted',
      '--action-offline-mode',
      // Both servers stay off (no --artifact-server-path, --no-cache-server); their addresses are pinned to
      // loopback anyway, so a flag added later cannot bind the default outbound address.
      '--no-cache-server',
      '--artifact-server-addr',
      '127.0.0.1',
      '--cache-server-addr',
      '127.0.0.1',
      '--action-cache-path',
      join(scratch.path, 'act-cache'),
      '--secret-file',
      secretFile,
      '--env',
      `GITHUB_SERVER_URL=${options.github.url}`,
      '--env',
      `GITHUB_API_URL=${options.github.url}`,
      ...Object.entries(repositories).flatMap(([key, dir]) => ['--local-repository', `${key}=${dir}`]),
      ...Object.entries(options.inputs ?? {}).flatMap(([k, v]) => ['--input', `${k}=${v}`]),
      ...(options.job ? ['--job', options.job] : []),
    ];
    const child = spawn(tool('act'), args, {
      cwd: options.repo,
      // Its own process group, so a timeout stops act and every step it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Only what a runner needs, nothing from this shell (the host runner passes its whole environment to steps).
      env: {
        HOME: home,
        PATH: [dirname(node24), ...(options.path ?? []), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
        LANG: 'C.UTF-8',
        ACT_DISABLE_VERSION_CHECK: '1',
        npm_config_offline: 'true',
        npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
        npm_config_update_notifier: 'false',
        TEMPORAL_ROLLOUT_ACT_NODE24: node24,
        TEMPORAL_ROLLOUT_ACT_REPOSITORIES: JSON.stringify(options.repositories),
        ...(process.env.TEMPORAL_ROLLOUT_TEST_RUN
          ? { TEMPORAL_ROLLOUT_TEST_RUN: process.env.TEMPORAL_ROLLOUT_TEST_RUN }
          : {}),
        ...(process.env.TEMPORAL_ROLLOUT_CACHE
          ? { TEMPORAL_ROLLOUT_CACHE: process.env.TEMPORAL_ROLLOUT_CACHE }
          : {}),
        ...options.env,
      },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timeoutMs = options.timeoutMs ?? 240_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    const exitCode = await new Promise<number>((resolve) => {
      child.on('close', (code) => resolve(code ?? -1));
      child.on('error', (err) => {
        output += `\n[spawn error] ${err.message}`;
        resolve(-1);
      });
    });
    clearTimeout(timer);
    if (timedOut)
      throw new Error(`act ran longer than ${timeoutMs} ms and was killed:\n${output.slice(-6000)}`);
    const lines: ActLogLine[] = [];
    const text: string[] = [];
    for (const raw of output.split('\n')) {
      if (!raw.trim()) continue;
      try {
        const line = JSON.parse(raw) as ActLogLine;
        lines.push(line);
        text.push(`[${line.job ?? 'act'}] ${(line.msg ?? '').trimEnd()}`);
      } catch {
        text.push(raw);
      }
    }
    const jobs = parseActLog(lines);
    const log = text.join('\n');
    return {
      exitCode,
      jobs,
      job(suffix) {
        // act pads a job's display name (`replay gate   `) to align its log prefixes.
        const found = jobs.find((j) => j.name.trimEnd().endsWith(suffix));
        if (!found) {
          throw new Error(
            `no job ending in "${suffix}"; act ran: ${jobs.map((j) => j.name).join(', ')}\n${log.slice(-4000)}`,
          );
        }
        return found;
      },
      log,
      requests: options.github.requests.slice(firstRequest),
      durationMs: Date.now() - started,
      timings: describeTimings(jobs),
      timeline: (pattern) => timeline(lines, pattern),
    };
  } finally {
    await scratch.remove();
  }
}

// On a machine whose tool cache lacks the kwok clusters' tools (the Kubernetes control plane, etcd, kwok: most of a
// fresh bootstrap's compile time), `npm test` does not wait for them before the first test: its bootstrap leaves them
// out (--defer-cluster-tools) and the test run compiles them niced beside the files that need no cluster, whose
// waits on timers and servers leave cores idle. The files that start a cluster (cluster-files.ts) run last and wait.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../../actions/src/core/sleep.js';
import { CLUSTER_TOOLS_BUILD_DIR_ENV, missingClusterTools, repoRoot } from '../../scripts/tool-paths.mjs';

/** Set by `npm test`: build missing cluster tools beside the tests. */
export const BUILD_BESIDE_TESTS_ENV = 'TEMPORAL_ROLLOUT_CLUSTER_TOOLS';
/** Set for the test workers while a build runs: its folder (build.log, and status.json once it ended). */
export const BUILD_DIR_ENV = CLUSTER_TOOLS_BUILD_DIR_ENV;

interface BuildStatus {
  exitCode: number | null;
  signal: string | null;
  seconds: number;
  error?: string;
}

export interface ClusterToolsBuild {
  dir: string;
  /** The build's process id, which is also its process group's. */
  pid: number;
  /** Stops the build if it still runs; returns lines for the run's output (its timing table, or why it stopped). */
  stop(): Promise<string[]>;
}

/** Sends `signal` to process group `pgid`; false when the group has no process left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** How a build ended, for a message: its start error, or its exit code or signal. */
function endOf(status: BuildStatus): string {
  return status.error ?? `exit ${status.exitCode ?? status.signal}`;
}

function readStatus(dir: string): BuildStatus | undefined {
  const file = join(dir, 'status.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStatus) : undefined;
}

function logLines(dir: string): string[] {
  const file = join(dir, 'build.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : [];
}

/**
 * Starts `scripts/bootstrap.mjs --only-cluster-tools` under `nice -n 19` when `npm test` asked for it and the cache
 * lacks a cluster tool; undefined otherwise. `env` is the environment the build gets (the caller's, without markers
 * meant for the tests' own processes). Its folder goes into BUILD_DIR_ENV for the workers the run starts next.
 */
export function startClusterToolsBuild(env: NodeJS.ProcessEnv): ClusterToolsBuild | undefined {
  if (process.env[BUILD_BESIDE_TESTS_ENV] !== 'build-beside-tests') return undefined;
  // vitest runs the global setup once per project, in one process: the first starts the build, the others see it.
  if (process.env[BUILD_DIR_ENV] || missingClusterTools().length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'temporal-rollout-cluster-tools-'));
  const log = openSync(join(dir, 'build.log'), 'w');
  const started = Date.now();
  const child = spawn(
    'nice',
    ['-n', '19', process.execPath, join(repoRoot, 'scripts', 'bootstrap.mjs'), '--only-cluster-tools'],
    {
      cwd: repoRoot,
      env,
      // Its own process group, so stop() ends the go commands and compilers it started too.
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const ended = new Promise<BuildStatus>((resolve) => {
    const end = (status: Omit<BuildStatus, 'seconds'>) => {
      const full = { ...status, seconds: (Date.now() - started) / 1000 };
      writeFileSync(join(dir, 'status.json'), JSON.stringify(full));
      resolve(full);
    };
    child.once('error', (err) => end({ exitCode: null, signal: null, error: err.message }));
    child.once('exit', (exitCode, signal) => end({ exitCode, signal }));
  });
  process.env[BUILD_DIR_ENV] = dir;
  console.log(`cluster tools: building them niced beside the tests (log ${join(dir, 'build.log')})`);
  if (child.pid === undefined) throw new Error('nice could not be started for the cluster tools build');
  const pid = child.pid;
  return {
    dir,
    pid,
    async stop() {
      if (!readStatus(dir)) {
        signalGroup(pid, 'SIGTERM');
        await Promise.race([ended, sleep(10_000)]);
        // The bootstrap ends on SIGTERM; the go commands and compilers it started need not.
        signalGroup(pid, 'SIGKILL');
        for (let i = 0; i < 50 && signalGroup(pid, 0); i++) await sleep(100);
        const status = await ended;
        return [
          `cluster tools: the build beside the tests was stopped unfinished after ${status.seconds.toFixed(0)} s`,
        ];
      }
      const status = await ended;
      if (status.exitCode !== 0) {
        return [
          `cluster tools: the build beside the tests FAILED after ${status.seconds.toFixed(0)} s ` +
            `(${endOf(status)}); its log ends:`,
          ...logLines(dir).slice(-30),
        ];
      }
      const table = logLines(dir).filter((line) =>
        /^bootstrap: (tool |\S+ +(built|downloaded) |total|done)/.test(line),
      );
      rmSync(dir, { recursive: true, force: true });
      return [`cluster tools: built beside the tests in ${status.seconds.toFixed(0)} s`, ...table];
    },
  };
}

/**
 * Resolves once every cluster tool is in the cache. While a build beside the tests runs (BUILD_DIR_ENV), it waits
 * for it, up to `timeoutMs`; it throws with the build's log when the build failed. With no build running it returns
 * at once: a missing tool then fails where the test asks for it, naming the fix.
 */
export async function waitForClusterTools(timeoutMs: number): Promise<number> {
  const started = Date.now();
  const dir = process.env[BUILD_DIR_ENV];
  for (;;) {
    if (missingClusterTools().length === 0 || !dir) return (Date.now() - started) / 1000;
    const status = readStatus(dir);
    if (status) {
      if (missingClusterTools().length === 0) return (Date.now() - started) / 1000;
      const tail = logLines(dir).slice(-30).join('\n  ');
      throw new Error(
        `the cluster tools build beside the tests failed (${endOf(status)}); ` +
          `retry it with \`node scripts/bootstrap.mjs --only-cluster-tools\`. Its log (${join(dir, 'build.log')}) ends:\n  ${tail}`,
      );
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `the cluster tools were still building beside the tests after ${Math.round(timeoutMs / 60_000)} minutes ` +
          `(log ${join(dir, 'build.log')}); missing: ${missingClusterTools().join(', ')}`,
      );
    }
    await sleep(2_000);
  }
}

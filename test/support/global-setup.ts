import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { startClusterToolsBuild } from './cluster-tools-build.js';

const MARKER = 'TEMPORAL_ROLLOUT_TEST_RUN';

/** Processes (other than the test runner itself) that inherited this run's marker and are still alive. */
function leftovers(runId: string): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!environ.split('\0').includes(`${MARKER}=${runId}`)) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      if (cmdline.includes('vitest') || cmdline === '') continue;
      found.push({ pid, cmdline });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

// Every process a test starts inherits this marker, so the teardown can prove none outlived the suite.
export default function setup() {
  // Started before the marker is set: the build is the run's own, not a test's, and the teardown stops it.
  const clusterTools = startClusterToolsBuild({ ...process.env });
  const runId = randomUUID();
  process.env[MARKER] = runId;
  return async () => {
    for (const line of (await clusterTools?.stop()) ?? []) console.log(line);
    // Give servers stopped in the last afterAll a moment to exit.
    for (let i = 0; i < 20 && leftovers(runId).length > 0; i++) await new Promise((r) => setTimeout(r, 250));
    const alive = leftovers(runId);
    if (alive.length === 0) return;
    for (const { pid } of alive) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    throw new Error(
      `processes outlived the test run and were killed:\n${alive.map((p) => `  ${p.pid} ${p.cmdline}`).join('\n')}`,
    );
  };
}

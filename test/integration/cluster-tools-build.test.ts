// The build `npm test` runs beside the tests on a machine whose cache lacks the cluster tools, driven as the global
// setup drives it, against a scratch tool cache (the other tools linked in) so the machine's cache is never touched.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheRoot,
  entries,
  goToolDir,
  missingClusterTools,
  toolVersions,
} from '../../scripts/tool-paths.mjs';
import {
  BUILD_BESIDE_TESTS_ENV,
  BUILD_DIR_ENV,
  startClusterToolsBuild,
  waitForClusterTools,
} from '../support/cluster-tools-build.js';

const clusterDirs = new Set(
  entries(toolVersions().goBuilds)
    .filter(([, build]) => build.cluster)
    .map(([name, build]) => join(goToolDir(name, build), '..')),
);

/** Process ids whose process group is `pgid`. */
function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the cluster tools build beside the tests', () => {
  const saved = { ...process.env };
  let scratch: string;

  beforeEach(() => {
    const machineCache = cacheRoot();
    scratch = mkdtempSync(join(tmpdir(), 'cluster-tools-cache-'));
    for (const name of readdirSync(machineCache)) {
      const dir = join(machineCache, name);
      if (![...clusterDirs].some((d) => d === dir)) symlinkSync(dir, join(scratch, name));
    }
    process.env.TEMPORAL_ROLLOUT_CACHE = scratch;
    process.env[BUILD_BESIDE_TESTS_ENV] = 'build-beside-tests';
    delete process.env[BUILD_DIR_ENV];
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts only when npm test asks for it', () => {
    delete process.env[BUILD_BESIDE_TESTS_ENV];
    expect(startClusterToolsBuild({ ...process.env })).toBeUndefined();
    expect(process.env[BUILD_DIR_ENV]).toBeUndefined();
  });

  it('a failed build fails the files that wait for it, with its log and the command to retry', async () => {
    // An empty module cache that may not fetch: the module download fails at once.
    const build = startClusterToolsBuild({
      ...process.env,
      GOPROXY: 'off',
      GOMODCACHE: join(scratch, 'go-mod'),
    });
    expect(build).toBeDefined();
    expect(process.env[BUILD_DIR_ENV]).toBe(build?.dir);
    // A second project's global setup in the same run does not start another.
    expect(startClusterToolsBuild({ ...process.env })).toBeUndefined();

    const waited = waitForClusterTools(60_000);
    await expect(waited).rejects.toThrow(/cluster tools build beside the tests failed \(exit 1\)/);
    await expect(waited).rejects.toThrow(/node scripts\/bootstrap\.mjs --only-cluster-tools/);
    await expect(waited).rejects.toThrow(/GOPROXY=off/);
    const report = (await build?.stop()) ?? [];
    expect(report[0]).toMatch(/FAILED after \d+ s \(exit 1\)/);
    expect(missingClusterTools().length).toBeGreaterThan(0);
  }, 90_000);

  it('stop() ends the build and every process it started, leaving nothing that looks built', async () => {
    const build = startClusterToolsBuild({ ...process.env });
    if (!build) throw new Error('the build did not start');
    const status = () => join(build.dir, 'status.json');
    // Let it get as far as running go.
    const log = join(build.dir, 'build.log');
    for (let i = 0; i < 100 && !readFileSync(log, 'utf8').includes('bootstrap: tools cache'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(groupMembers(build.pid).length).toBeGreaterThan(0);
    const report = await build.stop();
    expect(report.join('\n')).toMatch(/stopped unfinished after \d+ s/);
    expect(groupMembers(build.pid)).toEqual([]);
    expect(JSON.parse(readFileSync(status(), 'utf8')).signal).toBe('SIGTERM');
    expect(missingClusterTools().length).toBeGreaterThan(0);
    // A file still waiting hears that the build ended without the tools.
    await expect(waitForClusterTools(10_000)).rejects.toThrow(/failed \(exit null|failed \(exit SIGTERM/);
  }, 60_000);
});

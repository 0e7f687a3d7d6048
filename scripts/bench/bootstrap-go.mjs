#!/usr/bin/env node
// The Kubernetes control-plane binaries built the old way (one `go build` per binary, one after another) against
// the new way (one `go build -o DIR` of every package), each from its own empty Go build cache, side by side from
// one run. Modules are downloaded once into a fresh module cache first (timed apart, not part of the comparison).
// Prints per side: wall time of each build, CPU time (user+sys of the go command and its children), and the load
// average when it started, since the machine may be shared.
//
//   nice -n 10 node scripts/bench/bootstrap-go.mjs [--build kubernetes] [--sides separate,combined]
//       [--gocache DIR] [--gomodcache DIR]
//
// --gocache DIR runs every side against that existing build cache instead of a fresh one per side (left in
// place): with every package already compiled, what is left to compare is the links and the per-command
// overhead, the only work the two ways do differently once builds share a cache. --gomodcache DIR reuses a
// module cache (left in place too).
//
// By default the module cache is filled from ~/go/pkg/mod/cache/download when that exists (read only, as a
// GOPROXY=file:// ahead of the usual proxies), so the download step measures the disk rather than the network.
// Everything it writes lives under one scratch folder in /tmp, removed at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { goBuildEnv, goBuildFlags } from '../go-build-flags.mjs';
import { repoRoot, toolVersions } from '../tool-paths.mjs';

const { values } = parseArgs({
  options: {
    build: { type: 'string', default: 'kubernetes' },
    sides: { type: 'string', default: 'separate,combined' },
    gocache: { type: 'string' },
    gomodcache: { type: 'string' },
  },
});
const build = toolVersions().goBuilds[values.build];
if (!build?.moduleDir) {
  console.error(
    `--build ${values.build}: tools/versions.json has no goBuilds entry with a moduleDir by that name`,
  );
  process.exit(2);
}
const sides = values.sides.split(',');
const unknown = sides.filter((s) => s !== 'separate' && s !== 'combined');
if (unknown.length > 0) {
  console.error(`--sides: unknown ${unknown.join(', ')}; use separate and/or combined`);
  process.exit(2);
}

const cwd = join(repoRoot, build.moduleDir);
const scratch = mkdtempSync(join(tmpdir(), 'bench-bootstrap-go-'));
const modCache = values.gomodcache ?? join(scratch, 'mod');
/** @param {string} side */
const goCache = (side) => values.gocache ?? join(scratch, `cache-${side}`);
const localProxy = join(homedir(), 'go', 'pkg', 'mod', 'cache', 'download');
/** @type {NodeJS.ProcessEnv} */
const baseEnv = {
  ...process.env,
  ...goBuildEnv,
  GOMODCACHE: modCache,
  GOFLAGS: `${goBuildEnv.GOFLAGS} -modcacherw`,
  ...(existsSync(localProxy) ? { GOPROXY: `file://${localProxy},https://proxy.golang.org,direct` } : {}),
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Runs a command under /usr/bin/time; returns wall and CPU seconds.
 * @param {string[]} command @param {NodeJS.ProcessEnv} env
 */
function timed(command, env) {
  const timeFile = join(scratch, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', ...command], {
      cwd,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${command.join(' ')} exited ${code}`));
      const [user, sys] =
        readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
      resolve({ wall, cpu: (user ?? Number.NaN) + (sys ?? Number.NaN) });
    });
  });
}

/** @type {{ side: string, step: string, wall: number, cpu: number, load: string }[]} */
const rows = [];

async function step(
  /** @type {string} */ side,
  /** @type {string} */ name,
  /** @type {string[]} */ command,
  env = baseEnv,
) {
  const before = load();
  console.log(`[${side}] ${name}: ${command.slice(0, 2).join(' ')} … (load ${before})`);
  const { wall, cpu } = /** @type {{ wall: number, cpu: number }} */ (await timed(command, env));
  rows.push({ side, step: name, wall, cpu, load: before });
  console.log(`[${side}] ${name}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU`);
}

const flags = goBuildFlags(build);
const packages = Object.entries(build.packages);
try {
  await step('setup', 'go mod download', ['go', 'mod', 'download'], {
    ...baseEnv,
    GOCACHE: join(scratch, 'cache-setup'),
  });
  for (const side of sides) {
    const env = { ...baseEnv, GOCACHE: goCache(side) };
    const out = join(scratch, `bin-${side}`);
    mkdirSync(out);
    if (side === 'separate') {
      for (const [binary, pkg] of packages) {
        await step(side, binary, ['go', 'build', ...flags, '-o', join(out, binary), pkg], env);
      }
    } else {
      await step(
        side,
        packages.map(([b]) => b).join('+'),
        ['go', 'build', ...flags, '-o', `${out}/`, ...packages.map(([, p]) => p)],
        env,
      );
    }
    const missing = packages.filter(([binary]) => !existsSync(join(out, binary)));
    if (missing.length > 0) throw new Error(`[${side}] no binary for ${missing.map(([b]) => b).join(', ')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(
  `\n${values.build} ${build.version}, ${packages.length} binaries, ${values.gocache ? `every side on the warm GOCACHE ${values.gocache}` : 'fresh GOCACHE per side'}`,
);
console.log(
  `${'side'.padEnd(10)} ${'step'.padEnd(62)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)}  load at start (1/5/15 min)`,
);
for (const r of rows) {
  console.log(
    `${r.side.padEnd(10)} ${r.step.padEnd(62)} ${r.wall.toFixed(1).padStart(8)} ${r.cpu.toFixed(1).padStart(8)}  ${r.load}`,
  );
}
for (const side of sides) {
  const mine = rows.filter((r) => r.side === side);
  const wall = mine.reduce((s, r) => s + r.wall, 0);
  const cpu = mine.reduce((s, r) => s + r.cpu, 0);
  console.log(
    `${side.padEnd(10)} ${'TOTAL'.padEnd(62)} ${wall.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)}`,
  );
}

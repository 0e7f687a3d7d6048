#!/usr/bin/env node
// The bootstrap's Go builds, tool by tool, built several ways side by side from one run. Each way (variant) starts
// from its own empty Go build cache and builds the tools one after another in the bootstrap's order, so a package
// shared by two tools is compiled once per variant, as on a fresh machine. Modules are downloaded once into one
// module cache first (timed apart, not part of the comparison).
// Prints per tool and variant: wall time, CPU time (user+sys of the go command and everything it started) and the
// peak memory of its largest process; then each binary's size, and whether its bytes equal the first variant's.
// CPU time is the honest figure on a shared machine; on a quiet one with N cores wall ≈ CPU / N.
//
//   nice -n 19 node scripts/bench/bootstrap-go.mjs [--tools kubernetes,etcd,...] [--variants bootstrap,separate]
//       [--gocache DIR] [--gomodcache DIR]
//
// Variants:
//   bootstrap         the commands scripts/bootstrap.mjs runs (goBuildCommand)
//   separate          the old way: every binary of an entry by its own go command, one after another
//   upstream          every entry by `go install pkg@version` from its own module's go.mod, ignoring moduleDir
//                     (how helm and kwok were built before tools/helm-kwok, and temporal, actionlint and act
//                     before tools/temporal, tools/actionlint and tools/act; modules with replace directives,
//                     like Kubernetes and etcd, cannot be built so: use it with --tools helm,kwok)
//   compiler-dwarf    like bootstrap, but the compiler also writes DWARF (-gcflags=all=-dwarf=true), which the
//                     link then drops (-w): what the bootstrap did before it passed -dwarf=false
//   gogc-400          like bootstrap, with GOGC=400 for the compiler and linker (less garbage collection, more memory)
//
// --gocache DIR runs every variant against that existing build cache instead of a fresh one (left in place): what
// is left to compare is the links and the per-command overhead. --gomodcache DIR reuses a module cache (left in
// place too). By default the module cache is filled from ~/go/pkg/mod/cache/download when that exists (read only,
// as a GOPROXY=file:// ahead of the usual proxies), so the download step measures the disk rather than the network.
// Everything else it writes lives under one scratch folder in /tmp, removed at the end.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { goBuildCommand } from '../go-build-flags.mjs';
import { goBuildPlan } from '../go-build-plan.mjs';
import { entries, repoRoot, toolVersions } from '../tool-paths.mjs';

/**
 * @typedef {import('../tool-paths.mjs').GoBuild} Build
 * @typedef {{ args: string[], cwd?: string, env: Record<string, string> }} Command
 */

/** @type {Record<string, (name: string, build: Build, out: string) => Command[]>} */
const variants = {
  bootstrap: (name, build, out) => [goBuildCommand(build, name, out)],
  separate: (name, build, out) =>
    Object.entries(build.packages ?? { [name]: build.module }).map(([binary, pkg]) =>
      goBuildCommand({ ...build, packages: { [binary]: pkg } }, binary, out),
    ),
  upstream: (name, build, out) => {
    const { moduleDir: _inRepo, ...upstream } = build;
    return [goBuildCommand(upstream, name, out)];
  },
  'compiler-dwarf': (name, build, out) =>
    variants.bootstrap?.(name, build, out).map((c) => ({ ...c, args: withGcflags(c.args, '-dwarf=true') })) ??
    [],
  'gogc-400': (name, build, out) =>
    variants.bootstrap?.(name, build, out).map((c) => ({ ...c, env: { ...c.env, GOGC: '400' } })) ?? [],
};

/** `args` with `-gcflags=all=...` replaced by (or given) the flags `flags`. @param {string[]} args @param {string} flags */
function withGcflags(args, flags) {
  const [verb, ...rest] = args;
  return [verb ?? 'build', `-gcflags=all=${flags}`, ...rest.filter((a) => !a.startsWith('-gcflags='))];
}

const { values } = parseArgs({
  options: {
    tools: { type: 'string' },
    variants: { type: 'string', default: 'bootstrap,separate' },
    gocache: { type: 'string' },
    gomodcache: { type: 'string' },
  },
});
const versions = toolVersions();
/** @type {[string, Build][]} in the bootstrap's compile order */
const allTools = goBuildPlan(entries(versions.goBuilds)).compiles.map(({ name, build }) => [name, build]);
const wanted = values.tools?.split(',') ?? allTools.map(([name]) => name);
const tools = wanted.map((name) => {
  const found = allTools.find(([n]) => n === name);
  if (!found) {
    console.error(
      `--tools: no go or goBuilds entry "${name}" in tools/versions.json; there are ${allTools.map(([n]) => n).join(', ')}`,
    );
    process.exit(2);
  }
  return found;
});
const chosen = values.variants.split(',');
const unknown = chosen.filter((v) => !(v in variants));
if (unknown.length > 0) {
  console.error(`--variants: unknown ${unknown.join(', ')}; use ${Object.keys(variants).join(', ')}`);
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-bootstrap-go-'));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    // The go command in flight gets the signal too (same process group from a terminal; kill the group otherwise).
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}
const localProxy = join(homedir(), 'go', 'pkg', 'mod', 'cache', 'download');
/** @type {NodeJS.ProcessEnv} */
const baseEnv = {
  ...process.env,
  GOMODCACHE: values.gomodcache ?? join(scratch, 'mod'),
  GOFLAGS: '-modcacherw',
  ...(existsSync(localProxy) ? { GOPROXY: `file://${localProxy},https://proxy.golang.org,direct` } : {}),
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Runs `go` under /usr/bin/time; returns wall and CPU seconds and the peak memory of the largest process.
 * @param {Command} command @param {NodeJS.ProcessEnv} env @param {{ quiet?: boolean }} [options] quiet: drop stderr
 * @returns {Promise<{ wall: number, cpu: number, rssMiB: number }>}
 */
function timedGo(command, env, options = {}) {
  const timeFile = join(scratch, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', 'go', ...command.args], {
      cwd: join(repoRoot, command.cwd ?? ''),
      env: { ...env, ...command.env, GOFLAGS: `${command.env.GOFLAGS ?? ''} ${env.GOFLAGS ?? ''}`.trim() },
      stdio: ['ignore', 'inherit', options.quiet ? 'ignore' : 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`go ${command.args.join(' ')} exited ${code}`));
      const [user = Number.NaN, sys = Number.NaN, rssKiB = Number.NaN] =
        readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
      resolve({ wall, cpu: user + sys, rssMiB: rssKiB / 1024 });
    });
  });
}

/** @type {Map<string, { wall: number, cpu: number, rssMiB: number, load: string }>} keyed by `${variant} ${tool}` */
const results = new Map();
/** @type {Map<string, { bytes: number, sha: string }>} keyed by `${variant} ${binary}` */
const binaries = new Map();

try {
  for (const [name, build] of tools) {
    const command = variants.bootstrap?.(name, build, join(scratch, 'setup-bin'))[0];
    if (!command) continue;
    // -n prints the build's commands without running them, but still loads every package: it downloads the modules.
    const [verb, ...rest] = command.args;
    const t = await timedGo(
      { ...command, args: [verb ?? 'build', '-n', ...rest] },
      { ...baseEnv, GOCACHE: join(scratch, 'cache-setup') },
      { quiet: true },
    );
    console.log(`[setup] ${name}: modules downloaded in ${t.wall.toFixed(1)} s`);
  }
  for (const variant of chosen) {
    const env = { ...baseEnv, GOCACHE: values.gocache ?? join(scratch, `cache-${variant}`) };
    for (const [name, build] of tools) {
      const out = join(scratch, `bin-${variant}`, name);
      mkdirSync(out, { recursive: true });
      const before = load();
      console.log(`[${variant}] ${name} … (load ${before})`);
      const sum = { wall: 0, cpu: 0, rssMiB: 0, load: before };
      for (const command of variants[variant]?.(name, build, out) ?? []) {
        const t = await timedGo(command, env);
        sum.wall += t.wall;
        sum.cpu += t.cpu;
        sum.rssMiB = Math.max(sum.rssMiB, t.rssMiB);
      }
      results.set(`${variant} ${name}`, sum);
      console.log(`[${variant}] ${name}: ${sum.wall.toFixed(1)} s wall, ${sum.cpu.toFixed(1)} s CPU`);
      for (const binary of readdirSync(out)) {
        const file = join(out, binary);
        const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
        binaries.set(`${variant} ${binary}`, { bytes: statSync(file).size, sha });
      }
    }
    if (!values.gocache) rmSync(env.GOCACHE, { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const cell = (/** @type {string} */ text) => text.padStart(22);
console.log(
  `\nGo builds of the bootstrap, ${values.gocache ? `every variant on the warm GOCACHE ${values.gocache}` : 'a fresh GOCACHE per variant, tools in bootstrap order'}`,
);
console.log(`${'tool'.padEnd(12)}${chosen.map((v) => cell(`${v} wall/CPU s`)).join('')}   peak MiB`);
for (const [name] of tools) {
  const row = chosen.map((v) => results.get(`${v} ${name}`));
  console.log(
    `${name.padEnd(12)}${row.map((r) => cell(r ? `${r.wall.toFixed(1)} / ${r.cpu.toFixed(1)}` : '-')).join('')}   ${row.map((r) => (r ? r.rssMiB.toFixed(0) : '-')).join(' / ')}`,
  );
}
const totals = chosen.map((v) =>
  tools.reduce(
    (sum, [name]) => {
      const r = results.get(`${v} ${name}`);
      return { wall: sum.wall + (r?.wall ?? 0), cpu: sum.cpu + (r?.cpu ?? 0) };
    },
    { wall: 0, cpu: 0 },
  ),
);
console.log(
  `${'TOTAL'.padEnd(12)}${totals.map((t) => cell(`${t.wall.toFixed(1)} / ${t.cpu.toFixed(1)}`)).join('')}`,
);
console.log(
  `load (1/5/15 min) at each tool's start: ${chosen.map((v) => `${v}: ${tools.map(([n]) => results.get(`${v} ${n}`)?.load.split(' ')[0]).join(' ')}`).join('; ')}`,
);

const [first] = chosen;
console.log(`\n${'binary'.padEnd(26)}${chosen.map((v) => cell(`${v} MB`)).join('')}`);
for (const key of binaries.keys()) {
  const [variant, binary = ''] = key.split(' ');
  if (variant !== first) continue;
  const base = binaries.get(key);
  const row = chosen.map((v) => {
    const b = binaries.get(`${v} ${binary}`);
    if (!b) return '-';
    return `${(b.bytes / 1e6).toFixed(1)}${v !== first && b.sha === base?.sha ? ' (same bytes)' : ''}`;
  });
  console.log(`${binary.padEnd(26)}${row.map(cell).join('')}`);
}

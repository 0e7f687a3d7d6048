#!/usr/bin/env node
// Installs, on a brand-new machine, everything the tests and the demo need; skips what is already there.
// Runs before `npm ci`, so it uses Node's standard library only.
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { goBuildCommand } from './go-build-flags.mjs';
import { goBuildPlan, nextCompile } from './go-build-plan.mjs';
import {
  cacheRoot,
  clusterToolPaths,
  entries,
  goFilesDir,
  goToolDir,
  missingClusterTools,
  pypiVenvDir,
  repoRoot,
  toolPaths,
  toolVersions,
} from './tool-paths.mjs';

const started = Date.now();

/**
 * What this run does with the goBuilds marked `cluster` (the tools of the kwok test clusters, most of the compile
 * time): `all` (no option) builds them with the rest; `defer` (`--defer-cluster-tools`, what `npm test` passes)
 * builds everything else and only downloads their modules, because the test run compiles them niced beside the
 * files that need no cluster (test/support/cluster-tools-build.ts); `only` (`--only-cluster-tools`) builds just
 * them: that build.
 */
const clusterTools = clusterToolsMode(process.argv.slice(2));

/** @param {string[]} args @returns {'all' | 'defer' | 'only'} */
function clusterToolsMode(args) {
  /** @type {Record<string, 'defer' | 'only'>} */
  const modes = { '--defer-cluster-tools': 'defer', '--only-cluster-tools': 'only' };
  const [first, ...rest] = args;
  if (first === undefined) return 'all';
  const mode = modes[first];
  if (!mode || rest.length > 0) {
    console.error(
      `bootstrap: unknown arguments "${args.join(' ')}": pass none (build every tool), ${Object.keys(modes).join(' or ')}`,
    );
    process.exit(2);
  }
  return mode;
}

class BootstrapError extends Error {
  /** @param {string} tool @param {string} command @param {string} detail */
  constructor(tool, command, detail) {
    super(`bootstrap: ${tool} failed: ${detail}\n  retry with: ${command}`);
  }
}

/** CPU seconds (user+sys of a command and everything it started) of every command run, for the closing table. */
let cpuSecondsInAll = 0;
/** The timed step (see timed) a command runs in, whose CPU seconds it adds to. @type {AsyncLocalStorage<{ cpu: number }>} */
const currentStep = new AsyncLocalStorage();

/**
 * Children's user and sys time as the POSIX `times` builtin prints them (second line, like `1m2.500s 0m0.250s`),
 * in seconds; undefined when the text does not have that shape.
 * @param {string} text
 */
function childrenCpuSeconds(text) {
  const line = text.trim().split('\n')[1] ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? (parts[0] ?? 0) + (parts[1] ?? 0) : undefined;
}

/**
 * Runs a command, streaming nothing unless it fails; the last lines of its output go into the error. It runs under
 * /bin/sh, whose `times` builtin reports on fd 3 the CPU time of the command and of every process it waited for
 * (Node cannot see a child's CPU time); that time counts towards the timed step it runs in.
 * @param {string} tool @param {string} file @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, retryHint?: string }} [options]
 */
function run(tool, file, args, options = {}) {
  const shown = options.retryHint ?? [file, ...args].join(' ');
  const step = currentStep.getStore();
  return new Promise((resolve, reject) => {
    const child = spawn(
      '/bin/sh',
      ['-c', '"$@" 3>&-; status=$?; times >&3; exit $status', 'sh', file, ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    );
    /** @type {string[]} */
    const output = [];
    /** @param {Buffer} chunk */
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 400) output.splice(0, output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let times = '';
    child.stdio[3]?.on('data', (/** @type {Buffer} */ chunk) => {
      times += chunk.toString();
    });
    child.on('error', (err) => reject(new BootstrapError(tool, shown, err.message)));
    child.on('close', (code) => {
      const cpu = childrenCpuSeconds(times) ?? 0;
      cpuSecondsInAll += cpu;
      if (step) step.cpu += cpu;
      if (code === 0) return resolve(output.join(''));
      // 127: /bin/sh could not find the command.
      const tail = output.join('').trim().split('\n').slice(-25).join('\n    ');
      reject(new BootstrapError(tool, shown, `exit ${code}\n    ${tail}`));
    });
  });
}

/** Every timed step, in the order it ended. @type {{ tool: string, action: string, seconds: number, cpu: number }[]} */
const steps = [];

/**
 * Runs `work` as one step of `tool` (a row of the closing table): its wall time, and the CPU time of the commands it
 * runs. `action` starts with the step's verb (built, downloaded, cached, …).
 * @template T @param {string} tool @param {string} action @param {() => Promise<T>} work
 */
async function timed(tool, action, work) {
  const t0 = Date.now();
  const step = { cpu: 0 };
  const result = await currentStep.run(step, work);
  const seconds = (Date.now() - t0) / 1000;
  console.log(`bootstrap: ${tool.padEnd(16)} ${action} (${seconds.toFixed(1)} s)`);
  steps.push({ tool, action, seconds, cpu: step.cpu });
  return result;
}

/** How the one Go compile at a time spent the Go phase: compiling, or waiting for some module download. */
const goCompileSlot = { compiling: 0, waitingForModules: 0 };

/**
 * The closing table: wall and CPU seconds per step (a Go tool's module download and its compile apart). Go compiles
 * run one at a time, so their wall times add up; module downloads and everything else run beside them. On a quiet
 * machine with N cores a Go compile's wall time is about its CPU time / N; on a shared one CPU time is the honest
 * figure.
 */
function timingTable() {
  const rows = steps.map(({ tool, action, seconds, cpu }) => ({
    tool,
    what: (action.split(' ')[0] ?? action).replace(/:$/, ''),
    wall: seconds,
    cpu,
  }));
  const worked = rows.filter((r) => !['cached', 'present', 'deferred'].includes(r.what));
  const skipped = rows.filter((r) => r.what === 'cached' || r.what === 'present').map((r) => r.tool);
  const deferred = rows.filter((r) => r.what === 'deferred').map((r) => r.tool);
  const total = (Date.now() - started) / 1000;
  const line = (
    /** @type {string} */ tool,
    /** @type {string} */ what,
    /** @type {number} */ wall,
    /** @type {number} */ cpuS,
  ) =>
    `bootstrap: ${tool.padEnd(26)} ${what.padEnd(10)} ${wall.toFixed(1).padStart(8)} ${cpuS.toFixed(1).padStart(8)}`;
  return [
    `bootstrap: ${'tool'.padEnd(26)} ${'step'.padEnd(10)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)}`,
    ...worked
      .sort((a, b) => b.cpu - a.cpu || b.wall - a.wall)
      .map((r) => line(r.tool, r.what, r.wall, r.cpu)),
    ...(skipped.length > 0 ? [`bootstrap: ${'already there'.padEnd(26)} ${skipped.join(', ')}`] : []),
    ...(deferred.length > 0
      ? [`bootstrap: ${'left to the test run'.padEnd(26)} ${deferred.join(', ')}`]
      : []),
    ...(goCompileSlot.compiling > 0
      ? [
          `bootstrap: ${'go compiles back to back'.padEnd(26)} ${'compiling'.padEnd(10)} ${goCompileSlot.compiling.toFixed(1).padStart(8)}`,
          `bootstrap: ${''.padEnd(26)} ${'waiting'.padEnd(10)} ${goCompileSlot.waitingForModules.toFixed(1).padStart(8)}  (for module downloads)`,
        ]
      : []),
    line('total (checks included)', '', total, cpuSecondsInAll),
  ].join('\n');
}

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(repoRoot, 'package-lock.json')))
    .digest('hex');
}

async function npmDependencies() {
  const marker = join(repoRoot, 'node_modules', '.bootstrap-lock-sha256');
  const hash = lockHash();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
    return timed('npm packages', 'cached: node_modules matches package-lock.json', async () => {});
  }
  await timed('npm packages', 'installed with npm ci', () =>
    run('npm packages', 'npm', ['ci', '--no-audit', '--no-fund'], { retryHint: 'npm ci' }),
  );
  writeFileSync(marker, hash);
}

/**
 * Fills the cache folder `dir` by `work(scratch)` in a scratch folder next to it, then moves the scratch folder in
 * place, so an interrupted run never looks cached.
 * @param {string} dir @param {(scratch: string) => Promise<unknown>} work
 */
async function buildAtomically(dir, work) {
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  await work(scratch);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(scratch, dir);
}

/**
 * The version of `module` that the go.mod in `moduleDir` requires, so a bump in one file without the other
 * cannot hide behind a cache keyed by the old version.
 * @param {string} moduleDir @param {string} module
 */
function requiredVersion(moduleDir, module) {
  const text = readFileSync(join(repoRoot, moduleDir, 'go.mod'), 'utf8');
  const escaped = module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`, 'm').exec(text)?.[1];
}

/**
 * Parallel module fetches of one `go mod download` (Go runs GOMAXPROCS of them at once, 2 on a 2-core machine). A
 * fetch mostly waits for the network, and several module folders download at once beside a compile.
 */
const moduleFetchesAtOnce = 8;

/**
 * Downloads every module the build in `moduleDir` needs into the module cache (GOMODCACHE), zips unpacked: in a go
 * 1.17+ module `go mod download` fetches each module go.mod requires (which lists every module that provides a
 * package) and the go.mod files of the whole module graph, checked against go.sum. `go build` there then finds them.
 * @param {string} moduleDir @param {string[]} tools the builds that use it
 */
function downloadModules(moduleDir, tools) {
  const label = basename(moduleDir);
  return timed(label, `downloaded the modules of ${moduleDir} (for ${tools.join(', ')})`, () =>
    run(label, 'go', ['mod', 'download'], {
      cwd: join(repoRoot, moduleDir),
      env: { GOMAXPROCS: String(moduleFetchesAtOnce) },
      retryHint: `cd ${moduleDir} && go mod download`,
    }),
  );
}

/**
 * Compiles every binary of one goBuilds entry with ONE go command (see goBuildCommand) into the cache.
 * @param {string} name @param {import('./tool-paths.mjs').GoBuild} build
 */
async function compile(name, build) {
  const dir = goToolDir(name, build);
  const binaries = Object.keys(build.packages);
  const what = `${binaries.join(', ')} (${build.module} ${build.version})`;
  await buildAtomically(dir, async (scratch) => {
    const command = goBuildCommand(build, name, scratch, dir);
    await timed(name, `built ${what}`, () =>
      run(name, 'go', command.args, {
        cwd: join(repoRoot, command.cwd ?? ''),
        env: command.env,
        retryHint: command.shown,
      }),
    );
    const missing = binaries.filter((b) => !existsSync(join(scratch, b)));
    if (missing.length > 0) {
      throw new BootstrapError(
        name,
        `name each binary in tools/versions.json goBuilds.${name}.packages after its package's last path element`,
        `no ${missing.join(', ')} after the build; go wrote ${readdirSync(scratch).join(', ') || 'nothing'}`,
      );
    }
  });
}

/**
 * Builds the goBuilds entries the cache lacks. The module downloads (network, little CPU) all start at once; the
 * compiles run one at a time, in goBuildPlan's order, each once its own modules are in. One at a time because on 2
 * cores one `go build` already keeps every core busy; builds side by side only thrash memory and compile a shared
 * package (same module version, same flags) once per build, where one after another the later build finds it in the
 * build cache. A failed download stops the bootstrap once no compile is running (none is left half done).
 */
async function goBuilds() {
  /** @type {[string, import('./tool-paths.mjs').GoBuild][]} */
  const missing = [];
  for (const [name, build] of entries(toolVersions().goBuilds)) {
    if (clusterTools === 'only' && !build.cluster) continue;
    const binaries = Object.keys(build.packages);
    if (binaries.every((b) => existsSync(join(goToolDir(name, build), b)))) {
      await timed(name, `cached ${build.version}: ${binaries.join(', ')}`, async () => {});
      continue;
    }
    const required = requiredVersion(build.moduleDir, build.module);
    if (required !== build.version) {
      throw new BootstrapError(
        name,
        `edit ${build.moduleDir}/go.mod (go mod tidy) or tools/versions.json so both say one version`,
        `${build.moduleDir}/go.mod requires ${build.module} ${required ?? '(nothing)'}, tools/versions.json says ${build.version}`,
      );
    }
    missing.push([name, build]);
  }
  const deferred = clusterTools === 'defer' ? missing.filter(([, build]) => build.cluster) : [];
  const plan = goBuildPlan(missing.filter((entry) => !deferred.includes(entry)));
  /** @type {Set<string>} */
  const downloaded = new Set();
  /** @type {unknown} */
  let failedDownload;
  // A deferred tool's modules download here too: the network work is done before its compile starts.
  const downloads = new Map(
    goBuildPlan(missing).downloads.map(({ moduleDir, tools }) => {
      const download = downloadModules(moduleDir, tools).then(() => {
        downloaded.add(moduleDir);
      });
      download.catch((err) => {
        failedDownload ??= err;
      });
      return [moduleDir, download];
    }),
  );
  let pending = plan.compiles;
  while (pending.length > 0) {
    if (failedDownload) throw failedDownload;
    const next = nextCompile(pending, downloaded);
    const t0 = Date.now();
    if (!next) {
      // Settles once any pending compile's modules are in, or rejects with the first of them to fail.
      await Promise.race(pending.map(({ build }) => downloads.get(build.moduleDir)));
      goCompileSlot.waitingForModules += (Date.now() - t0) / 1000;
      continue;
    }
    pending = pending.filter((c) => c !== next);
    await compile(next.name, next.build);
    goCompileSlot.compiling += (Date.now() - t0) / 1000;
  }
  await Promise.all(downloads.values());
  for (const [name, build] of deferred) {
    await timed(
      name,
      `deferred: modules downloaded, the test run compiles ${build.version} beside the tests`,
      async () => {},
    );
  }
}

/** Copies files (a folder's, or those named) out of a Go module (fetched with `go mod download`, so it is cached by Go too). @param {string} name */
async function goFiles(name) {
  const files = toolVersions().goFiles[name];
  if (!files) throw new Error(`tools/versions.json has no goFiles "${name}"`);
  const dir = goFilesDir(name, files);
  if (existsSync(dir)) return timed(name, `cached ${files.version}`, async () => {});
  const target = `${files.module}@${files.version}`;
  await buildAtomically(dir, (scratch) =>
    timed(
      name,
      `copied ${files.files ? `${files.files.length} files` : `${files.path}/*${files.suffix}`} from ${target}`,
      async () => {
        const hint = `go mod download -json ${target}`;
        const out = await run(name, 'go', ['mod', 'download', '-json', target], {
          cwd: cacheRoot(),
          retryHint: hint,
        });
        /** @type {{ Dir?: string, Error?: string }} */
        const info = JSON.parse(out);
        if (!info.Dir) throw new BootstrapError(name, hint, info.Error ?? 'go mod download printed no Dir');
        if (files.files) {
          for (const file of files.files) {
            const source = join(info.Dir, file);
            if (!existsSync(source)) throw new BootstrapError(name, hint, `${target} has no ${file}`);
            copyFileSync(source, join(scratch, basename(file)));
          }
          return;
        }
        const source = join(info.Dir, files.path);
        const names = existsSync(source) ? readdirSync(source).filter((f) => f.endsWith(files.suffix)) : [];
        if (names.length === 0) {
          throw new BootstrapError(name, hint, `no ${files.suffix} files in ${files.path} of ${target}`);
        }
        for (const file of names) copyFileSync(join(source, file), join(scratch, file));
      },
    ),
  );
}

async function aptPackages() {
  const packages = toolVersions().apt;
  const missing = Object.entries(packages)
    .filter(([, pkg]) => pkg.binaries.some((b) => !existsSync(`/usr/bin/${b}`)))
    .map(([name]) => name);
  if (missing.length === 0) {
    return timed('apt packages', `present: ${Object.keys(packages).join(', ')}`, async () => {});
  }
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const [file, ...prefix] = [...sudo, 'apt-get'];
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const hint =
    `${sudo.join(' ')} apt-get update && ${sudo.join(' ')} apt-get install -y ${missing.join(' ')}`.trim();
  await timed('apt packages', `installed ${missing.join(', ')}`, async () => {
    await run('apt packages', file ?? 'apt-get', [...prefix, 'update', '-qq'], { env, retryHint: hint });
    await run(
      'apt packages',
      file ?? 'apt-get',
      [...prefix, 'install', '-y', '-qq', '--no-install-recommends', ...missing],
      {
        env,
        retryHint: hint,
      },
    );
  });
}

async function node24() {
  const { package: pkg, version } = toolVersions().node24;
  const bin = toolPaths().node24;
  if (existsSync(bin)) return timed('node 24', `cached ${version}`, async () => {});
  const spec = `${pkg}@${version}`;
  await buildAtomically(join(cacheRoot(), `node-${version}`), (scratch) =>
    timed('node 24', `unpacked ${spec}`, async () => {
      const packed = (
        await run('node 24', 'npm', ['pack', spec, '--silent', '--pack-destination', scratch])
      ).trim();
      const tarball = join(scratch, packed.split('\n').pop() ?? '');
      await run('node 24', 'tar', ['-xzf', tarball, '-C', scratch, '--strip-components=1']);
      rmSync(tarball);
    }),
  );
}

/**
 * A Python tool from PyPI in a virtualenv of its own, keyed by version in the cache. A venv records its own
 * path and cannot be moved, so it is made in place and counts as cached only once a marker says it is complete.
 * @param {string} name
 */
async function pypiTool(name) {
  const tool = toolVersions().pypi[name];
  if (!tool) throw new Error(`tools/versions.json has no pypi tool "${name}"`);
  const dir = pypiVenvDir(name, tool);
  const done = join(dir, '.bootstrap-complete');
  if (existsSync(done)) return timed(name, `cached ${tool.version}`, async () => {});
  rmSync(dir, { recursive: true, force: true });
  const spec = `${tool.package}==${tool.version}`;
  await timed(name, `installed ${spec} from PyPI into ${dir}`, async () => {
    await run(name, 'python3', ['-m', 'venv', dir]);
    await run(name, join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', spec], {
      retryHint: `python3 -m venv ${dir} && ${join(dir, 'bin', 'pip')} install ${spec}`,
    });
  });
  writeFileSync(done, `${spec}\n`);
}

async function verify() {
  const paths = toolPaths();
  /** @type {[string, string, string[]][]} label, binary, arguments */
  const all = [
    ['temporal', paths.temporal, ['--version']],
    ['helm', paths.helm, ['version', '--short']],
    ['actionlint', paths.actionlint, ['-version']],
    ['act', paths.act, ['--version']],
    ['prometheus', paths.prometheus, ['--version']],
    ['promtool', paths.promtool, ['--version']],
    ['docker-registry', paths.registry, ['--version']],
    ['buildah', paths.buildah, ['--version']],
    ['skopeo', paths.skopeo, ['--version']],
    ['strip', paths.strip, ['--version']],
    ['node 24', paths.node24, ['--version']],
    ['kube-apiserver', paths.kubeApiserver, ['--version']],
    ['kube-controller-manager', paths.kubeControllerManager, ['--version']],
    ['kube-scheduler', paths.kubeScheduler, ['--version']],
    ['kubectl', paths.kubectl, ['version', '--client']],
    ['etcd', paths.etcd, ['--version']],
    ['kwok', paths.kwok, ['--version']],
    ['kwokctl', paths.kwokctl, ['--version']],
    ['zizmor', paths.zizmor, ['--version']],
  ];
  const cluster = new Set(clusterToolPaths());
  // Deferred cluster tools are checked once there: by the run that built them, or when a test run already did.
  const clusterToolsHere = clusterTools !== 'defer' || missingClusterTools().length === 0;
  const checks = all.filter(([, file]) => (cluster.has(file) ? clusterToolsHere : clusterTools !== 'only'));
  await timed('every tool', `checked: ${checks.length} run`, async () => {
    for (const [tool, file, args] of checks) {
      const out = await run(tool, file, [...args]);
      console.log(`bootstrap: ${tool.padEnd(16)} ${out.trim().split('\n')[0]}  (${file})`);
    }
  });
  /** @type {[string, string][]} */
  const folders = [
    ['prometheus-operator-crds', paths.prometheusOperatorCrds],
    ['kwok-stages', paths.kwokStages],
  ];
  for (const [name, dir] of clusterTools === 'only' ? [] : folders) {
    console.log(`bootstrap: ${name.padEnd(16)} ${readdirSync(dir).length} files  (${dir})`);
  }
}

async function main() {
  mkdirSync(cacheRoot(), { recursive: true });
  console.log(
    `bootstrap: tools cache ${cacheRoot()}${clusterTools === 'all' ? '' : ` (${clusterTools} cluster tools)`}`,
  );
  // The Go compiles are the slow part: they run one after another (see goBuilds), largest first, while the
  // downloads (Go modules, npm, apt, Node, PyPI, module files) run beside them.
  await Promise.all([
    goBuilds(),
    ...(clusterTools === 'only'
      ? []
      : [
          npmDependencies(),
          aptPackages(),
          node24(),
          ...entries(toolVersions().goFiles).map(([name]) => goFiles(name)),
          ...entries(toolVersions().pypi).map(([name]) => pypiTool(name)),
        ]),
  ]);
  await verify();
  console.log(timingTable());
  console.log(`bootstrap: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  // What finished before the failure, so a failed CI run still shows where its time went.
  console.log(timingTable());
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

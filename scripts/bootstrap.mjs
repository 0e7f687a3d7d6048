#!/usr/bin/env node
// Installs, on a brand-new machine, everything the tests and the demo need; skips what is already there.
// Runs before `npm ci`, so it uses Node's standard library only.
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
import { dirname, join } from 'node:path';
import { goBuildEnv, goBuildFlags } from './go-build-flags.mjs';
import {
  cacheRoot,
  entries,
  goFilesDir,
  goToolDir,
  pypiVenvDir,
  repoRoot,
  toolPaths,
  toolVersions,
} from './tool-paths.mjs';

const started = Date.now();

class BootstrapError extends Error {
  /** @param {string} tool @param {string} command @param {string} detail */
  constructor(tool, command, detail) {
    super(`bootstrap: ${tool} failed: ${detail}\n  retry with: ${command}`);
  }
}

/**
 * Runs a command, streaming nothing unless it fails; the last lines of its output go into the error.
 * @param {string} tool @param {string} file @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, retryHint?: string }} [options]
 */
function run(tool, file, args, options = {}) {
  const shown = options.retryHint ?? [file, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const output = [];
    /** @param {Buffer} chunk */
    const keep = (chunk) => {
      output.push(chunk.toString());
      if (output.length > 400) output.splice(0, output.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => reject(new BootstrapError(tool, shown, err.message)));
    child.on('close', (code) => {
      if (code === 0) return resolve(output.join(''));
      const tail = output.join('').trim().split('\n').slice(-25).join('\n    ');
      reject(new BootstrapError(tool, shown, `exit ${code}\n    ${tail}`));
    });
  });
}

/** @template T @param {string} tool @param {string} action @param {() => Promise<T>} work */
async function timed(tool, action, work) {
  const t0 = Date.now();
  const result = await work();
  const seconds = (Date.now() - t0) / 1000;
  console.log(`bootstrap: ${tool.padEnd(16)} ${action} (${seconds.toFixed(1)} s)`);
  return result;
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
    return timed('npm packages', 'up to date with package-lock.json', async () => {});
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
 * Go builds run one at a time. On 2 cores one `go build` already keeps every core busy; builds side by side only
 * thrash memory and compile a shared package (same module version, same flags) once per build, where one after
 * another the later build finds it in the build cache.
 */
let goQueue = Promise.resolve();
/** @template T @param {() => Promise<T>} work @returns {Promise<T>} */
function oneGoBuildAtATime(work) {
  const result = goQueue.then(work);
  goQueue = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/** @param {string} name */
async function goTool(name) {
  const tool = toolVersions().go[name];
  if (!tool) throw new Error(`tools/versions.json has no go tool "${name}"`);
  const dir = goToolDir(name, tool);
  if (existsSync(join(dir, name))) return timed(name, `cached ${tool.version}`, async () => {});
  const target = `${tool.module}@${tool.version}`;
  const flags = goBuildFlags(tool);
  await oneGoBuildAtATime(() =>
    buildAtomically(dir, (scratch) =>
      timed(name, `built ${target}`, () =>
        run(name, 'go', ['install', ...flags, target], {
          env: { ...goBuildEnv, GOBIN: scratch },
          retryHint: `GOBIN=${dir} CGO_ENABLED=0 go install -trimpath ${target}`,
        }),
      ),
    ),
  );
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
 * Builds every binary of one `goBuilds` entry with ONE go command (`go build -o DIR pkg...` or
 * `go install pkg@v...`): the packages they share are compiled once and the links run side by side.
 * @param {string} name
 */
async function goBuild(name) {
  const build = toolVersions().goBuilds[name];
  if (!build) throw new Error(`tools/versions.json has no goBuilds "${name}"`);
  const dir = goToolDir(name, build);
  const [binaries, packages] = [Object.keys(build.packages), Object.values(build.packages)];
  if (binaries.every((b) => existsSync(join(dir, b)))) {
    return timed(name, `cached ${build.version}: ${binaries.join(', ')}`, async () => {});
  }
  if (build.moduleDir) {
    const required = requiredVersion(build.moduleDir, build.module);
    if (required !== build.version) {
      throw new BootstrapError(
        name,
        `edit ${build.moduleDir}/go.mod (go mod tidy) or tools/versions.json so both say one version`,
        `${build.moduleDir}/go.mod requires ${build.module} ${required ?? '(nothing)'}, tools/versions.json says ${build.version}`,
      );
    }
  }
  const flags = goBuildFlags(build);
  const shownFlags = `-trimpath -ldflags '${flags[2]}'`;
  const what = `${binaries.join(', ')} (${build.module} ${build.version})`;
  // One package: -o names the file. Several: -o is a folder (trailing slash) and go names each binary after its
  // package, as go install does; the check below says so when versions.json's names do not match.
  const output = (/** @type {string} */ scratch) =>
    packages.length === 1 ? join(scratch, binaries[0] ?? name) : `${scratch}/`;
  await oneGoBuildAtATime(() =>
    buildAtomically(dir, async (scratch) => {
      await timed(name, `built ${what}`, () => {
        if (build.moduleDir) {
          return run(name, 'go', ['build', ...flags, '-o', output(scratch), ...packages], {
            cwd: join(repoRoot, build.moduleDir),
            env: goBuildEnv,
            retryHint: `cd ${build.moduleDir} && CGO_ENABLED=0 go build ${shownFlags} -o ${output(dir)} ${packages.join(' ')}`,
          });
        }
        const targets = packages.map((pkg) => `${pkg}@${build.version}`);
        return run(name, 'go', ['install', ...flags, ...targets], {
          env: { ...goBuildEnv, GOBIN: scratch },
          retryHint: `GOBIN=${dir} CGO_ENABLED=0 go install ${shownFlags} ${targets.join(' ')}`,
        });
      });
      const missing = binaries.filter((b) => !existsSync(join(scratch, b)));
      if (missing.length > 0) {
        throw new BootstrapError(
          name,
          `name each binary in tools/versions.json goBuilds.${name}.packages after its package's last path element`,
          `no ${missing.join(', ')} after the build; go wrote ${readdirSync(scratch).join(', ') || 'nothing'}`,
        );
      }
    }),
  );
}

/** Copies a folder of files out of a Go module (fetched with `go mod download`, so it is cached by Go too). @param {string} name */
async function goFiles(name) {
  const files = toolVersions().goFiles[name];
  if (!files) throw new Error(`tools/versions.json has no goFiles "${name}"`);
  const dir = goFilesDir(name, files);
  if (existsSync(dir)) return timed(name, `cached ${files.version}`, async () => {});
  const target = `${files.module}@${files.version}`;
  await buildAtomically(dir, (scratch) =>
    timed(name, `copied ${files.path}/*${files.suffix} from ${target}`, async () => {
      const hint = `go mod download -json ${target}`;
      const out = await run(name, 'go', ['mod', 'download', '-json', target], {
        cwd: cacheRoot(),
        retryHint: hint,
      });
      /** @type {{ Dir?: string, Error?: string }} */
      const info = JSON.parse(out);
      if (!info.Dir) throw new BootstrapError(name, hint, info.Error ?? 'go mod download printed no Dir');
      const source = join(info.Dir, files.path);
      const names = existsSync(source) ? readdirSync(source).filter((f) => f.endsWith(files.suffix)) : [];
      if (names.length === 0) {
        throw new BootstrapError(name, hint, `no ${files.suffix} files in ${files.path} of ${target}`);
      }
      for (const file of names) copyFileSync(join(source, file), join(scratch, file));
    }),
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
  const checks = /** @type {const} */ ([
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
  ]);
  for (const [tool, file, args] of checks) {
    const out = await run(tool, file, [...args]);
    console.log(`bootstrap: ${tool.padEnd(16)} ${out.trim().split('\n')[0]}  (${file})`);
  }
  const crds = readdirSync(paths.prometheusOperatorCrds);
  console.log(
    `bootstrap: ${'prometheus-operator-crds'.padEnd(16)} ${crds.length} files  (${paths.prometheusOperatorCrds})`,
  );
}

async function main() {
  mkdirSync(cacheRoot(), { recursive: true });
  console.log(`bootstrap: tools cache ${cacheRoot()}`);
  // The Go builds are the slow part: they run one after another (see oneGoBuildAtATime), largest first, while the
  // downloads (npm, apt, Node, PyPI, module files) run beside them.
  await Promise.all([
    ...entries(toolVersions().goBuilds).map(([name]) => goBuild(name)),
    ...Object.keys(toolVersions().go).map((name) => goTool(name)),
    npmDependencies(),
    aptPackages(),
    node24(),
    ...entries(toolVersions().goFiles).map(([name]) => goFiles(name)),
    ...entries(toolVersions().pypi).map(([name]) => pypiTool(name)),
  ]);
  await verify();
  console.log(`bootstrap: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

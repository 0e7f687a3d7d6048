// Image build step: removes the workflow bundler from a production node_modules once the workflows are bundled.
//
// `@temporalio/worker` requires webpack, memfs and unionfs as soon as it is imported (its Worker module imports
// the bundler), although a Worker given `workflowBundle` never calls them. Those three are replaced by a stub
// package that throws a clear error on first use; every package only they, swc or the loaders reach is deleted.
//
//   node worker/dist/image/prune-bundler.js <app dir holding node_modules/ and <workspace>/package.json> [<workspace>]
//
// The workspace (default worker) is the package whose production dependencies stay: the rollout controller's
// image passes `controller`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages used only by `bundleWorkflowCode`; what only they reach goes too. */
export const BUNDLER_PACKAGES = [
  'webpack',
  'memfs',
  'unionfs',
  '@swc/core',
  'swc-loader',
  'source-map-loader',
] as const;
/** Required by `@temporalio/worker` at import time, so each is replaced by the throwing stub, not just removed. */
export const REQUIRED_AT_IMPORT = ['webpack', 'memfs', 'unionfs'] as const;

export const STUB_MESSAGE =
  'is not installed in this image: the workflows were bundled when the image was built, and the worker runs that ' +
  'bundle (WORKFLOW_BUNDLE_PATH). Bundling workflows at run time is not possible here; set WORKFLOW_BUNDLE_PATH ' +
  'to the bundle (the image sets it) or run from a full `npm ci` install.';

/** CommonJS source of the stub: loading it works, touching anything it exports throws. */
export function stubSource(name: string): string {
  return `'use strict';
// Stub written by temporal-rollout's worker image build in place of ${name}. See worker/Containerfile.
const message = ${JSON.stringify(`${name} ${STUB_MESSAGE}`)};
module.exports = new Proxy(function ${name.replace(/\W/g, '_')}Stub() {}, {
  get(target, key) {
    // Answers module-interop probes (__esModule, then, Symbol.*) so that require() itself succeeds.
    if (key === '__esModule') return true;
    if (typeof key === 'symbol' || key === 'then') return undefined;
    throw new Error(message + ' (accessed: ' + String(key) + ')');
  },
  apply() { throw new Error(message); },
  construct() { throw new Error(message); },
});
`;
}

interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent's, up to `root`. */
function resolvePackage(root: string, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Every installed package directory under `<dir>/node_modules`, nested ones included. */
export function installedPackages(dir: string): string[] {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = entry.name.startsWith('@')
      ? readdirSync(join(modules, entry.name)).map((n) => `${entry.name}/${n}`)
      : [entry.name];
    for (const name of names) {
      const pkg = join(modules, name);
      if (!existsSync(join(pkg, 'package.json'))) continue;
      found.push(pkg, ...installedPackages(pkg));
    }
  }
  return found;
}

/**
 * Installed packages under `appDir` that the production dependencies of `appDir/<workspace>/package.json` do
 * not reach without going through a bundler package; the bundler packages themselves are among them.
 */
export function bundlerOnlyPackages(appDir: string, workspace = 'worker'): string[] {
  const root = resolve(appDir);
  const skip = new Set<string>(BUNDLER_PACKAGES);
  const reached = new Set<string>();
  const visit = (from: string, pkg: PackageJson) => {
    const deps = { ...pkg.peerDependencies, ...pkg.optionalDependencies, ...pkg.dependencies };
    for (const name of Object.keys(deps)) {
      if (skip.has(name)) continue;
      const dir = resolvePackage(root, from, name);
      if (!dir || reached.has(dir)) continue;
      reached.add(dir);
      visit(dir, readPackage(dir));
    }
  };
  visit(join(root, workspace), readPackage(join(root, workspace)));
  return installedPackages(root).filter((dir) => !reached.has(dir));
}

/** Deletes the bundler-only packages and puts the throwing stub where `@temporalio/worker` requires one. */
export async function pruneBundler(appDir: string, workspace = 'worker'): Promise<string[]> {
  const removed = bundlerOnlyPackages(appDir, workspace);
  for (const dir of removed) await rm(dir, { recursive: true, force: true });
  // A scope (or nested node_modules) whose every package went is left empty: it goes too.
  for (const parent of new Set(removed.map((dir) => dirname(dir)))) {
    if (existsSync(parent) && readdirSync(parent).length === 0) await rm(parent, { recursive: true });
  }
  for (const name of REQUIRED_AT_IMPORT) {
    const dir = join(resolve(appDir), 'node_modules', name);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '0.0.0-stub', private: true, type: 'commonjs', main: 'index.js' }, null, 2)}\n`,
    );
    await writeFile(join(dir, 'index.js'), stubSource(name));
  }
  return removed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [appDir, workspace = 'worker'] = process.argv.slice(2);
  if (!appDir) {
    process.stderr.write('usage: node worker/dist/image/prune-bundler.js <app dir> [<workspace>]\n');
    process.exit(2);
  }
  const removed = await pruneBundler(appDir, workspace);
  process.stdout.write(
    `removed ${removed.length} bundler-only packages; stubs in place of ${REQUIRED_AT_IMPORT.join(', ')}\n`,
  );
}

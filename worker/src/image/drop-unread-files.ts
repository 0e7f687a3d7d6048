// Image build step: deletes from node_modules what Node never reads, beyond drop-dev-files: the module-format
// copies that only bundlers read (a package's `module`/`esnext`/`es2015` build, e.g. OpenTelemetry's build/esm and
// build/esnext beside the build/src that `main` points at) and the packages' markdown documents. Licence files stay.
//
//   node worker/dist/image/drop-unread-files.js <app dir holding node_modules/>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPackages } from './prune-bundler.js';

/** package.json fields that only bundlers read; Node resolves through `main`, `exports` and `imports`. */
const BUNDLER_FIELDS = ['module', 'esnext', 'es2015', 'jsnext:main'] as const;
/**
 * Folders that hold builds for browsers and CDNs although no package.json field says so: protobufjs's dist/
 * (protobuf.js, protobuf.min.js, light/, minimal/) is for script tags; under Node, index.js loads src/.
 */
const BROWSER_BUILDS: Record<string, string[]> = { protobufjs: ['dist'] };
const MARKDOWN = /\.(md|markdown)$/i;
const LICENCE = /^(licen[cs]e|notice|copying|authors)/i;

/** Export conditions that only bundlers and type checkers match; Node never picks these branches. */
const BUNDLER_CONDITIONS = new Set([
  'module',
  'esnext',
  'es2015',
  'browser',
  'types',
  'typings',
  'react-native',
]);

/**
 * Every path Node may resolve from an `exports`/`imports` map (or `bin`): all strings, except the branches under a
 * bundler-only condition. Anything else, `default` and user conditions included, counts as read.
 */
function nodePaths(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(nodePaths);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !BUNDLER_CONDITIONS.has(key))
      .flatMap(([, target]) => nodePaths(target));
  }
  return [];
}

/** `./build/esm/index.js` → `build/esm`. */
const relative = (path: string) => normalize(path).replace(/^(\.\/)+/, '');

/**
 * Folders of one package that a bundler-only field points into (or that BROWSER_BUILDS names) and nothing Node
 * resolves (`main`, `exports`, `imports`, `bin`) does. A field pointing at a file in the package root names no folder and is left alone.
 */
export function bundlerOnlyBuilds(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const read = [pkg.main ?? 'index.js', pkg.exports, pkg.imports, pkg.bin].flatMap(nodePaths).map(relative);
  const folders = new Set([
    ...BUNDLER_FIELDS.map((field) => pkg[field])
      .filter((path): path is string => typeof path === 'string')
      .map((path) => dirname(relative(path)))
      .filter((dir) => dir !== '.' && !dir.startsWith('..')),
    ...(typeof pkg.name === 'string' ? (BROWSER_BUILDS[pkg.name] ?? []) : []),
  ]);
  return [...folders]
    .filter(
      (dir) => !read.some((path) => path === dir || path.startsWith(`${dir}/`) || dir.startsWith(`${path}/`)),
    )
    .map((dir) => join(packageDir, dir))
    .filter((dir) => existsSync(dir));
}

/** Markdown documents under `<appDir>/node_modules`, licence texts excepted. */
export function markdownDocs(appDir: string): string[] {
  return readdirSync(join(resolve(appDir), 'node_modules'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && MARKDOWN.test(entry.name) && !LICENCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

export async function dropUnreadFiles(appDir: string): Promise<{ builds: string[]; docs: number }> {
  const builds = installedPackages(resolve(appDir)).flatMap(bundlerOnlyBuilds);
  for (const dir of builds) await rm(dir, { recursive: true, force: true });
  const docs = markdownDocs(appDir);
  for (const file of docs) await rm(file);
  return { builds, docs: docs.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appDir = process.argv[2];
  if (!appDir) {
    process.stderr.write('usage: node worker/dist/image/drop-unread-files.js <app dir>\n');
    process.exit(2);
  }
  const { builds, docs } = await dropUnreadFiles(appDir);
  process.stdout.write(`removed ${builds.length} bundler-only builds and ${docs} markdown documents\n`);
}

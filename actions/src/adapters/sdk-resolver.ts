import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExternalError, InputError } from '../core/errors.js';

/** The part of `@temporalio/worker` the replay uses; typed from our own copy, loaded from the consumer's. */
export type WorkerSdk = Pick<
  typeof import('@temporalio/worker'),
  'Worker' | 'bundleWorkflowCode' | 'Runtime' | 'DefaultLogger'
>;

/** Where the consumer's `@temporalio/worker` is, checked but not loaded (replay processes load it themselves). */
export interface LocatedSdk {
  /** Resolved `@temporalio/worker` version, e.g. `1.24.0`. */
  version: string;
  /** Directory of the package. */
  path: string;
  /** `file:` URL of its entry point, what `import()` loads. */
  entry: string;
  /** Distinct protobufjs 8 copies the SDK packages load. More than one breaks JSON histories. */
  protobufjsCopies: string[];
}

export interface ResolvedSdk extends LocatedSdk {
  sdk: WorkerSdk;
}

function packageDir(require: NodeJS.Require, name: string): string | undefined {
  try {
    return dirname(realpathSync(require.resolve(`${name}/package.json`)));
  } catch {
    return undefined;
  }
}

function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The protobufjs copies that `@temporalio/common`, `@temporalio/proto` and `@temporalio/worker` load, as resolved
 * from each package's own directory (TEMPORAL-FACTS §1: npm 11 can nest one copy under each).
 */
export function protobufjsCopies(workerDir: string): string[] {
  const fromWorker = createRequire(join(workerDir, 'package.json'));
  const dirs = [workerDir];
  for (const name of ['@temporalio/common', '@temporalio/proto']) {
    const dir = packageDir(fromWorker, name);
    if (dir) dirs.push(dir);
  }
  const copies = new Set<string>();
  for (const dir of dirs) {
    const found = packageDir(createRequire(join(dir, 'package.json')), 'protobufjs');
    if (found && versionOf(found).startsWith('8.')) copies.add(found);
  }
  return [...copies].sort();
}

/**
 * Finds `@temporalio/worker` in the consumer's workspace: replay must run the SDK version production runs,
 * not a copy bundled with this action.
 */
export function locateWorkerSdk(workspace: string): LocatedSdk {
  const manifest = resolve(workspace, 'package.json');
  if (!existsSync(manifest))
    throw new InputError(
      `workspace ${workspace}`,
      'has no package.json',
      'point "workspace" at the worker package',
    );
  const require = createRequire(manifest);
  const path = packageDir(require, '@temporalio/worker');
  if (!path)
    throw new InputError(
      `workspace ${workspace}`,
      '@temporalio/worker is not installed',
      'run `npm ci` first (replay uses the SDK version your workers run)',
    );
  const copies = protobufjsCopies(path);
  if (copies.length > 1)
    throw new InputError(
      `workspace ${workspace}`,
      `the Temporal SDK loads ${copies.length} copies of protobufjs 8 (${copies.join(', ')}), which makes every JSON history fail with "type must be a Type"`,
      'add `protobufjs@^8` to your dependencies so npm hoists a single copy, then `npm install`',
    );
  return {
    version: versionOf(path),
    path,
    entry: pathToFileURL(require.resolve('@temporalio/worker')).href,
    protobufjsCopies: copies,
  };
}

/** Loads a located SDK into this process. */
export async function loadWorkerSdk(located: LocatedSdk): Promise<WorkerSdk> {
  try {
    return (await import(located.entry)) as WorkerSdk;
  } catch (err) {
    throw new ExternalError(
      '@temporalio/worker',
      `could not be loaded from ${located.path}: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** Locates and loads `@temporalio/worker` from the consumer's workspace. */
export async function resolveWorkerSdk(workspace: string): Promise<ResolvedSdk> {
  const located = locateWorkerSdk(workspace);
  return { ...located, sdk: await loadWorkerSdk(located) };
}

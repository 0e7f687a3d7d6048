// What the history recorders share: where histories live, the code and SDK versions a manifest entry names,
// and adding entries to histories/manifest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addEntries,
  emptyManifest,
  type ManifestEntry,
  parseManifest,
} from '../actions/src/core/replay/manifest.js';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const HISTORIES_DIR = join(REPO_ROOT, 'histories');

/** The git sha (`+dirty` when `sources` have uncommitted changes) and the worker package version. */
export function codeVersion(sources: string[]): ManifestEntry['codeVersion'] {
  const git = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  let sha: string | undefined;
  try {
    sha = git(['rev-parse', 'HEAD']);
    if (git(['status', '--porcelain', '--', ...sources]) !== '') sha += '+dirty';
  } catch {
    sha = undefined;
  }
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'worker/package.json'), 'utf8')) as { version: string };
  return { ...(sha ? { git: sha } : {}), package: pkg.version };
}

export function sdkVersion(): string {
  const path = join(REPO_ROOT, 'node_modules/@temporalio/worker/package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** Adds `entries` to `<dir>/manifest.json` (paths in entries are relative to `dir`). */
export async function recordInManifest(entries: ManifestEntry[], dir = HISTORIES_DIR): Promise<void> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = existsSync(manifestPath)
    ? parseManifest(await readFile(manifestPath, 'utf8'), manifestPath)
    : emptyManifest();
  await writeFile(manifestPath, `${JSON.stringify(addEntries(manifest, entries).manifest, null, 2)}\n`);
}

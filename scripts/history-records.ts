// What the history recorders share: where histories live, the code and SDK versions a manifest entry names,
// writing one recorded history with its manifest entry, and adding entries to histories/manifest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type History, historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { parseHistoryValue } from '../actions/src/core/replay/history.js';
import {
  addEntries,
  emptyManifest,
  type ManifestEntry,
  parseManifest,
} from '../actions/src/core/replay/manifest.js';
import { patchIds } from '../actions/src/core/replay/patches.js';

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

export interface RecordedHistory {
  /** The folder the manifest lives in; `file` is relative to it. */
  dir: string;
  /** `<WorkflowType dir>/<scenario>[-<tag>].json`. */
  file: string;
  workflowType: string;
  scenario: string;
  /** What the SDK's `fetchHistory()` returned. */
  history: History;
  codeVersion: ManifestEntry['codeVersion'];
  sdkVersion: string;
  /**
   * Whether the entry names the run id. Off when one run holds several scenarios (each file a snapshot of it
   * at a different point): the manifest keeps one entry per run id.
   */
  withRunId: boolean;
}

/**
 * Writes one history as proto3 JSON (`historyToJSON`, never a JSON.stringify: its Long event ids would not
 * survive), refusing to overwrite a file, and returns its manifest entry: status, run id, the patch ids its
 * markers carry.
 */
export async function writeRecordedHistory(
  record: RecordedHistory,
): Promise<{ entry: ManifestEntry; eventCount: number }> {
  const json = historyToJSON(record.history);
  const parsed = parseHistoryValue(JSON.parse(json), record.scenario);
  await mkdir(dirname(join(record.dir, record.file)), { recursive: true });
  await writeFile(join(record.dir, record.file), `${json}\n`, { flag: 'wx' });
  const entry: ManifestEntry = {
    file: record.file,
    workflowType: record.workflowType,
    scenario: record.scenario,
    status: parsed.status,
    codeVersion: record.codeVersion,
    sdkVersion: record.sdkVersion,
    capturedAt: new Date().toISOString(),
    source: 'recorded',
    ...(record.withRunId && parsed.runId ? { runId: parsed.runId } : {}),
    patches: patchIds(parsed.history),
    encrypted: false,
  };
  return { entry, eventCount: parsed.eventCount };
}

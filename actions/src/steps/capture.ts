import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AesGcmCodec,
  connectLive,
  encodeHistory,
  type FetchedRun,
  fetchRuns,
} from '../adapters/temporal-histories.js';
import { parseHistoryValue, writerOf } from '../core/replay/history.js';
import {
  addEntries,
  emptyManifest,
  type Manifest,
  type ManifestEntry,
  parseManifest,
} from '../core/replay/manifest.js';
import { patchIds } from '../core/replay/patches.js';
import { type CaptureOptions, checkWorkflowTypes } from './capture-options.js';

export type { CaptureOptions } from './capture-options.js';

export interface CaptureResult {
  manifestPath: string;
  written: ManifestEntry[];
  /** Runs already in the manifest (same run id or file). */
  skipped: number;
  /** Runs fetched before sampling. */
  fetched: number;
}

const quote = (value: string) => JSON.stringify(value);

function queries(options: CaptureOptions): { query: string; limit: number }[] {
  const open = options.openPerType ?? 20;
  const closed = options.closedPerStatus ?? 3;
  if (options.query) return [{ query: options.query, limit: open + closed * 6 }];
  const types = options.workflowTypes ?? [];
  const scopes = types.length > 0 ? types.map((t) => `WorkflowType=${quote(t)} AND `) : [''];
  // Without a type list, fetch enough to see several types; sampling trims each group below.
  const factor = types.length > 0 ? 1 : 10;
  return scopes.flatMap((scope) => [
    { query: `${scope}ExecutionStatus="Running"`, limit: open * factor },
    { query: `${scope}ExecutionStatus!="Running"`, limit: closed * 6 * factor },
  ]);
}

/** Keeps at most `open` running runs per type and `closed` per type and close status, newest first, one per run id. */
export function sample(runs: FetchedRun[], open: number, closed: number): FetchedRun[] {
  const seen = new Set<string>();
  const groups = new Map<string, number>();
  const kept: FetchedRun[] = [];
  for (const run of runs) {
    if (seen.has(run.runId)) continue;
    seen.add(run.runId);
    const key = `${run.workflowType}\0${run.status}`;
    const count = groups.get(key) ?? 0;
    if (count >= (run.status === 'running' ? open : closed)) continue;
    groups.set(key, count + 1);
    kept.push(run);
  }
  return kept;
}

async function loadManifest(path: string): Promise<Manifest> {
  return existsSync(path) ? parseManifest(await readFile(path, 'utf8'), path) : emptyManifest();
}

export async function capture(options: CaptureOptions): Promise<CaptureResult> {
  const outDir = resolve(options.outDir);
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = await loadManifest(manifestPath);
  checkWorkflowTypes(options.workflowTypes ?? [], 'workflow-types');
  const codec = options.codecKey ? new AesGcmCodec(options.codecKey) : undefined;
  const session = await connectLive(options.live);
  let fetched: FetchedRun[] = [];
  try {
    for (const { query, limit } of queries(options))
      fetched = fetched.concat(await fetchRuns(session.client, query, limit));
  } finally {
    await session.close();
  }
  const known = new Set(manifest.histories.flatMap((e) => (e.runId ? [e.runId] : [])));
  const runs = sample(
    fetched.filter((r) => !known.has(r.runId)),
    options.openPerType ?? 20,
    options.closedPerStatus ?? 3,
  );
  const capturedAt = new Date().toISOString();
  const entries: ManifestEntry[] = [];
  const files: { path: string; text: string }[] = [];
  for (const run of runs) {
    const parsed = parseHistoryValue(run.history, `live:${run.workflowId}/${run.runId}`);
    const writer = writerOf(parsed.history);
    const file = `${run.workflowType}/captured-${parsed.status}-${run.runId}.json`;
    const stored = codec ? await encodeHistory(parsed.history, codec) : parsed.history;
    files.push({ path: join(outDir, file), text: `${JSON.stringify(stored, null, 2)}\n` });
    entries.push({
      file,
      workflowType: run.workflowType,
      scenario: 'captured',
      status: parsed.status,
      codeVersion: writer.buildId ? { buildId: writer.buildId } : {},
      sdkVersion: writer.sdkVersion ?? 'unknown',
      capturedAt,
      source: `captured:${options.live.address}/${options.live.namespace}`,
      runId: run.runId,
      patches: patchIds(parsed.history),
      encrypted: codec !== undefined,
    });
  }
  const { manifest: next, skipped } = addEntries(manifest, entries);
  const skippedFiles = new Set(skipped.map((e) => e.file));
  for (const { path, text } of files) {
    if (skippedFiles.has(path.slice(outDir.length + 1)) || existsSync(path)) continue;
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text, { flag: 'wx' });
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
  return {
    manifestPath,
    written: entries.filter((e) => !skippedFiles.has(e.file)),
    skipped: fetched.length - runs.length + skipped.length,
    fetched: fetched.length,
  };
}

import { InputError } from '../errors.js';
import type { RunStatus } from './history.js';

/** One stored history: `histories/manifest.json` lists every file with where and from what code it came. */
export interface ManifestEntry {
  /** Path relative to the histories directory, e.g. `OrderWorkflow/happy.json`. */
  file: string;
  workflowType: string;
  /** e.g. `happy`, `declined-compensation`, or `captured` for histories pulled from a cluster. */
  scenario: string;
  status: RunStatus;
  /** The code that wrote the history: git sha and/or package version. */
  codeVersion: { git?: string; package?: string; buildId?: string };
  sdkVersion: string;
  capturedAt: string;
  /** `recorded` by scripts/record-histories.ts, or `captured:<address>/<namespace>`. */
  source: string;
  runId?: string;
  patches: string[];
  /** Payloads encrypted with the AES-GCM codec; replay needs the key. */
  encrypted: boolean;
}

export interface Manifest {
  version: 1;
  histories: ManifestEntry[];
}

export function emptyManifest(): Manifest {
  return { version: 1, histories: [] };
}

export function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not valid JSON (${(err as Error).message})`);
  }
  const v = value as Partial<Manifest> | null;
  if (v?.version !== 1 || !Array.isArray(v.histories))
    throw new InputError(file, 'is not a history manifest', 'expected {"version":1,"histories":[…]}');
  for (const [i, entry] of v.histories.entries())
    if (typeof entry?.file !== 'string' || typeof entry.workflowType !== 'string')
      throw new InputError(`${file}: histories[${i}]`, 'needs "file" and "workflowType"');
  return v as Manifest;
}

/**
 * Adds entries; an entry for a file already listed is refused (histories of older code are never rewritten),
 * and so is a run id already present.
 */
export function addEntries(
  manifest: Manifest,
  entries: ManifestEntry[],
): { manifest: Manifest; skipped: ManifestEntry[] } {
  const files = new Set(manifest.histories.map((e) => e.file));
  const runs = new Set(manifest.histories.flatMap((e) => (e.runId ? [e.runId] : [])));
  const added: ManifestEntry[] = [];
  const skipped: ManifestEntry[] = [];
  for (const entry of entries) {
    if (files.has(entry.file) || (entry.runId && runs.has(entry.runId))) {
      skipped.push(entry);
      continue;
    }
    files.add(entry.file);
    if (entry.runId) runs.add(entry.runId);
    added.push(entry);
  }
  const histories = [...manifest.histories, ...added].sort((a, b) => a.file.localeCompare(b.file));
  return { manifest: { version: 1, histories }, skipped };
}

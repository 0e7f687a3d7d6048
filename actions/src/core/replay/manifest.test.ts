import { describe, expect, it } from 'vitest';
import { addEntries, emptyManifest, type ManifestEntry, parseManifest } from './manifest.js';

const entry = (file: string, runId?: string): ManifestEntry => ({
  file,
  workflowType: 'OrderWorkflow',
  scenario: 'happy',
  status: 'completed',
  codeVersion: { git: 'abc' },
  sdkVersion: '1.24.0',
  capturedAt: '2026-11-25T00:00:00Z',
  source: 'recorded',
  patches: [],
  encrypted: false,
  ...(runId ? { runId } : {}),
});

describe('manifest', () => {
  it('never rewrites a listed file and dedupes by run id', () => {
    const first = addEntries(emptyManifest(), [entry('b.json', 'r1'), entry('a.json')]).manifest;
    expect(first.histories.map((e) => e.file)).toEqual(['a.json', 'b.json']);
    const { manifest, skipped } = addEntries(first, [
      entry('a.json'),
      entry('c.json', 'r1'),
      entry('d.json', 'r2'),
    ]);
    expect(skipped.map((e) => e.file)).toEqual(['a.json', 'c.json']);
    expect(manifest.histories.map((e) => e.file)).toEqual(['a.json', 'b.json', 'd.json']);
  });

  it('round-trips and rejects what is not a manifest', () => {
    const m = addEntries(emptyManifest(), [entry('a.json')]).manifest;
    expect(parseManifest(JSON.stringify(m), 'manifest.json')).toEqual(m);
    expect(() => parseManifest('{"version":2}', 'manifest.json')).toThrow(
      /manifest.json: is not a history manifest/,
    );
    expect(() => parseManifest('{', 'manifest.json')).toThrow(/not valid JSON/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries, repoRoot, toolVersions } from '../../scripts/tool-paths.mjs';
import { CLUSTER_FILES, CLUSTER_STARTERS } from '../support/cluster-files.js';

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

const calls = (source: string, name: string) => new RegExp(`(?<!function )\\b${name}\\(`).test(source);
const startsCluster = (file: string) => {
  const source = readFileSync(join(repoRoot, file), 'utf8');
  return CLUSTER_STARTERS.some((name) => calls(source, name));
};
const testFiles = [...sources('test'), ...sources('worker/test')].filter((f) => f.endsWith('.test.ts'));

// A file that starts a cluster but is not listed would, on a fresh machine, ask for kube-apiserver before the build
// beside the tests made it.
describe('CLUSTER_FILES', () => {
  it('lists every test file that starts a kwok cluster, and no other', () => {
    const starting = testFiles.filter(startsCluster).sort();
    expect([...CLUSTER_FILES].sort()).toEqual(starting);
  });

  it('knows every helper that starts a cluster: a module calling a starter is itself one', () => {
    const helpers = [...sources('test'), ...sources('scripts/local-platform')].filter(
      (file) => !file.endsWith('.test.ts') && startsCluster(file),
    );
    for (const file of helpers) {
      const source = readFileSync(join(repoRoot, file), 'utf8');
      const exported = [...source.matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1]);
      expect(
        exported.filter((name) => CLUSTER_STARTERS.includes(name ?? '')),
        file,
      ).not.toEqual([]);
    }
    expect(helpers.length).toBeGreaterThan(0);
  });

  it('the tools the clusters need are the goBuilds marked `cluster`', () => {
    const cluster = entries(toolVersions().goBuilds)
      .filter(([, build]) => build.cluster)
      .map(([name]) => name);
    expect(cluster.sort()).toEqual(['etcd', 'kubernetes', 'kwok']);
  });
});

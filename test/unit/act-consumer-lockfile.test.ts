// The act tests' consumer repository runs `npm ci` offline from the npm cache the bootstrap's `npm ci` fills,
// so its lockfile may only pin what the root lockfile pins. A bump in the root lockfile shows up here, with
// the fix, instead of as an ENOTCACHED in the middle of an act run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/tool-paths.mjs';

type Lockfile = { packages: Record<string, { version?: string; integrity?: string }> };
const read = (file: string) => JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Lockfile;

describe('test/fixtures/act-consumer/package-lock.json', () => {
  it('pins every package at the version and integrity of the root package-lock.json', () => {
    const root = read('package-lock.json').packages;
    const consumer = read('test/fixtures/act-consumer/package-lock.json').packages;
    const drifted = Object.entries(consumer)
      .filter(([path]) => path !== '')
      .filter(
        ([path, entry]) => root[path]?.version !== entry.version || root[path]?.integrity !== entry.integrity,
      )
      .map(
        ([path, entry]) => `${path}: ${entry.version} here, ${root[path]?.version ?? 'absent'} in the root`,
      );
    expect(
      drifted,
      'regenerate it: copy the root package-lock.json there and run `npm install --package-lock-only --offline`',
    ).toEqual([]);
    expect(Object.keys(consumer)).toContain('node_modules/@temporalio/worker');
  });
});

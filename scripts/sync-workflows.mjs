#!/usr/bin/env node
// workflows-ci/ holds the workflow sources; GitHub only loads workflows (and reusable ones) from
// .github/workflows/. This writes the copies there, each marked as generated, and removes copies whose
// source is gone. `--check` changes nothing and fails when a copy is missing, stale or orphaned.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './tool-paths.mjs';

const sourceDir = join(repoRoot, 'workflows-ci');
const targetDir = join(repoRoot, '.github', 'workflows');
const MARK = '# GENERATED from workflows-ci/';

/** @param {string} name */
const header = (name) => `${MARK}${name} by \`npm run sync-workflows\`. Edit the source, not this copy.\n`;
const isYaml = (/** @type {string} */ f) => f.endsWith('.yml') || f.endsWith('.yaml');

const check = process.argv.includes('--check');
const sources = readdirSync(sourceDir).filter(isYaml);
const existing = existsSync(targetDir) ? readdirSync(targetDir).filter(isYaml) : [];
/** @type {string[]} */
const problems = [];

if (!check) mkdirSync(targetDir, { recursive: true });
for (const name of sources) {
  const wanted = header(name) + readFileSync(join(sourceDir, name), 'utf8');
  const target = join(targetDir, name);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === wanted) continue;
  if (check) problems.push(`.github/workflows/${name} is ${current === undefined ? 'missing' : 'stale'}`);
  else writeFileSync(target, wanted);
}
for (const name of existing) {
  const text = readFileSync(join(targetDir, name), 'utf8');
  if (sources.includes(name) || !text.startsWith(MARK)) continue;
  if (check) problems.push(`.github/workflows/${name} has no source in workflows-ci/`);
  else rmSync(join(targetDir, name));
}
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\nrun \`npm run sync-workflows\` and commit .github/workflows/`);
  process.exit(1);
}
console.log(
  check ? 'workflows: .github/workflows matches workflows-ci/' : `workflows: ${sources.length} synced`,
);

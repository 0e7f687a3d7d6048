// STAND-IN for actions/setup-node in the act tests: puts the bootstrapped Node 24 (TEMPORAL_ROLLOUT_ACT_NODE24,
// the binary's path) on PATH through GITHUB_PATH, and refuses a requested version it cannot honour.

import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {string} message @returns {never} */
const fail = (message) => {
  console.log(`::error title=setup-node stand-in::${message}`);
  process.exit(1);
};
const requested = (process.env['INPUT_NODE-VERSION'] ?? '').trim();
const node = process.env.TEMPORAL_ROLLOUT_ACT_NODE24;
const pathFile = process.env.GITHUB_PATH;
const outputFile = process.env.GITHUB_OUTPUT;
if (!node)
  fail('TEMPORAL_ROLLOUT_ACT_NODE24 is not set: the act harness names the bootstrapped Node 24 there');
if (!pathFile || !outputFile) fail('GITHUB_PATH and GITHUB_OUTPUT must be set (the runner sets them)');
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
const wanted = requested.replace(/^v/, '').replace(/\.x$/, '');
if (wanted && !(version === wanted || version.startsWith(`${wanted}.`))) {
  fail(`node-version "${requested}" was asked; only the bootstrapped Node ${version} exists here`);
}
appendFileSync(pathFile, `${dirname(node)}\n`);
appendFileSync(outputFile, `node-version=v${version}\n`);
console.log(`setup-node stand-in: Node ${version} from ${dirname(node)} is on PATH`);

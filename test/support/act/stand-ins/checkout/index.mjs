// STAND-IN for actions/checkout in the act tests: copies the folder mapped to `repository@ref` (the JSON map in
// TEMPORAL_ROLLOUT_ACT_REPOSITORIES, which the harness also hands to act as --local-repository) into
// GITHUB_WORKSPACE/path. It fails, naming what was asked and what is mapped, when nothing is mapped.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** @param {string} name */
const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
/** @param {string} message @returns {never} */
const fail = (message) => {
  console.log(`::error title=checkout stand-in::${message}`);
  process.exit(1);
};

const repository = input('repository') || process.env.GITHUB_REPOSITORY || '';
const ref = input('ref');
/** @type {Record<string, string>} */
const mapped = JSON.parse(process.env.TEMPORAL_ROLLOUT_ACT_REPOSITORIES ?? '{}');
const key = `${repository}@${ref}`;
const source = mapped[key];
if (!source) fail(`no local folder is mapped to ${key}; mapped: ${Object.keys(mapped).join(', ') || 'none'}`);
if (!existsSync(source)) fail(`the folder mapped to ${key} does not exist: ${source}`);
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
const target = resolve(workspace, input('path') || '.');
const inside = relative(workspace, target);
if (inside.startsWith('..') || isAbsolute(inside)) fail(`path "${input('path')}" leaves the workspace`);
mkdirSync(target, { recursive: true });
cpSync(source, target, { recursive: true });
console.log(`checkout stand-in: copied ${key} from ${source} to ${target}`);

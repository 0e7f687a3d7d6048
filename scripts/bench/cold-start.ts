// Cold start of every bundled step on a bad input, as a runner starts it: Node 24, only INPUT_*, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY, an empty workspace. Prints each step's median beside `node -e 0` from the same run,
// so the difference is what the step itself costs before it can say what is wrong.
//   npm run bundle && npx tsx scripts/bench/cold-start.ts [--runs 15] [--dist actions/dist]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, toolPaths } from '../tool-paths.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, dist: { type: 'string', default: 'actions/dist' } },
});
const runs = Number(values.runs);
const dist = resolve(repoRoot, values.dist);
const node = toolPaths().node24;

interface Case {
  name: string;
  file: string;
  inputs?: Record<string, string>;
  args?: string[];
}

/** Each step with inputs that fail on the first check a user would hit. */
const cases: Case[] = [
  { name: 'canary', file: 'canary.js', inputs: { version: 'banana' } },
  { name: 'promote', file: 'promote.js', inputs: { version: 'banana' } },
  { name: 'rollback', file: 'rollback.js', inputs: { to: 'banana' } },
  { name: 'canary (no rollout.yaml)', file: 'canary.js', inputs: { version: '1.0.0' } },
  { name: 'capture', file: 'capture.js', inputs: {} },
  { name: 'replay', file: 'replay.js', inputs: { 'allow-replay-errors': 'maybe', histories: 'h/*.json' } },
  { name: 'analyze', file: 'analyze.js', inputs: {} },
  { name: 'build', file: 'build.js', inputs: { push: 'maybe' } },
  { name: 'root (step: canary)', file: 'root.js', inputs: { step: 'canary', version: 'banana' } },
  { name: 'cli canary', file: 'cli.js', args: ['canary', '--version', 'banana'] },
];

const workspace = mkdtempSync(join(tmpdir(), 'tr-cold-start-'));
const output = join(workspace, '..', `${workspace.split('/').at(-1)}-output`);
const summary = `${output}-summary`;

function once(
  args: string[],
  env: Record<string, string>,
): { ms: number; status: number | null; text: string } {
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const started = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd: workspace, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: result.status, text: `${result.stdout}${result.stderr}` };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const baseEnv: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GITHUB_OUTPUT: output,
  GITHUB_STEP_SUMMARY: summary,
};
const rows: string[][] = [];
try {
  // Interleaved, so load on the machine touches every row alike.
  const times = new Map<string, number[]>([
    ['node -e 0', []],
    ...cases.map((c): [string, number[]] => [c.name, []]),
  ]);
  const last = new Map<string, ReturnType<typeof once>>();
  for (let i = 0; i < runs; i++) {
    times.get('node -e 0')?.push(once(['-e', '0'], baseEnv).ms);
    for (const c of cases) {
      const env = { ...baseEnv };
      for (const [k, v] of Object.entries(c.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
      const run = once([join(dist, c.file), ...(c.args ?? [])], env);
      times.get(c.name)?.push(run.ms);
      last.set(c.name, run);
    }
  }
  const baseline = median(times.get('node -e 0') ?? []);
  rows.push(['node -e 0', baseline.toFixed(0), '—', '', '']);
  for (const c of cases) {
    const m = median(times.get(c.name) ?? []);
    const run = last.get(c.name);
    if (!run) continue;
    const message = run.text.split('\n').find((l) => /error/i.test(l)) ?? run.text.split('\n')[0] ?? '';
    rows.push([
      c.name,
      m.toFixed(0),
      `+${(m - baseline).toFixed(0)}`,
      String(run.status),
      message.slice(0, 90),
    ]);
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(output, { force: true });
  rmSync(summary, { force: true });
}
console.log(
  `cold start to a clear error, Node ${spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim()}, median of ${runs} (ms), ${dist}`,
);
const header = ['step', 'median', 'vs node -e 0', 'exit', 'first error line'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
for (const row of [header, ...rows])
  console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));

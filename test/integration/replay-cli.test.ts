// The replay command as users run it (a process: exit code, stdout, stderr) on the edges of issue 16: a hanging
// replay, --json with failing histories, a missing workflow type, corrupt input with --allow-replay-errors, and
// the exit-code rule for usage errors.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayReport } from '../../actions/src/core/replay/verdict.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { bundleVariants } from '../fixtures/replay/bundles.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/replay';
const stored = `${fixtures}/histories/*.json`;

function cli(args: string[], timeout = 120_000) {
  return execa('node', ['--import', 'tsx', 'actions/src/entries/cli.ts', 'replay', ...args], {
    cwd: root,
    reject: false,
    timeout,
  });
}

describe('replay CLI edges', () => {
  let scratch: TempDir;
  let bundles: Record<string, string> = {};

  beforeAll(async () => {
    scratch = await tempDir('replay-cli');
    bundles = await bundleVariants(scratch.path, ['reordered', 'renamed', 'hangs']);
  }, 120_000);
  afterAll(async () => {
    await scratch?.remove();
  });

  it('--json prints only the report on stdout when histories fail; the SDK core logs go to stderr', async () => {
    const run = await cli(['--histories', stored, '--bundle', bundles.reordered as string, '--json']);
    expect(run.exitCode, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as ReplayReport;
    expect(report.totals).toEqual({ total: 4, passed: 0, failed: 4 });
    expect(run.stderr).toContain('Nondeterminism error');
  });

  it('bounds a replay that never finishes: each such history fails as a timeout and the rest still run', async () => {
    const started = Date.now();
    const run = await cli([
      '--histories',
      `${fixtures}/histories/base-*.json`,
      '--bundle',
      bundles.hangs as string,
      '--history-timeout',
      '2s',
      '--concurrency',
      '1',
      '--json',
    ]);
    expect(run.exitCode, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as ReplayReport;
    expect(report.outcomes.map((o) => o.failure?.kind)).toEqual(['timeout', 'timeout']);
    expect(report.outcomes[0]?.failure?.detail).toMatch(/did not finish within 2 s/);
    expect(report.passed).toBe(false);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('reports a workflow type the code no longer exports per history, with the verdict (not an input error)', async () => {
    const run = await cli(['--histories', stored, '--bundle', bundles.renamed as string, '--json']);
    expect(run.exitCode, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as ReplayReport;
    expect(report.outcomes).toHaveLength(4);
    for (const o of report.outcomes)
      expect(o.failure).toMatchObject({
        kind: 'missing-workflow-type',
        detail: `workflow type "fixtureOrder" is not exported by ${relative(root, bundles.renamed as string)}`,
      });
    expect(report.compatibility).toMatchObject({ compatible: false, deploy: 'new-queue' });
  });

  it('never passes corrupt input, even with --allow-replay-errors: events out of order are refused before replay', async () => {
    // Its own workspace: the corrupt file is refused before the SDK is even looked for.
    const workspace = join(scratch.path, 'consumer');
    await mkdir(join(workspace, 'h'), { recursive: true });
    await writeFile(join(workspace, 'package.json'), '{"name":"consumer"}');
    const history = JSON.parse(await readFile(join(root, fixtures, 'histories/base-completed.json'), 'utf8'));
    const [first, ...rest] = history.events;
    await writeFile(
      join(workspace, 'h', 'reversed.json'),
      JSON.stringify({ events: [first, ...rest.reverse()] }),
    );
    const run = await cli([
      '--workspace',
      workspace,
      '--histories',
      'h/*.json',
      '--workflows',
      'workflows.ts',
      '--allow-replay-errors',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /h\/reversed\.json: is not a workflow history: events\[1\] has eventId 29, expected 2/,
    );
    expect(run.stdout).not.toContain('PASS');
  });

  it('one exit-code rule: usage and input errors exit 2, as --help says', async () => {
    const help = await cli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('2 bad usage or input');
    const missingWorkflows = await cli(['--histories', stored]);
    expect(missingWorkflows.exitCode).toBe(2);
    expect(missingWorkflows.stderr).toContain('--workflows / --bundle: neither is set');
    const unknownOption = await cli(['--histories', stored, '--nope']);
    expect(unknownOption.exitCode).toBe(2);
    const badTimeout = await cli([
      '--histories',
      stored,
      '--bundle',
      bundles.reordered as string,
      '--history-timeout',
      'soon',
    ]);
    expect(badTimeout.exitCode).toBe(2);
    expect(badTimeout.stderr).toContain('--history-timeout: "soon" is not a duration');
  });
});

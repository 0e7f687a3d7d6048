import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as replayCli } from '../../actions/src/cli/replay.js';
import { InputError } from '../../actions/src/core/errors.js';
import { replay } from '../../actions/src/steps/replay.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { bundleVariants } from '../fixtures/replay/bundles.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/replay';
const stored = `${fixtures}/histories/*.json`;

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('replay step on the fixture workflow (no server)', () => {
  let scratch: TempDir;
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    scratch = await tempDir('replay');
    // Bundle each variant once; the step reads a prebuilt bundle as the "bundle" input.
    const made = await bundleVariants(scratch.path, ['reordered', 'timer-added', 'patch-removed']);
    for (const [variant, path] of Object.entries(made)) bundles[variant] = relative(root, path);
  });
  afterAll(async () => {
    await scratch?.remove();
  });

  it('replays every stored history on the current code, reports the SDK and audits the patch', async () => {
    const reportPath = join(scratch.path, 'report.json');
    const report = await replay({
      workspace: root,
      histories: [stored],
      workflowsPath: `${fixtures}/base.ts`,
      reportPath,
    });
    expect(report.totals).toEqual({ total: 4, passed: 4, failed: 0 });
    expect(report.passed).toBe(true);
    expect(report.sdk.version).toBe('1.24.0');
    expect(report.compatibility).toMatchObject({ deploy: 'same-queue', drainRequired: false });
    expect(report.compatibility.openRuns).toEqual({ total: 2, passed: 2, failed: 0 });
    expect(report.patches).toEqual([
      expect.objectContaining({
        id: 'fixture-charge-v2',
        inCode: 'patched',
        advice: 'keep-old-branch',
        openWithoutMarker: [`${fixtures}/histories/pre-patch-open.json`],
      }),
    ]);
    expect(report.reportPath).toBe(reportPath);
  });

  it.each([
    ['reordered', 5, 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', /Activity type of scheduled event 'reserve'/],
    ['timer-added', 5, 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', /Timer machine does not handle this event/],
  ])(
    'fails the %s variant, naming each file and the first diverging event',
    async (variant, id, type, detail) => {
      const report = await replay({ workspace: root, histories: [stored], bundlePath: bundles[variant] });
      expect(report.passed).toBe(false);
      expect(report.totals).toEqual({ total: 4, passed: 0, failed: 4 });
      for (const outcome of report.outcomes) {
        expect(outcome.source).toMatch(/^test\/fixtures\/replay\/histories\/.+\.json$/);
        expect(outcome.workflowType).toBe('fixtureOrder');
        expect(outcome.failure).toMatchObject({ kind: 'nondeterminism', divergingEvent: { id, type } });
        expect(outcome.failure?.detail).toMatch(detail);
      }
      expect(report.compatibility).toMatchObject({ deploy: 'new-queue', drainRequired: true });
    },
  );

  it('fails a patch removed too early on the runs that recorded its marker and on the old runs', async () => {
    const report = await replay({
      workspace: root,
      histories: [stored],
      bundlePath: bundles['patch-removed'],
    });
    const byFile = Object.fromEntries(report.outcomes.map((o) => [o.source.split('/').pop(), o.failure]));
    expect(byFile['base-open.json']).toMatchObject({
      divergingEvent: { type: 'EVENT_TYPE_MARKER_RECORDED' },
      detail: expect.stringContaining('patch marker encountered for change fixture-charge-v2'),
    });
    expect(byFile['pre-patch-open.json']?.detail).toContain("scheduled event 'charge'");
    expect(report.patches[0]).toMatchObject({
      id: 'fixture-charge-v2',
      inCode: null,
      advice: 'removed-from-code',
    });
  });

  it('the CLI exits 1 on non-determinism and writes the report', async () => {
    const reportPath = join(scratch.path, 'cli-report.json');
    const log = console.log;
    const printed: string[] = [];
    console.log = (line: string) => printed.push(line);
    let code: number;
    try {
      code = await replayCli([
        '--workspace',
        root,
        '--histories',
        stored,
        '--bundle',
        bundles.reordered as string,
        '--report',
        reportPath,
      ]);
    } finally {
      console.log = log;
    }
    expect(code).toBe(1);
    expect(printed.join('\n')).toContain(
      'FAIL test/fixtures/replay/histories/base-open.json (open): fixtureOrder, first diverging event 5 ACTIVITY_TASK_SCHEDULED',
    );
    const report = JSON.parse(await readFile(reportPath, 'utf8'));
    expect(report.totals).toEqual({ total: 4, passed: 0, failed: 4 });
  });

  it('reports a workflow type the code no longer exports on its history: the open run makes it a new queue', async () => {
    const report = await replay({
      workspace: root,
      histories: [`${fixtures}/histories/base-open.json`],
      workflowsPath: `${fixtures}/renamed.ts`,
    });
    expect(report.outcomes[0]).toMatchObject({
      source: 'test/fixtures/replay/histories/base-open.json',
      status: 'open',
      failure: {
        kind: 'missing-workflow-type',
        detail: 'workflow type "fixtureOrder" is not exported by test/fixtures/replay/renamed.ts',
      },
    });
    expect(report.compatibility).toMatchObject({ compatible: false, deploy: 'new-queue' });
    expect(report.passed).toBe(false);
  });

  describe('bad inputs, each naming the file', () => {
    let bad: TempDir;
    beforeAll(async () => {
      // Inside the workspace (the repository's git-ignored tmp/): history globs may not leave it.
      await mkdir(join(root, 'tmp'), { recursive: true });
      const path = await mkdtemp(join(root, 'tmp', 'replay-bad-'));
      bad = { path, remove: () => rm(path, { recursive: true, force: true }) };
      await mkdir(join(bad.path, 'h'));
      await writeFile(join(bad.path, 'h', 'broken.json'), '{"events": [');
      await writeFile(join(bad.path, 'h', 'not-history.json'), '{"workflowId": "x"}');
      await writeFile(join(bad.path, 'package.json'), '{"name": "consumer"}');
    });
    afterAll(async () => {
      await bad?.remove();
    });

    it('malformed JSON', async () => {
      const error = await errorOf(
        replay({
          workspace: root,
          histories: [relative(root, join(bad.path, 'h/broken.json'))],
          workflowsPath: `${fixtures}/base.ts`,
        }),
      );
      expect(error.message).toMatch(/broken\.json: is not valid JSON/);
      // The replay processes started early are stopped with the error.
      const { stdout } = await execa('ps', ['-o', 'args=', '--ppid', String(process.pid)], { reject: false });
      expect(stdout).not.toContain('replay-child');
    });

    it('a file that is not a history', async () => {
      const error = await errorOf(
        replay({
          workspace: root,
          histories: [relative(root, join(bad.path, 'h/not-history.json'))],
          workflowsPath: `${fixtures}/base.ts`,
        }),
      );
      expect(error.message).toMatch(/not-history\.json: is not a workflow history: no "events" array/);
    });

    it('an empty glob', async () => {
      const error = await errorOf(
        replay({
          workspace: root,
          histories: ['histories-nowhere/**/*.json'],
          workflowsPath: `${fixtures}/base.ts`,
        }),
      );
      expect(error.subject).toBe('histories: histories-nowhere/**/*.json');
    });

    it('a workspace without @temporalio/worker', async () => {
      // Outside the repository, so no node_modules above it resolves the SDK.
      const consumer = await tempDir('replay-no-sdk');
      try {
        await mkdir(join(consumer.path, 'h'));
        await writeFile(join(consumer.path, 'package.json'), '{"name": "consumer"}');
        await cp(join(root, fixtures, 'histories', 'base-open.json'), join(consumer.path, 'h', 'ok.json'));
        const error = await errorOf(
          replay({ workspace: consumer.path, histories: ['h/ok.json'], workflowsPath: 'x.ts' }),
        );
        expect(error.message).toMatch(/@temporalio\/worker is not installed — run `npm ci` first/);
      } finally {
        await consumer.remove();
      }
    });
  });
});

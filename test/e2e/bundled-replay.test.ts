// The bundled replay action under Node 24 (as a runner runs it: INPUT_* only) on the replay gate's hard cases
// from issue 16: a workflow type the code no longer exports, a replay that never finishes, and corrupt input
// with allow-replay-errors. It also proves the bundled action finds and starts its replay processes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { bundleVariants } from '../fixtures/replay/bundles.js';
import { runBundledAction } from '../support/run-action.js';

const fixtures = 'test/fixtures/replay';

describe('bundled replay action under Node 24', () => {
  let dir: TempDir;
  let bundles: Record<string, string> = {};

  beforeAll(async () => {
    dir = await tempDir('bundled-replay');
    bundles = await bundleVariants(dir.path, ['renamed', 'hangs']);
  }, 120_000);
  afterAll(async () => {
    await dir?.remove();
  });

  it('a workflow type the code no longer exports fails each history and still sets compatible/deploy', async () => {
    const run = await runBundledAction('replay', {
      inputs: {
        histories: `${fixtures}/histories/*.json`,
        'bundle-path': bundles.renamed as string,
        'report-path': join(dir.path, 'renamed-report.json'),
      },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({
      total: '4',
      passed: '0',
      failed: '4',
      compatible: 'false',
      deploy: 'new-queue',
    });
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.filter((m) => m.includes('workflow type "fixtureOrder" is not exported by'))).toHaveLength(
      4,
    );
    const report = JSON.parse(await readFile(join(dir.path, 'renamed-report.json'), 'utf8'));
    expect(report.outcomes[0].failure.kind).toBe('missing-workflow-type');
  }, 240_000);

  it('a replay that never finishes fails its history as a timeout after history-timeout', async () => {
    const run = await runBundledAction('replay', {
      inputs: {
        histories: `${fixtures}/histories/base-open.json`,
        'bundle-path': bundles.hangs as string,
        'history-timeout': '2s',
        'report-path': join(dir.path, 'hangs-report.json'),
      },
      timeoutMs: 120_000,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ total: '1', failed: '1', compatible: 'false' });
    expect(run.annotations.map((a) => a.message).join('\n')).toContain('did not finish within 2 s');
  }, 240_000);

  it('corrupt input never passes, even with allow-replay-errors', async () => {
    const history = JSON.parse(
      await readFile(join(repoRoot, fixtures, 'histories/base-completed.json'), 'utf8'),
    );
    history.events[4].eventId = '4';
    // Its own workspace: the corrupt file is refused before the SDK is even looked for.
    const workspace = join(dir.path, 'consumer');
    await mkdir(join(workspace, 'h'), { recursive: true });
    await writeFile(join(workspace, 'package.json'), '{"name":"consumer"}');
    await writeFile(join(workspace, 'h', 'repeated-id.json'), JSON.stringify(history));
    const run = await runBundledAction('replay', {
      workspace,
      inputs: {
        histories: 'h/*.json',
        'bundle-path': bundles.renamed as string,
        'allow-replay-errors': 'true',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /h\/repeated-id\.json: is not a workflow history: events\[4\] has eventId 4, expected 5/,
    );
    expect(run.outputs).toEqual({});
  }, 240_000);
});

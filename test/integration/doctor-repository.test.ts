// `temporal-rollout doctor`'s repository checks, through the CLI and the action's own glue: histories/ and its
// manifest, the age of the newest capture, replay of the stored histories on the code (the replay step, with the
// real SDK) and the patch audit.
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctorAction } from '../../actions/src/action/doctor.js';
import type { DoctorReport } from '../../actions/src/core/doctor/checklist.js';
import type { Manifest } from '../../actions/src/core/replay/manifest.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { runAs } from '../support/action-env.js';
import { runDoctor } from './doctor-support.js';

const FIXTURES = join(repoRoot, 'test', 'fixtures', 'replay');
const HISTORIES = ['base-completed', 'base-open', 'pre-patch-open'];
const DAY = 86_400_000;

describe('doctor: repository checks (histories, their age, replay on this code, patch audit)', () => {
  let dir: TempDir;
  let base: string[];

  beforeAll(async () => {
    // A consumer repository: its workflows, its histories, its own node_modules (this repo's, linked).
    dir = await tempDir('doctor-repo');
    await symlink(join(repoRoot, 'node_modules'), join(dir.path, 'node_modules'));
    await writeFile(
      join(dir.path, 'package.json'),
      JSON.stringify({ name: 'shop', private: true, type: 'module' }),
    );
    await mkdir(join(dir.path, 'workflows'));
    for (const file of ['base.ts', 'timer-added.ts', 'activities.ts'])
      await copyFile(join(FIXTURES, file), join(dir.path, 'workflows', file));
    await mkdir(join(dir.path, 'histories', 'fixtureOrder'), { recursive: true });
    const manifest: Manifest = { version: 1, histories: [] };
    for (const [i, name] of HISTORIES.entries()) {
      await copyFile(
        join(FIXTURES, 'histories', `${name}.json`),
        join(dir.path, 'histories', 'fixtureOrder', `${name}.json`),
      );
      manifest.histories.push({
        file: `fixtureOrder/${name}.json`,
        workflowType: 'fixtureOrder',
        scenario: name,
        status: name.endsWith('open') ? 'open' : 'completed',
        codeVersion: {},
        sdkVersion: '1.24.0',
        // The newest was captured two days ago.
        capturedAt: new Date(Date.now() - (2 + i) * DAY).toISOString(),
        source: 'recorded',
        patches: [],
        encrypted: false,
      });
    }
    await writeFile(join(dir.path, 'histories', 'manifest.json'), JSON.stringify(manifest, null, 2));
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(
      config,
      [
        'app: shop',
        'image: registry.example.com/acme/shop',
        'taskQueues: { order: { base: shop-order } }',
        'doctor: { workflowsPath: workflows/base.ts, historiesMaxAge: 720h }',
      ].join('\n'),
    );
    base = ['--config', config, '--workspace', dir.path, '--only', 'repository'];
  });
  afterAll(async () => {
    await dir?.remove();
  });

  it('passes on replaying histories captured within the limit, and names the patch open runs still need', async () => {
    const run = await runDoctor(base);
    expect(run.code).toBe(0);
    expect(run.check('repository.histories')).toMatchObject({
      status: 'pass',
      seen: '3 histories (2 open) in histories/',
    });
    expect(run.check('repository.histories-age')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(/\(fixtureOrder\/base-completed\.json\), 2\.0 days old; limit 30\.0 days$/),
    });
    expect(run.check('repository.replay')).toMatchObject({
      status: 'pass',
      seen: expect.stringMatching(/^3 histories replay with @temporalio\/worker 1\.24\.0/),
    });
    expect(run.check('repository.patches')).toMatchObject({
      status: 'pass',
      seen: expect.stringContaining('fixture-charge-v2: 1 open run(s) have no "fixture-charge-v2" marker'),
    });
  });

  it('warns (exit 3) when the newest capture is older than the limit', async () => {
    const run = await runDoctor([...base, '--histories-max-age', '24h']);
    expect(run.code).toBe(3);
    expect(run.report.status).toBe('warn');
    expect(run.check('repository.histories-age')).toMatchObject({
      status: 'warn',
      seen: expect.stringMatching(/2\.0 days old; limit 1\.0 days$/),
      fix: expect.stringContaining('capture fresh histories'),
    });
  });

  it('lists a patch no open run needs any more once the last old run is gone', async () => {
    const old = join(dir.path, 'histories', 'fixtureOrder', 'pre-patch-open.json');
    await rm(old);
    try {
      const run = await runDoctor(base);
      expect(run.code).toBe(3);
      expect(run.check('repository.patches')).toMatchObject({
        status: 'warn',
        seen: `fixture-charge-v2: every open run already has the "fixture-charge-v2" marker: the old branch can be replaced by deprecatePatch('fixture-charge-v2')`,
      });
    } finally {
      await copyFile(join(FIXTURES, 'histories', 'pre-patch-open.json'), old);
    }
  });

  it('fails when the histories do not replay on the code, naming the file and the diverging event', async () => {
    const run = await runDoctor([...base, '--workflows', 'workflows/timer-added.ts']);
    expect(run.code).toBe(1);
    expect(run.check('repository.replay')).toMatchObject({
      status: 'fail',
      seen: expect.stringMatching(
        /^3 of 3 histories do not replay .*histories\/fixtureOrder\/base-open\.json \(open\): fixtureOrder, first diverging event 5 ACTIVITY_TASK_SCHEDULED/,
      ),
    });
    expect(run.check('repository.patches').status).toBe('pass');
  });

  it('fails without histories/, and skips what depends on it', async () => {
    const run = await runDoctor([...base, '--histories-dir', 'nowhere']);
    expect(run.code).toBe(1);
    expect(run.check('repository.histories')).toMatchObject({
      status: 'fail',
      seen: 'nowhere/ does not exist',
    });
    expect(run.check('repository.histories-age').status).toBe('skip');
    expect(run.check('repository.replay').status).toBe('skip');
  });

  it('the action: outputs, report file and job summary; a warning leaves the step green unless fail-on-warning', async () => {
    const inputs = {
      config: join(dir.path, 'rollout.yaml'),
      workspace: dir.path,
      only: 'repository',
      'histories-max-age': '24h',
      'report-path': join(dir.path, 'doctor-report.json'),
    };
    const warned = await runAs(runDoctorAction, dir.path, inputs);
    expect(warned.failed).toBe(false);
    expect(warned.outputs).toMatchObject({
      status: 'warn',
      warnings: 'repository.histories-age',
      failed: '',
    });
    expect(warned.log).toMatch(
      /::warning title=doctor%3A the newest captured history is recent::repository\.histories-age: newest capture/,
    );
    expect(warned.summary).toContain('## temporal-rollout doctor: ⚠️ warn');
    expect(warned.summary).toMatch(
      /\| ✅ \| `repository.replay` the stored histories replay on this code \| 3 histories replay/,
    );
    const report = JSON.parse(await readFile(inputs['report-path'], 'utf8')) as DoctorReport;
    expect(report.counts).toEqual({ pass: 3, warn: 1, fail: 0, skip: 0 });

    const strict = await runAs(runDoctorAction, dir.path, { ...inputs, 'fail-on-warning': 'true' });
    expect(strict.failed).toBe(true);
    expect(strict.log).toContain('::error::doctor: 1 warning(s) (fail-on-warning): repository.histories-age');

    const bad = await runAs(runDoctorAction, dir.path, { ...inputs, only: 'repository,dns' });
    expect(bad.failed).toBe(true);
    expect(bad.log).toContain(
      'input "only": "dns" is not one of temporal, prometheus, kubernetes, repository',
    );
  });
});

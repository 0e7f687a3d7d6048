// Dogfood: RolloutWorkflow's own recorded histories (scripts/record-rollout-histories.ts) go through our
// replay gate, so a change to the rollout code that would break rollouts in flight fails the PR.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../actions/src/core/replay/manifest.js';
import { replay } from '../../actions/src/steps/replay.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stored = 'histories/controller/*/*.json';
const workflows = 'actions/src/controller/workflows.ts';

describe('stored RolloutWorkflow histories (recorded from the real rollout worker)', () => {
  // A variant beside the real module, so its relative imports resolve; removed after the test.
  const variant = join(root, 'actions/src/controller/workflows.replay-variant.ts');
  afterAll(async () => {
    await rm(variant, { force: true });
  });

  it('cover a promotion, an automatic rollback, a hold and a long drain, open runs included', async () => {
    const manifest = parseManifest(
      await readFile(join(root, 'histories/controller/manifest.json'), 'utf8'),
      'manifest',
    );
    const scenarios = manifest.histories.map((e) => e.scenario);
    for (const s of ['promote', 'automatic-rollback', 'hold-open', 'long-drain-continued', 'long-drain-open'])
      expect(scenarios).toContain(s);
    expect(manifest.histories.filter((e) => e.status === 'open').length).toBeGreaterThanOrEqual(2);
  });

  it('all replay on the current rollout code', async () => {
    const report = await replay({ workspace: root, histories: [stored], workflowsPath: workflows });
    const failures = report.outcomes.filter((o) => o.failure).map((o) => `${o.source}: ${o.failure?.detail}`);
    expect(failures).toEqual([]);
    expect(report.totals.total).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('fail when the rollout code would run a new step before each analysis tick', async () => {
    const source = await readFile(join(root, workflows), 'utf8');
    const changed = source.replace(
      'measured = await acts.measureAnalysis({ config, selectors, tick });',
      'await acts.readState({ config });\n        measured = await acts.measureAnalysis({ config, selectors, tick });',
    );
    expect(changed).not.toBe(source);
    await writeFile(variant, changed);
    const report = await replay({
      workspace: root,
      histories: [stored],
      workflowsPath: 'actions/src/controller/workflows.replay-variant.ts',
    });
    const broken = report.outcomes.filter((o) => o.failure).map((o) => o.source);
    // Every history that reached an analysis breaks, the open hold and drain included; the install does not.
    expect(broken).toEqual(
      expect.arrayContaining([expect.stringMatching(/promote/), expect.stringMatching(/hold-open/)]),
    );
    expect(broken.some((s) => /install/.test(s))).toBe(false);
  }, 120_000);
});

// What CI must refuse: stale committed bundles, workflow copies that drifted from workflows-ci/, a root
// action.yml that no longer matches the step actions, and workflow files actionlint rejects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

describe('committed, generated files', () => {
  it('actions/dist equals a fresh bundle of actions/src (npm run bundle)', async () => {
    const out = await tempDir('bundle');
    onTestFinished(() => out.remove());
    await execa('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent'], {
      cwd: repoRoot,
      env: { TR_BUNDLE_DIR: out.path },
    });
    const fresh = filesUnder(out.path).sort();
    const committed = filesUnder(join(repoRoot, 'actions', 'dist')).sort();
    expect(committed, 'run `npm run bundle` and commit actions/dist').toEqual(fresh);
    for (const file of fresh) {
      const same =
        readFileSync(join(out.path, file), 'utf8') ===
        readFileSync(join(repoRoot, 'actions/dist', file), 'utf8');
      expect(same, `actions/dist/${file} is stale: run \`npm run bundle\``).toBe(true);
    }
  }, 300_000);

  it('.github/workflows matches workflows-ci/ and action.yml matches actions/*/action.yml', async () => {
    const workflows = await execa('node', ['scripts/sync-workflows.mjs', '--check'], {
      cwd: repoRoot,
      reject: false,
    });
    expect(workflows.exitCode, workflows.stderr).toBe(0);
    const root = await execa('node', ['scripts/root-action.mjs', '--check'], {
      cwd: repoRoot,
      reject: false,
    });
    expect(root.exitCode, root.stderr).toBe(0);
  });

  it('every step action runs on node24 from a committed bundle and documents each input and output', () => {
    for (const step of [
      'analyze',
      'build',
      'canary',
      'capture',
      'promote',
      'release',
      'replay',
      'rollback',
    ]) {
      const action = parse(readFileSync(join(repoRoot, 'actions', step, 'action.yml'), 'utf8'));
      expect(action.runs).toEqual({ using: 'node24', main: `../dist/${step}.js` });
      expect(filesUnder(join(repoRoot, 'actions', 'dist'))).toContain(`${step}.js`);
      for (const [name, spec] of Object.entries({ ...action.inputs, ...action.outputs })) {
        expect((spec as { description?: string }).description, `${step}: ${name}`).toMatch(/\S{3}/);
      }
    }
  });

  it('actionlint accepts the workflows, with the local actions they call', async () => {
    const result = await execa(tool('actionlint'), ['-no-color'], { cwd: repoRoot, reject: false });
    expect(result.exitCode, result.stdout).toBe(0);
  });

  it('zizmor (auditor persona) finds nothing medium or high in the workflow sources or their copies', async () => {
    // --offline: the audits that ask GitHub's API are skipped (nothing leaves this machine).
    const result = await execa(
      tool('zizmor'),
      ['--offline', '--persona', 'auditor', '--format', 'json', 'workflows-ci/', '.github/workflows/'],
      { cwd: repoRoot, reject: false },
    );
    const findings = JSON.parse(result.stdout) as { ident: string; determinations: { severity: string } }[];
    // Low and informational findings (e.g. the self-repository `./` syntax) are style, not exposure.
    expect(findings.length, result.stderr).toBeGreaterThan(0);
    const serious = findings.filter((f) => ['Medium', 'High'].includes(f.determinations.severity));
    expect(serious.map((f) => `${f.determinations.severity} ${f.ident}`)).toEqual([]);
  });

  it('capture runs only from the default branch, behind an environment', () => {
    const capture = parse(readFileSync(join(repoRoot, 'workflows-ci', 'capture.yml'), 'utf8')) as {
      jobs: Record<string, { if?: string; environment?: string }>;
    };
    for (const job of Object.values(capture.jobs)) {
      expect(job.if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
      expect(job.environment).toBeTruthy();
    }
  });

  it('every third-party action is pinned to a full commit sha', () => {
    let thirdParty = 0;
    for (const file of readdirSync(join(repoRoot, 'workflows-ci'))) {
      const text = readFileSync(join(repoRoot, 'workflows-ci', file), 'utf8');
      // Only real steps and jobs: a `uses:` inside a comment is documentation for other repos.
      for (const [, ref] of text.matchAll(/^(?:\s*-)?\s*uses:\s*([^\s#]+)/gm)) {
        if (ref?.startsWith('./')) continue;
        thirdParty++;
        expect(ref, `${file}: ${ref}`).toMatch(/@[0-9a-f]{40}$/);
      }
    }
    expect(thirdParty).toBeGreaterThan(10);
  });
});

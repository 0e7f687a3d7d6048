import { describe, expect, it } from 'vitest';
import { goBuildPlan, nextCompile } from '../../scripts/go-build-plan.mjs';
import { entries, toolVersions } from '../../scripts/tool-paths.mjs';

const build = (moduleDir: string, cpuSeconds: number) => ({ moduleDir, cpuSeconds });

describe('goBuildPlan', () => {
  it('compiles the biggest first and downloads each module folder once, in the order its first compile comes', () => {
    const plan = goBuildPlan([
      ['etcd', build('tools/etcd', 58)],
      ['helm', build('tools/helm-kwok', 80)],
      ['kubernetes', build('tools/kubernetes', 497)],
      ['kwok', build('tools/helm-kwok', 40)],
      ['act', build('tools/act', 24)],
    ]);

    expect(plan.compiles.map((c) => c.name)).toEqual(['kubernetes', 'helm', 'etcd', 'kwok', 'act']);
    expect(plan.downloads).toEqual([
      { moduleDir: 'tools/kubernetes', tools: ['kubernetes'] },
      { moduleDir: 'tools/helm-kwok', tools: ['helm', 'kwok'] },
      { moduleDir: 'tools/etcd', tools: ['etcd'] },
      { moduleDir: 'tools/act', tools: ['act'] },
    ]);
  });

  it('keeps the given order between builds of equal weight', () => {
    const plan = goBuildPlan([
      ['b', build('tools/b', 10)],
      ['a', build('tools/a', 10)],
    ]);

    expect(plan.compiles.map((c) => c.name)).toEqual(['b', 'a']);
  });

  it('plans every goBuilds entry of tools/versions.json, the Kubernetes control plane first', () => {
    const builds = entries(toolVersions().goBuilds);
    const plan = goBuildPlan(builds);

    expect(plan.compiles.map((c) => c.name).sort()).toEqual(builds.map(([name]) => name).sort());
    expect(plan.compiles[0]?.name).toBe('kubernetes');
    expect(plan.downloads.map((d) => d.moduleDir).sort()).toEqual(
      [...new Set(builds.map(([, b]) => b.moduleDir))].sort(),
    );
    for (const [name, b] of builds) expect(b.cpuSeconds, name).toBeGreaterThan(0);
  });
});

describe('nextCompile', () => {
  const { compiles } = goBuildPlan([
    ['kubernetes', build('tools/kubernetes', 497)],
    ['temporal', build('tools/temporal', 193)],
    ['helm', build('tools/helm-kwok', 80)],
    ['kwok', build('tools/helm-kwok', 40)],
  ]);

  it('waits while no pending compile has its modules', () => {
    expect(nextCompile(compiles, new Set())).toBeUndefined();
    expect(nextCompile(compiles, new Set(['tools/etcd']))).toBeUndefined();
  });

  it('starts a smaller compile whose modules are in rather than leave the cores idle', () => {
    expect(nextCompile(compiles, new Set(['tools/helm-kwok']))?.name).toBe('helm');
  });

  it('takes the biggest once its modules are in', () => {
    expect(nextCompile(compiles, new Set(['tools/helm-kwok', 'tools/kubernetes']))?.name).toBe('kubernetes');
  });
});

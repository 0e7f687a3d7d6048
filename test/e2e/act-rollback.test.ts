// rollback.yml (workflow_dispatch) run by nektos/act in this repository, against a real API server (kwok
// nodes), Helm, the rollout-state ConfigMap, a real Temporal dev server (drain checks) and FakeGitHub. The
// releases before it (1.0.0 stable, then 2.0.0 promoted) are made by the same steps the release workflow runs.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolloutState } from '../../actions/src/core/rollout/state.js';
import { parseRolloutConfig } from '../../actions/src/core/rollout-config.js';
import { applyOverrides } from '../../actions/src/core/rollout-overrides.js';
import { canary } from '../../actions/src/steps/canary.js';
import { promote } from '../../actions/src/steps/promote.js';
import { type OpenRollout, openRollout } from '../../actions/src/steps/rollout-open.js';
import { type KubernetesCluster, startKubernetes } from '../../scripts/local-platform/kubernetes.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { type ConsumerRepo, thisRepository } from '../support/act/consumer-repo.js';
import { runAct } from '../support/act/run-act.js';
import { helmHistory } from '../support/cluster-namespace.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';

const digest = (n: number) => `registry.example.com/acme/order-worker@sha256:${String(n).repeat(64)}`;

interface Deployment {
  spec: { template: { spec: { containers: { image: string }[] } } };
}

describe('rollback.yml under act: a manual rollback from workflow_dispatch', () => {
  let cluster: KubernetesCluster;
  let server: TemporalDevServer;
  let github: FakeGitHub;
  let repo: ConsumerRepo;
  let dir: TempDir;
  let open: OpenRollout;

  const image = async (release: string) =>
    (await cluster.getJson<Deployment>(['deployment', release, '-n', cluster.namespace])).spec.template.spec
      .containers[0]?.image;
  const revisions = async (release: string) => (await helmHistory(cluster, release)).map((r) => r.revision);
  const state = async () => {
    const stored = await cluster.getJson<{ data: Record<string, string> }>([
      'configmap',
      'order-worker-rollout-state',
      '-n',
      cluster.namespace,
    ]);
    return JSON.parse(stored.data['state.json'] ?? '{}') as RolloutState;
  };
  const dispatch = async (inputs: Record<string, string>) =>
    runAct({
      repo: repo.path,
      workflow: '.github/workflows/rollback.yml',
      event: {
        name: 'workflow_dispatch',
        payload: {
          inputs,
          ref: 'refs/heads/main',
          repository: { full_name: 'temporal-rollout/temporal-rollout' },
          sender: { login: 'oncall' },
        },
      },
      inputs,
      repositories: {},
      secrets: {
        KUBECONFIG: await readFile(cluster.kubeconfig, 'utf8'),
        TEMPORAL_ADDRESS: server.address,
      },
      // helm alone: the steps reach the Kubernetes API through its client library, not kubectl.
      path: [dirname(tool('helm'))],
      github,
      timeoutMs: 240_000,
    });

  beforeAll(async () => {
    // rollback.yml names no Kubernetes namespace: the releases live in the kubeconfig's default one.
    [cluster, server, github, repo, dir] = await Promise.all([
      startKubernetes({ nodes: 1, namespace: 'default' }),
      startTemporal(),
      startFakeGitHub(),
      thisRepository(),
      tempDir('act-rollback'),
    ]);
    // This repository's rollout.yaml with the deployer the workflow chooses, as the release workflow uses it.
    const text = (await readFile(join(repoRoot, 'rollout.yaml'), 'utf8'))
      .replace(/^deployer: .*$/m, 'deployer: helm')
      .replace(/^chart: .*$/m, `chart: ${join(repoRoot, 'charts', 'order-worker')}`);
    open = await openRollout({
      config: applyOverrides(parseRolloutConfig(text, 'rollout.yaml'), { temporalAddress: server.address }),
      stateDir: dir.path,
      helm: { binary: tool('helm'), kubeconfig: cluster.kubeconfig },
      drain: { pollMs: 250 },
    });
    expect((await canary(open.ctx, { version: '1.0.0', image: digest(1), weight: 100 })).outcome).toBe(
      'done',
    );
    expect((await canary(open.ctx, { version: '2.0.0', image: digest(2), weight: 100 })).outcome).toBe(
      'done',
    );
    expect(await promote(open.ctx, { version: '2.0.0' })).toMatchObject({ outcome: 'done', stable: '2.0.0' });
  }, 300_000);
  afterAll(async () => {
    await open?.close();
    await Promise.all([cluster?.delete(), server?.teardown(), repo?.remove(), dir?.remove()]);
    await github?.close();
  });

  it('a `to:` that was never stable is refused with a clear message, and nothing changes', async () => {
    const before = { revisions: await revisions('order-worker'), state: await state() };
    const run = await dispatch({ to: '9.9.9', reason: 'wrong version typed', 'drain-policy': 'wait' });
    expect(run.exitCode).not.toBe(0);
    const job = run.job('rollback/rollback');
    expect(job.result).toBe('failure');
    const errors = job.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(/9\.9\.9 was never deployed here \(deployed: 1\.0\.0, 2\.0\.0\)/);
    expect(await revisions('order-worker')).toEqual(before.revisions);
    expect(await state()).toEqual(before.state);
    expect(await image('order-worker')).toBe(digest(2));
    expect(github.state.deployments).toEqual([]);
  }, 300_000);

  it('`to: 1.0.0` restores the once-stable version through Helm, records it, and a GitHub deployment', async () => {
    const before = await revisions('order-worker');
    const run = await dispatch({ to: '1.0.0', reason: '2.0.0 double-charges', 'drain-policy': 'wait' });
    expect(run.exitCode, run.log).toBe(0);
    const job = run.job('rollback/rollback');
    expect(job.result).toBe('success');
    expect(job.steps.map((s) => [s.name, s.result])).toEqual([
      ['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'success'],
      ['kubeconfig', 'success'],
      ['./actions/rollback', 'success'],
    ]);
    expect(Object.values(job.outputs).find((o) => 'outcome' in o)).toMatchObject({
      outcome: 'done',
      stable: '1.0.0',
    });
    expect(await image('order-worker')).toBe(digest(1));
    expect((await revisions('order-worker')).length).toBeGreaterThan(before.length);
    const after = await state();
    expect(after).toMatchObject({ phase: 'stable', stable: { version: '1.0.0' } });
    expect(after.history.at(-1)).toMatchObject({ version: '1.0.0' });
    expect(github.state.deployments).toEqual([
      expect.objectContaining({ environment: 'production', statuses: expect.arrayContaining(['success']) }),
    ]);
    // The kubeconfig secret never reaches the log.
    const kubeconfig = await readFile(cluster.kubeconfig, 'utf8');
    const token = /token: (\S+)/.exec(kubeconfig)?.[1] ?? /client-key-data: (\S+)/.exec(kubeconfig)?.[1];
    expect(token).toBeTruthy();
    expect(run.log).not.toContain(token);
  }, 300_000);

  it('an empty `to:` rolls back the running canary: canary release removed, stable keeps serving', async () => {
    expect((await canary(open.ctx, { version: '3.0.0', image: digest(3), weight: 10 })).outcome).toBe('done');
    expect(await image('order-worker-canary')).toBe(digest(3));
    const run = await dispatch({ to: '', reason: '3.0.0 fails payments', 'drain-policy': 'terminate' });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.job('rollback/rollback').result).toBe('success');
    const helmReleases = await cluster.kubectl([
      'get',
      'secrets',
      '-n',
      cluster.namespace,
      '-l',
      'owner=helm',
      '-o',
      'name',
    ]);
    expect(helmReleases.stdout).not.toContain('order-worker-canary');
    // Stable keeps its image (its release may get a routing-only revision: new work goes back to it).
    expect(await image('order-worker')).toBe(digest(1));
    expect(await state()).toMatchObject({ phase: 'stable', stable: { version: '1.0.0' } });
    expect((await state()).history.at(-1)).toMatchObject({ version: '3.0.0' });
  }, 300_000);
});

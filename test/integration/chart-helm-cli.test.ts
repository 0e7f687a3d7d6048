import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  getValuesArgs,
  Helm,
  type HelmTarget,
  historyArgs,
  rollbackArgs,
  statusArgs,
  uninstallArgs,
  upgradeArgs,
} from '../../actions/src/adapters/helm.js';
import { ExternalError } from '../../actions/src/core/errors.js';
import { freePort } from '../../scripts/local-platform/ports.js';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';

// No Kubernetes API server runs in this file (the cluster tests do that): the kubeconfig points at a closed
// port. What is checked is that the real helm binary accepts every argument list the adapter builds — a bad
// flag fails at parse time, before helm tries to reach the cluster — and how the adapter reports failures.
const CHART = fileURLToPath(new URL('../../charts/order-worker', import.meta.url));
const IMAGE = `127.0.0.1:5000/order-worker@sha256:${'c'.repeat(64)}`;

async function unreachableTarget(): Promise<HelmTarget> {
  const dir = await tempDir('helm-cli');
  onTestFinished(() => dir.remove());
  const port = await freePort();
  const kubeconfig = join(dir.path, 'kubeconfig');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:' +
        port +
        '", insecure-skip-tls-verify: true}}]',
      'users: [{name: u, user: {token: not-a-real-token}}]',
      'contexts: [{name: x, context: {cluster: c, user: u, namespace: orders}}]',
      'current-context: x',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return { helm: tool('helm'), kubeconfig, namespace: 'orders' };
}

const UNREACHABLE = /cluster unreachable|connection refused|dial tcp/i;

async function runHelm(target: HelmTarget, args: string[]) {
  return execa(target.helm, args, { reject: false, env: { KUBECONFIG: target.kubeconfig } });
}

describe('the helm adapter against the real helm binary', () => {
  it('every argument list it builds is accepted by helm (fails only on the missing cluster)', async () => {
    const target = await unreachableTarget();
    const lists = {
      upgrade: upgradeArgs(
        target,
        {
          release: 'order-worker-canary',
          chart: CHART,
          image: IMAGE,
          version: '2.0.0',
          track: 'canary',
          orderTaskQueue: 'order-task-queue-v2',
          paymentTaskQueue: 'payment-task-queue-v2',
          buildId: '2.0.0',
          replicas: 1,
          timeoutMs: 5_000,
        },
        undefined,
      ),
      rollback: rollbackArgs(target, 'order-worker', 3, 5_000),
      history: historyArgs(target, 'order-worker'),
      status: statusArgs(target, 'order-worker'),
      values: getValuesArgs(target, 'order-worker', 2),
      uninstall: uninstallArgs(target, 'order-worker-canary', 5_000),
    };
    for (const [name, args] of Object.entries(lists)) {
      const result = await runHelm(target, args);
      expect(result.exitCode, name).not.toBe(0);
      expect(result.stderr, name).not.toMatch(/unknown (flag|shorthand)|accepts .* arg|invalid argument/);
      expect(result.stderr, `${name}: ${result.stderr}`).toMatch(UNREACHABLE);
    }
  });

  it('reports a failed upgrade as an ExternalError naming helm and the release, and leaves no values file', async () => {
    const target = await unreachableTarget();
    // A temp root of this test's own: other test files running at the same time make tr-helm- folders in /tmp.
    const scratch = await tempDir('helm-tmp');
    onTestFinished(() => scratch.remove());
    vi.stubEnv('TMPDIR', scratch.path);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    expect(tmpdir()).toBe(scratch.path);
    const helm = new Helm(target);
    const attempt = helm.upgrade({
      release: 'order-worker-canary',
      chart: CHART,
      image: IMAGE,
      version: '2.0.0',
      track: 'canary',
      orderTaskQueue: 'order-task-queue-v2',
      paymentTaskQueue: 'payment-task-queue-v2',
      values: { temporal: { apiKey: { secretName: 'temporal-cloud' } } },
      timeoutMs: 5_000,
    });
    await expect(attempt).rejects.toThrow(ExternalError);
    await expect(attempt).rejects.toThrow(/^helm: upgrade of order-worker-canary failed \(exit 1\): .*/s);
    expect(await readdir(scratch.path)).toEqual([]);
  });

  it('does not mistake an unreachable cluster for a release that does not exist', async () => {
    const helm = new Helm(await unreachableTarget());
    await expect(helm.history('order-worker')).rejects.toThrow(UNREACHABLE);
    await expect(helm.status('order-worker')).rejects.toThrow(UNREACHABLE);
    await expect(helm.values('order-worker')).rejects.toThrow(UNREACHABLE);
  });
});

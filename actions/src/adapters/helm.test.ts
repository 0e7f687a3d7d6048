import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import {
  getValuesArgs,
  type HelmTarget,
  historyArgs,
  parseStatus,
  rollbackArgs,
  splitImage,
  statusArgs,
  type UpgradeRequest,
  uninstallArgs,
  upgradeArgs,
} from './helm.js';

const target: HelmTarget = { helm: 'helm', kubeconfig: '/run/kube/config', namespace: 'orders' };
const digest = `sha256:${'ab'.repeat(32)}`;
const canary: UpgradeRequest = {
  release: 'order-worker-canary',
  chart: 'charts/order-worker',
  image: `registry.example.com/acme/order-worker@${digest}`,
  version: '1.4.0',
  track: 'canary',
  orderTaskQueue: 'order-task-queue-v2',
  paymentTaskQueue: 'payment-task-queue-v2',
  buildId: '1.4.0+abc1234',
  replicas: 1,
  timeoutMs: 300_000,
};

/** The value following `flag` (every occurrence). */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1]!] : []));
}

describe('upgradeArgs', () => {
  it('installs or upgrades atomically, waits with a timeout, and pins the image by digest', () => {
    const args = upgradeArgs(target, canary);
    expect(args.slice(0, 4)).toEqual(['upgrade', 'order-worker-canary', 'charts/order-worker', '--install']);
    expect(args).toContain('--atomic');
    expect(args).toContain('--wait');
    expect(valuesOf(args, '--timeout')).toEqual(['300s']);
    expect(valuesOf(args, '--kubeconfig')).toEqual(['/run/kube/config']);
    expect(valuesOf(args, '--namespace')).toEqual(['orders']);
    expect(valuesOf(args, '--set-string')).toEqual([
      'track=canary',
      'image.repository=registry.example.com/acme/order-worker',
      `image.digest=${digest}`,
      'worker.orderTaskQueue=order-task-queue-v2',
      'worker.paymentTaskQueue=payment-task-queue-v2',
      'worker.buildId=1.4.0+abc1234',
    ]);
    expect(valuesOf(args, '--set')).toEqual(['replicaCount=1']);
    expect(valuesOf(args, '--description')).toEqual([
      `temporal-rollout version=1.4.0 image=registry.example.com/acme/order-worker@${digest}`,
    ]);
  });

  it('passes values files in order, the generated one last, and never a secret on argv', () => {
    const args = upgradeArgs(
      target,
      { ...canary, valuesFiles: ['deploy/prod.yaml'], values: { temporal: { apiKey: 'hunter2' } } },
      '/tmp/tr-helm-x/values.json',
    );
    expect(valuesOf(args, '--values')).toEqual(['deploy/prod.yaml', '/tmp/tr-helm-x/values.json']);
    expect(args.join(' ')).not.toContain('hunter2');
  });

  it('rounds the timeout up to whole seconds and adds the kube context when given', () => {
    const args = upgradeArgs(
      { ...target, kubeContext: 'prod' },
      { ...canary, timeoutMs: 90_500, atomic: false },
    );
    expect(valuesOf(args, '--timeout')).toEqual(['91s']);
    expect(valuesOf(args, '--kube-context')).toEqual(['prod']);
    expect(args).not.toContain('--atomic');
    expect(args).toContain('--wait');
  });

  it('omits the build id and replica count when not given', () => {
    const { buildId: _b, replicas: _r, ...plain } = canary;
    const args = upgradeArgs(target, plain);
    expect(valuesOf(args, '--set-string').some((v) => v.startsWith('worker.buildId'))).toBe(false);
    expect(valuesOf(args, '--set')).toEqual([]);
  });

  it('refuses an image without a digest, a bad release name, a queue with a comma', () => {
    expect(() =>
      upgradeArgs(target, { ...canary, image: 'registry.example.com/acme/order-worker:1.4.0' }),
    ).toThrow(/not pinned by digest/);
    expect(() => upgradeArgs(target, { ...canary, release: 'Order_Worker' })).toThrow(InputError);
    expect(() => upgradeArgs(target, { ...canary, release: 'x'.repeat(54) })).toThrow(/at most 53/);
    expect(() => upgradeArgs(target, { ...canary, orderTaskQueue: 'a,b' })).toThrow(/orderTaskQueue/);
    expect(() => upgradeArgs(target, { ...canary, replicas: -1 })).toThrow(/replicas/);
    expect(() => upgradeArgs(target, { ...canary, timeoutMs: 0 })).toThrow(/timeout/);
  });
});

describe('splitImage', () => {
  it('splits a registry with a port', () => {
    expect(splitImage(`127.0.0.1:5000/order-worker@${digest}`)).toEqual({
      repository: '127.0.0.1:5000/order-worker',
      digest,
    });
  });
});

describe('rollbackArgs', () => {
  it('always names the revision', () => {
    expect(rollbackArgs(target, 'order-worker', 3, 120_000)).toEqual([
      'rollback',
      'order-worker',
      '3',
      '--kubeconfig',
      '/run/kube/config',
      '--namespace',
      'orders',
      '--wait',
      '--timeout',
      '120s',
      '--history-max',
      '20',
    ]);
  });

  it('refuses 0 (Helm would read it as "previous") and non-integers', () => {
    expect(() => rollbackArgs(target, 'order-worker', 0, 1000)).toThrow(/not a revision number/);
    expect(() => rollbackArgs(target, 'order-worker', 2.5, 1000)).toThrow(InputError);
  });
});

describe('read-only commands', () => {
  it('ask for JSON', () => {
    expect(historyArgs(target, 'order-worker')).toEqual([
      'history',
      'order-worker',
      '--kubeconfig',
      '/run/kube/config',
      '--namespace',
      'orders',
      '--output',
      'json',
      '--max',
      '256',
    ]);
    expect(statusArgs(target, 'order-worker')).toContain('json');
    expect(getValuesArgs(target, 'order-worker')).toEqual([
      'get',
      'values',
      'order-worker',
      '--kubeconfig',
      '/run/kube/config',
      '--namespace',
      'orders',
      '--output',
      'json',
    ]);
    expect(getValuesArgs(target, 'order-worker', 4).slice(-2)).toEqual(['--revision', '4']);
    expect(() => getValuesArgs(target, 'order-worker', 0)).toThrow(/not a revision number/);
    expect(uninstallArgs(target, 'order-worker-canary', 60_000)).toEqual([
      'uninstall',
      'order-worker-canary',
      '--kubeconfig',
      '/run/kube/config',
      '--namespace',
      'orders',
      '--wait',
      '--timeout',
      '60s',
    ]);
  });
});

describe('parseStatus', () => {
  it('keeps name, revision and status, and drops the user values', () => {
    const json = JSON.stringify({
      name: 'order-worker',
      info: {
        first_deployed: '2026-11-25T09:00:00Z',
        last_deployed: '2026-11-25T10:00:00Z',
        deleted: '',
        description: 'Upgrade complete',
        status: 'deployed',
      },
      config: { temporal: { apiKey: 'hunter2' } },
      manifest: '---\nkind: Deployment',
      version: 7,
      namespace: 'orders',
    });
    const status = parseStatus(json, 'order-worker');
    expect(status).toEqual({
      name: 'order-worker',
      namespace: 'orders',
      revision: 7,
      status: 'deployed',
      description: 'Upgrade complete',
      lastDeployed: '2026-11-25T10:00:00Z',
    });
    expect(JSON.stringify(status)).not.toContain('hunter2');
  });

  it('refuses a document without a status', () => {
    expect(() => parseStatus('{"name":"x"}', 'x')).toThrow(/lacks name, version or info.status/);
  });
});

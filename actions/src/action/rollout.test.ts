import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInputs } from './io.js';
import { rolloutInputs, rolloutTable } from './rollout.js';

const ROLLOUT = `app: order-worker
image: registry.example.com/acme/order-worker
deployer: helm
taskQueues:
  order: { base: order-task-queue }
`;

async function withInputs(inputs: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'rollout-inputs-'));
  const config = join(dir, 'rollout.yaml');
  await writeFile(config, ROLLOUT);
  // The kubeconfig must exist: it is checked before anything connects.
  const kubeconfig = inputs.kubeconfig ? join(dir, inputs.kubeconfig) : undefined;
  if (kubeconfig) await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\n');
  const stateDir = join(dir, 'state');
  for (const [name, value] of Object.entries({
    config,
    'state-dir': stateDir,
    ...inputs,
    ...(kubeconfig ? { kubeconfig } : {}),
  })) {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  }
  try {
    return (await rolloutInputs(readInputs(rolloutTable()))).options;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('rollout action inputs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('hands helm, kubeconfig and namespace to the Helm deployer and its state ConfigMap', async () => {
    const options = await withInputs({
      kubeconfig: 'kubeconfig',
      helm: '/opt/helm',
      'helm-namespace': 'orders',
      'kube-context': 'prod',
    });
    expect(options.helm).toEqual({
      binary: '/opt/helm',
      kubeconfig: expect.stringMatching(/\/kubeconfig$/),
      namespace: 'orders',
      kubeContext: 'prod',
    });
    expect(options.config.helm).toMatchObject({
      state: 'configmap',
      stateConfigMap: 'order-worker-rollout-state',
    });
  });

  it('defaults helm to the one on PATH', async () => {
    const options = await withInputs({ kubeconfig: 'k' });
    expect(options.helm).toMatchObject({ binary: 'helm' });
  });
});

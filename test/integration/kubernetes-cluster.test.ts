import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type KubernetesCluster,
  MONITORING_CRDS,
  startKubernetes,
} from '../../scripts/local-platform/kubernetes.js';

interface Condition {
  type: string;
  status: string;
}
interface NodeList {
  items: {
    metadata: { name: string; annotations?: Record<string, string> };
    status: { conditions: Condition[] };
  }[];
}
interface Pod {
  spec: { nodeName?: string };
  status: { phase: string };
}

const restrictedContainer = {
  name: 'app',
  image: `registry.example.com/acme/order-worker@sha256:${'a'.repeat(64)}`,
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 10001,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },
};

function processState(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .charAt(0);
  } catch {
    return 'gone';
  }
}

function pod(name: string, namespace: string, container: object): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [container] },
  });
}

describe('Kubernetes control plane (kwok, binary runtime)', () => {
  let cluster: KubernetesCluster;

  beforeAll(async () => {
    cluster = await startKubernetes({ nodes: 2 });
    const t = cluster.timings;
    console.log(
      `kubernetes: cluster ${cluster.name} ready in ${t.totalMs} ms ` +
        `(create ${t.createMs} ms, 2 nodes Ready ${t.nodesReadyMs} ms, namespace + CRDs ${t.setupMs} ms)`,
    );
  });
  afterAll(async () => {
    await cluster?.delete();
  });

  it('serves Kubernetes v1.37.2 (the version stamped at build time) on 127.0.0.1 only', async () => {
    const { stdout } = await cluster.kubectl(['version', '-o', 'json']);
    const version = JSON.parse(stdout) as {
      serverVersion: { gitVersion: string; major: string; minor: string };
    };
    expect(version.serverVersion).toMatchObject({ gitVersion: 'v1.37.2', major: '1', minor: '37' });
    expect(cluster.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const listeners = cluster.listeners();
    const commands = new Set(listeners.map((l) => l.command));
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller', 'kube-scheduler', 'kwok']) {
      expect(
        [...commands].some((c) => c.startsWith(component)),
        `${component} listens`,
      ).toBe(true);
    }
    const exposed = listeners.filter((l) => l.address !== '127.0.0.1');
    expect(exposed, 'sockets bound beyond loopback').toEqual([]);
  });

  it('has the fake nodes Ready, simulated by kwok', async () => {
    const nodes = await cluster.getJson<NodeList>(['nodes']);
    expect(nodes.items).toHaveLength(2);
    for (const node of nodes.items) {
      expect(node.metadata.annotations?.['kwok.x-k8s.io/node']).toBe('fake');
      expect(node.status.conditions).toContainEqual(
        expect.objectContaining({ type: 'Ready', status: 'True' }),
      );
    }
  });

  it('refuses a pod without a restricted securityContext in the restricted namespace', async () => {
    const ns = cluster.namespace;
    const labels = await cluster.getJson<{ metadata: { labels: Record<string, string> } }>(['namespace', ns]);
    expect(labels.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');

    const refused = await cluster.kubectl(['apply', '-f', '-'], {
      input: pod('loose', ns, { name: 'app', image: 'busybox' }),
      reject: false,
    });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('violates PodSecurity "restricted:latest"');
    expect(refused.stderr).toMatch(/allowPrivilegeEscalation != false/);
    const absent = await cluster.kubectl(['get', 'pod', 'loose', '-n', ns], { reject: false });
    expect(absent.stderr).toContain('NotFound');
  });

  it('admits a restricted pod, schedules it on a fake node and kwok runs it', async () => {
    const ns = cluster.namespace;
    await cluster.kubectl(['apply', '-f', '-'], { input: pod('tight', ns, restrictedContainer) });
    await cluster.kubectl(['wait', '--for=condition=Ready', 'pod/tight', '-n', ns, '--timeout=60s']);
    const running = await cluster.getJson<Pod>(['pod', 'tight', '-n', ns]);
    expect(running.status.phase).toBe('Running');
    expect(cluster.nodes).toContain(running.spec.nodeName);
  });

  it('has the prometheus-operator CRDs Established and validates their objects', async () => {
    expect(cluster.crds).toEqual(MONITORING_CRDS.map((c) => `${c}.monitoring.coreos.com`));
    for (const crd of cluster.crds) {
      const got = await cluster.getJson<{ status: { conditions: Condition[] } }>(['crd', crd]);
      expect(got.status.conditions).toContainEqual(
        expect.objectContaining({ type: 'Established', status: 'True' }),
      );
    }
    const monitor = (endpoints: unknown) =>
      JSON.stringify({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: 'workers', namespace: cluster.namespace },
        spec: { selector: { matchLabels: { app: 'order-worker' } }, podMetricsEndpoints: endpoints },
      });
    await cluster.kubectl(['apply', '-f', '-'], { input: monitor([{ port: 'metrics', interval: '15s' }]) });
    // The CRD's OpenAPI schema is enforced by the API server: a string where an array belongs is refused.
    const invalid = await cluster.kubectl(['apply', '-f', '-'], { input: monitor('metrics'), reject: false });
    expect(invalid.exitCode).not.toBe(0);
    expect(invalid.stderr).toMatch(/podMetricsEndpoints/);
  });

  it('delete() stops every cluster process', async () => {
    const before = cluster.processes();
    expect(before.length).toBeGreaterThanOrEqual(5);
    await cluster.delete();
    expect(cluster.processes()).toEqual([]);
    // Gone, or a zombie waiting for init to reap it (kwokctl detaches its components with setsid).
    for (const pid of before) expect(['gone', 'Z']).toContain(processState(pid));
  });
});

import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KubernetesObject, loadAllYaml } from '@kubernetes/client-node';
import { execa } from 'execa';
import { type ClusterApi, clusterApi } from './cluster-api.js';
import { eventually } from './eventually.js';
import { standInKubeletStages } from './kwok-stages.js';
import { freePorts } from './ports.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

/** The prometheus-operator CRDs the chart's monitoring objects need, as file-name stems in the cache. */
export const MONITORING_CRDS = ['podmonitors', 'servicemonitors', 'prometheusrules'] as const;

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  /** Written to kubectl's stdin (e.g. a manifest for `apply -f -`). */
  input?: string;
  /** Another kubeconfig than the admin one (e.g. a ServiceAccount's). */
  kubeconfig?: string;
  /** Resolve with the exit code instead of throwing when kubectl fails. */
  reject?: boolean;
}

export interface ClusterTimings {
  /** `kwokctl create cluster` until it returned (etcd, API server, controllers, scheduler, kwok up). */
  createMs: number;
  /** The fake nodes created and reported Ready by kwok. */
  nodesReadyMs: number;
  /** Test namespace, its default ServiceAccount, and the CRDs Established. */
  setupMs: number;
  totalMs: number;
}

export interface KubernetesCluster {
  /** The kwok cluster name (unique per call). */
  name: string;
  /** Admin kubeconfig from `kwokctl get kubeconfig`, for helm (`--kubeconfig`/KUBECONFIG) and the deployer. */
  kubeconfig: string;
  /** https://127.0.0.1:<port> of the API server. */
  server: string;
  /** The test namespace, labelled pod-security.kubernetes.io/enforce=restricted. */
  namespace: string;
  /** Who reports a pod Ready (KubernetesOptions.podReadiness). */
  podReadiness: PodReadiness;
  /** Names of the fake nodes. */
  nodes: string[];
  /** The CRDs installed, by full name (e.g. podmonitors.monitoring.coreos.com). */
  crds: string[];
  timings: ClusterTimings;
  /** A scratch folder that is removed with the cluster. */
  workdir: string;
  /** The API as admin, through @kubernetes/client-node (what the product uses). */
  api: ClusterApi;
  /** Runs the bootstrapped kubectl against this cluster (admin unless `options.kubeconfig`). */
  kubectl(args: string[], options?: KubectlOptions): Promise<KubectlResult>;
  /** `kubectl get … -o json`, parsed. */
  getJson<T>(args: string[], options?: KubectlOptions): Promise<T>;
  /** Writes a kubeconfig that authenticates with a bearer token only (no client certificate) and returns its path. */
  writeTokenKubeconfig(token: string, fileName?: string): Promise<string>;
  /** Pids of the cluster's processes (etcd, kube-*, kwok): those started from its private workdir. */
  processes(): number[];
  /** TCP sockets the cluster's processes listen on. */
  listeners(): Listener[];
  /**
   * `kwokctl delete cluster` and removes the workdir; safe to call twice. Throws (after cleaning up) when
   * kwokctl fails or a component has to be SIGKILLed, so a suite's afterAll fails instead of hiding it.
   */
  delete(): Promise<void>;
}

export interface Listener {
  pid: number;
  command: string;
  /** Dotted IPv4 or compressed-enough IPv6 ('::', '::1', or the full hex words). */
  address: string;
  port: number;
}

/**
 * Who reports a pod Ready. `kwok`: kwok, the moment the pod is scheduled, though nothing runs it.
 * `stand-in-kubelet`: kwok reports the pod Running with its container not ready; the stand-in kubelet
 * (kwok-pods.ts) has it turn Ready once the pod's process passed its readiness probe, as a kubelet does. A pod
 * the stand-in kubelet does not run then stays un-Ready, like one whose container never starts.
 */
export type PodReadiness = 'kwok' | 'stand-in-kubelet';

export interface KubernetesOptions {
  /** Fake nodes (kwok), each 32 CPU / 256 GiB allocatable. Default 2. */
  nodes?: number;
  /** Test namespace name. Default `rollout-test`. */
  namespace?: string;
  /** prometheus-operator CRD stems to install (file `monitoring.coreos.com_<stem>.yaml`). Default MONITORING_CRDS. */
  crds?: readonly string[];
  /** Default `kwok`: for clusters whose pods nothing runs. */
  podReadiness?: PodReadiness;
}

async function kwokctlConfig(podReadiness: PodReadiness): Promise<string> {
  // kwokctl gives a component without a port the first free one counting down from 32767: two clusters
  // created at once (test files running in parallel) would both pick 32766, 32765, ... The kernel's free
  // ports are random in the ephemeral range, so each cluster gets ports of its own.
  const [
    etcdPort,
    etcdPeerPort,
    kubeApiserverPort,
    kwokControllerPort,
    controllerManagerPort,
    schedulerPort,
  ] = await freePorts(6);
  // KwokctlConfiguration: bind every component to loopback (the default is 0.0.0.0) and use the binaries the
  // bootstrap built, so nothing is downloaded. JSON is valid YAML; kwok's Stages follow as more documents.
  const configuration = JSON.stringify({
    apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
    kind: 'KwokctlConfiguration',
    options: {
      runtime: 'binary',
      bindAddress: '127.0.0.1',
      kubeApiserverBinary: tool('kubeApiserver'),
      kubeControllerManagerBinary: tool('kubeControllerManager'),
      kubeSchedulerBinary: tool('kubeScheduler'),
      kubectlBinary: tool('kubectl'),
      etcdBinary: tool('etcd'),
      kwokControllerBinary: tool('kwok'),
      etcdPort,
      etcdPeerPort,
      kubeApiserverPort,
      kwokControllerPort,
      kubeControllerManagerPort: controllerManagerPort,
      kubeSchedulerPort: schedulerPort,
    },
  });
  const stages = podReadiness === 'stand-in-kubelet' ? standInKubeletStages() : [];
  return [configuration, ...stages].join('\n---\n');
}

/** Processes whose command line mentions `marker` (the cluster's private workdir): the cluster's own. */
function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) found.push(pid);
    } catch {
      // gone, or not readable
    }
  }
  return found;
}

/** True while `pid` exists and is not a zombie. */
function running(pid: number): boolean {
  try {
    return (
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .charAt(0) !== 'Z'
    );
  } catch {
    return false;
  }
}

function decodeAddress(hex: string): string {
  if (hex.length === 8) {
    // /proc/net/tcp prints the IPv4 address as one little-endian word.
    return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
  }
  const words = [0, 8, 16, 24].map((i) => hex.slice(i, i + 8));
  const bytes = words.flatMap((w) => [6, 4, 2, 0].map((i) => w.slice(i, i + 2)));
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(Number.parseInt(`${bytes[i]}${bytes[i + 1]}`, 16));
  if (groups.every((g) => g === 0)) return '::';
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return '::1';
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${[groups[6] ?? 0, groups[7] ?? 0].flatMap((g) => [g >> 8, g & 0xff]).join('.')}`;
  }
  return groups.map((g) => g.toString(16)).join(':');
}

/** Listening TCP sockets of `pids`, matched through the socket inodes in /proc/<pid>/fd. */
export function listeningSockets(pids: number[]): Listener[] {
  const listening = new Map<string, { address: string; port: number }>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (!local || state !== '0A' || !inode) continue;
      const [addr = '', port = '0'] = local.split(':');
      listening.set(inode, { address: decodeAddress(addr), port: Number.parseInt(port, 16) });
    }
  }
  const found: Listener[] = [];
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    const command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      const socket = inode ? listening.get(inode) : undefined;
      if (socket) found.push({ pid, command, ...socket });
    }
  }
  return found;
}

/** A namespace labelled pod-security.kubernetes.io/enforce=restricted, once pods can be created in it. */
async function createTestNamespace(api: ClusterApi, namespace: string): Promise<void> {
  await api.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      labels: {
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
    },
  });
  // The ServiceAccount admission plugin refuses pods until the controller-manager made `default`.
  await eventually(
    () =>
      api.call('get serviceaccount default', (o) =>
        api.core.readNamespacedServiceAccount({ name: 'default', namespace }, o),
      ),
    60_000,
    `ServiceAccount ${namespace}/default`,
    250,
  );
}

/**
 * The same cluster seen through another test namespace, created like the first: cases that share one cluster
 * (its start is the slow part) each work in a namespace of their own. `delete()` still deletes the whole
 * cluster: only the suite that started it calls it.
 */
export async function inNamespace(cluster: KubernetesCluster, namespace: string): Promise<KubernetesCluster> {
  const api = clusterApi(cluster.kubeconfig, namespace);
  await createTestNamespace(api, namespace);
  return {
    ...cluster,
    namespace,
    api,
    async writeTokenKubeconfig(token, fileName) {
      // In the cluster's folder, beside those of the other namespaces: the name says which one it is for.
      const path = await cluster.writeTokenKubeconfig(token, fileName && `${namespace}-${fileName}`);
      // The context's namespace is this one, as the cluster's own is in its token kubeconfigs.
      const config = JSON.parse(await readFile(path, 'utf8')) as {
        contexts: { context: { namespace: string } }[];
      };
      for (const { context } of config.contexts) context.namespace = namespace;
      await writeFile(path, JSON.stringify(config), { mode: 0o600 });
      return path;
    },
  };
}

/**
 * A Kubernetes control plane on 127.0.0.1 for one suite: etcd, kube-apiserver, kube-controller-manager and
 * kube-scheduler v1.37 run as local processes by `kwokctl --runtime binary`, kwok simulates the nodes and
 * their kubelets. RBAC and the default admission plugins (PodSecurity included) are on. Call `delete()`
 * in afterAll; a failed start cleans up after itself.
 */
export async function startKubernetes(options: KubernetesOptions = {}): Promise<KubernetesCluster> {
  const t0 = Date.now();
  const dir = await tempDir('kwok');
  const name = `tr-${randomUUID().slice(0, 8)}`;
  const namespace = options.namespace ?? 'rollout-test';
  const podReadiness = options.podReadiness ?? 'kwok';
  const kubeconfig = join(dir.path, 'kubeconfig');
  const configFile = join(dir.path, 'kwokctl.yaml');
  const kwokctlBin = tool('kwokctl');
  const kubectlBin = tool('kubectl');
  // KWOK_WORKDIR keeps every cluster file in the temp folder; KUBECONFIG keeps kwokctl away from ~/.kube/config.
  const env = { KWOK_WORKDIR: join(dir.path, 'kwok'), KUBECONFIG: join(dir.path, 'kwokctl-kubeconfig') };
  const kwokctl = (args: string[]) =>
    execa(kwokctlBin, ['--name', name, ...args], { env, all: true, reject: false, timeout: 120_000 });

  let deleted = false;
  /** Stops the cluster; throws, after cleaning up anyway, when it did not stop cleanly. */
  const remove = async () => {
    if (deleted) return;
    deleted = true;
    const problems: string[] = [];
    const started = processesMentioning(dir.path);
    // No --kubeconfig: kwokctl v0.8.0 refuses an empty one ("empty path"); KUBECONFIG is this cluster's own file.
    const stopped = await kwokctl(['delete', 'cluster']);
    if (stopped.exitCode !== 0) {
      problems.push(`kwokctl delete cluster failed (exit ${stopped.exitCode}): ${stopped.all}`);
    }
    // kwokctl stops its components; anything still running from this workdir was started for this cluster.
    for (let i = 0; i < 40 && processesMentioning(dir.path).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const left = processesMentioning(dir.path);
    if (left.length > 0) {
      const names = left.map((pid) => {
        try {
          return `${pid} ${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()}`;
        } catch {
          return String(pid);
        }
      });
      problems.push(`still running 10 s after kwokctl delete, SIGKILLed: ${names.join(', ')}`);
    }
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Wait until each has exited (gone, or a zombie left for init to reap).
    for (let i = 0; i < 40 && started.some(running); i++) await new Promise((r) => setTimeout(r, 250));
    await dir.remove();
    if (problems.length > 0) {
      throw new Error(`kwok cluster ${name} did not stop cleanly:\n${problems.join('\n')}`);
    }
  };

  const kubectl = async (args: string[], opts: KubectlOptions = {}): Promise<KubectlResult> => {
    const result = await execa(kubectlBin, ['--kubeconfig', opts.kubeconfig ?? kubeconfig, ...args], {
      input: opts.input,
      reject: false,
      timeout: 60_000,
    });
    const out = { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
    if (out.exitCode !== 0 && opts.reject !== false) {
      throw new Error(
        `kubectl ${args.join(' ')} failed (exit ${out.exitCode}):\n${out.stderr || out.stdout}`,
      );
    }
    return out;
  };

  try {
    await writeFile(configFile, await kwokctlConfig(podReadiness));
    const created = await kwokctl([
      '--config',
      configFile,
      'create',
      'cluster',
      '--kubeconfig=',
      '--wait=60s',
    ]);
    if (created.exitCode !== 0) {
      throw new Error(`kwokctl create cluster failed (exit ${created.exitCode}):\n${created.all}`);
    }
    const got = await kwokctl(['get', 'kubeconfig']);
    if (got.exitCode !== 0) throw new Error(`kwokctl get kubeconfig failed:\n${got.all}`);
    await writeFile(kubeconfig, got.stdout, { mode: 0o600 });
    const createMs = Date.now() - t0;

    const api = clusterApi(kubeconfig, namespace);

    const nodeCount = options.nodes ?? 2;
    const scaled = await kwokctl(['scale', 'node', '--replicas', String(nodeCount)]);
    if (scaled.exitCode !== 0) throw new Error(`kwokctl scale node failed:\n${scaled.all}`);
    const nodes = await eventually(
      async () => {
        const list = await api.call('list nodes', (o) => api.core.listNode({}, o));
        const ready = list.items.filter((node) =>
          node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
        );
        return list.items.length === nodeCount && ready.length === nodeCount
          ? ready.map((node) => node.metadata?.name ?? '')
          : undefined;
      },
      60_000,
      `${nodeCount} nodes Ready`,
      250,
    );
    const nodesReadyMs = Date.now() - t0 - createMs;

    await createTestNamespace(api, namespace);

    const stems = options.crds ?? MONITORING_CRDS;
    const crdDir = tool('prometheusOperatorCrds');
    const crds = stems.map((stem) => `${stem}.monitoring.coreos.com`);
    for (const stem of stems) {
      const text = await readFile(join(crdDir, `monitoring.coreos.com_${stem}.yaml`), 'utf8');
      // Server-side apply: the big CRDs exceed the last-applied annotation limit of client-side apply.
      for (const crd of loadAllYaml(text) as (KubernetesObject | null)[]) if (crd) await api.apply(crd);
    }
    for (const name of crds) {
      await eventually(
        async () => {
          const crd = await api.call(`get crd ${name}`, (o) =>
            api.extensions.readCustomResourceDefinition({ name }, o),
          );
          return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')
            ? true
            : undefined;
        },
        60_000,
        `CRD ${name} Established`,
        250,
      );
    }
    const totalMs = Date.now() - t0;
    const setupMs = totalMs - createMs - nodesReadyMs;

    const server = /server:\s*(\S+)/.exec(got.stdout)?.[1] ?? '';
    return {
      name,
      kubeconfig,
      server,
      namespace,
      podReadiness,
      nodes,
      crds,
      timings: { createMs, nodesReadyMs, setupMs, totalMs },
      workdir: dir.path,
      api,
      kubectl,
      async getJson<T>(args: string[], opts?: KubectlOptions) {
        const { stdout } = await kubectl(['get', ...args, '-o', 'json'], opts);
        return JSON.parse(stdout) as T;
      },
      async writeTokenKubeconfig(token: string, fileName = `token-${randomUUID().slice(0, 8)}.kubeconfig`) {
        const ca = /certificate-authority(?:-data)?:\s*(\S+)/.exec(got.stdout);
        const caField = ca?.[0].startsWith('certificate-authority-data')
          ? { 'certificate-authority-data': ca[1] }
          : { 'certificate-authority': ca?.[1] };
        const config = {
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [{ name, cluster: { server, ...caField } }],
          users: [{ name: 'token', user: { token } }],
          contexts: [{ name, context: { cluster: name, user: 'token', namespace } }],
          'current-context': name,
        };
        const path = join(dir.path, fileName);
        await writeFile(path, JSON.stringify(config), { mode: 0o600 });
        return path;
      },
      processes: () => processesMentioning(dir.path),
      listeners: () => listeningSockets(processesMentioning(dir.path)),
      delete: remove,
    };
  } catch (err) {
    // The start's own error comes first; a teardown problem after it is added to the message.
    await remove().catch((teardown: Error) => {
      (err as Error).message += `\n(and cleaning up: ${teardown.message})`;
    });
    throw err;
  }
}

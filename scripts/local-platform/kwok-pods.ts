// A stand-in kubelet for kwok clusters. kwok simulates nodes: it marks pods Running but runs nothing. This
// runs each Running pod of the order-worker chart as a local process from this checkout (the image's content),
// with the pod's own env, so workers really poll the task queues the chart gave them and a rollout's drain,
// routing and metrics are real. Once a process passes its container's readiness probe, the pod is annotated
// and kwok reports it Ready (kwok-stages.ts): `helm upgrade --wait` and a rollout wait for real workers.
// Pods that go away (or start terminating) get SIGTERM, as the kubelet would send. It is test/demo support,
// not part of the product.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { V1Container as Container, V1EnvVar as EnvVar, V1Pod, V1Volume } from '@kubernetes/client-node';
import { KubernetesApiError } from '../../actions/src/adapters/kubernetes-api.js';
import type { KubernetesCluster } from './kubernetes.js';
import { CONTAINER_READY_ANNOTATION } from './kwok-stages.js';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';

/** A pod as this runner needs it: named, with a uid and a spec (the API types leave every field optional). */
interface Pod {
  metadata: { name: string; uid: string; labels: Record<string, string>; deleting: boolean };
  spec: { containers: Container[]; volumes: V1Volume[] };
  phase: string | undefined;
}

function podOf(item: V1Pod): Pod | undefined {
  const { name, uid } = item.metadata ?? {};
  if (!name || !uid || !item.spec) return undefined;
  return {
    metadata: {
      name,
      uid,
      labels: item.metadata?.labels ?? {},
      deleting: !!item.metadata?.deletionTimestamp,
    },
    spec: { containers: item.spec.containers, volumes: item.spec.volumes ?? [] },
    phase: item.status?.phase,
  };
}

/** One pod's container running here. */
export interface PodProcess {
  pod: string;
  uid: string;
  labels: Record<string, string>;
  /** The env the process got (after port and path mapping). */
  env: Record<string, string>;
  /** containerPort name → the local port it listens on (127.0.0.1). */
  ports: Record<string, number>;
  process: ManagedProcess;
  /** When the process was spawned, and when it passed the readiness probe (epoch ms). */
  startedAt: number;
  readyAt: number;
  /** Set once the process has stopped: its exit code. */
  exitCode?: number | null;
}

export interface PodRunnerOptions {
  cluster: KubernetesCluster;
  /** Label selector of the pods to run, e.g. `app.kubernetes.io/name=order-worker`. */
  selector: string;
  /** The image's WORKDIR on this machine: relative container paths resolve here. */
  appRoot?: string;
  /**
   * Instead of one appRoot and env for every pod: the WORKDIR on this machine and the ENV of the pod's own
   * image (e.g. the image's filesystem mounted here, support/image-roots.ts).
   */
  imageRoot?: (image: string) => Promise<{ appRoot: string; env: Record<string, string> }>;
  /** The image's ENTRYPOINT for containers without `command` (relative to appRoot; `node` = this Node). */
  entrypoint: string[];
  /** The image's ENV: every process gets it, under the pod's own env (e.g. WORKFLOW_BUNDLE_PATH for a prebuilt bundle). */
  env?: Record<string, string>;
  /** Where mounted ConfigMaps are written. */
  workdir: string;
  pollMs?: number;
  /** SIGTERM → SIGKILL grace when a pod goes away. */
  stopGraceMs?: number;
  readyTimeoutMs?: number;
  /** Told of every start and stop. */
  log?: (line: string) => void;
  /** Called when a process has started (and is ready) or begins to stop, with what runs now. */
  onChange?: (running: PodProcess[]) => void;
}

export interface PodRunner {
  /** Processes of pods that are Running now. */
  running(): PodProcess[];
  /** Every process this runner started, stopped ones included (with their exit codes). */
  all(): PodProcess[];
  /** One reconcile pass: start what is missing, stop what went away, refresh mounted ConfigMaps. */
  sync(): Promise<void>;
  /** Syncs until `predicate(running())` holds, or throws after `timeoutMs` naming what runs. */
  waitFor(predicate: (running: PodProcess[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Stops the loop and every process. */
  stop(): Promise<void>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export async function startPodRunner(options: PodRunnerOptions): Promise<PodRunner> {
  const { cluster } = options;
  if (cluster.podReadiness !== 'stand-in-kubelet') {
    throw new Error(
      "the stand-in kubelet needs a cluster started with podReadiness: 'stand-in-kubelet' (kwok would report its pods Ready before their processes run)",
    );
  }
  const log = options.log ?? (() => {});
  const processes = new Map<string, PodProcess>();
  const finished: PodProcess[] = [];
  const mounted = new Map<string, string>(); // file → content hash
  /** Uids of the pods annotated ready for kwok (CONTAINER_READY_ANNOTATION). */
  const reportedReady = new Set<string>();
  /** The reconcile passes, one after another; each gives the starts it began. */
  let syncing: Promise<Promise<void>[]> = Promise.resolve([]);
  /** Starts (until ready) and stops (until exited) in flight, by pod uid: each pod's own, as a kubelet runs pods. */
  const starting = new Map<string, Promise<void>>();
  const stopping = new Set<Promise<void>>();
  let stopped = false;
  let loopError: unknown;

  const { api, namespace } = cluster;
  /** A ConfigMap's or a Secret's data; undefined when it does not exist (yet). */
  const dataOf = async (
    kind: 'configmap' | 'secret',
    name = '',
  ): Promise<Record<string, string> | undefined> => {
    try {
      const found = await api.call(`get ${kind} ${name}`, (o) =>
        kind === 'secret'
          ? api.core.readNamespacedSecret({ name, namespace }, o)
          : api.core.readNamespacedConfigMap({ name, namespace }, o),
      );
      return found.data ?? {};
    } catch (error) {
      if (error instanceof KubernetesApiError && error.status === 404) return undefined;
      throw error;
    }
  };

  const resolveValue = async (pod: string, variable: EnvVar): Promise<string> => {
    if (variable.value !== undefined) return variable.value;
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret) {
      const data = (await dataOf('secret', secret.name))?.[secret.key];
      if (data === undefined) throw new Error(`pod ${pod}: secret ${secret.name} has no key ${secret.key}`);
      return Buffer.from(data, 'base64').toString('utf8');
    }
    const map = variable.valueFrom?.configMapKeyRef;
    if (map) {
      const data = (await dataOf('configmap', map.name))?.[map.key];
      if (data === undefined) throw new Error(`pod ${pod}: configmap ${map.name} has no key ${map.key}`);
      return data;
    }
    throw new Error(`pod ${pod}: env ${variable.name} has a source this runner does not support`);
  };

  /** Writes the pod's ConfigMap volumes under workdir; returns mountPath → local folder. */
  const mountConfigMaps = async (pod: Pod, container: Container): Promise<Map<string, string>> => {
    const folders = new Map<string, string>();
    for (const mount of container.volumeMounts ?? []) {
      const volume = pod.spec.volumes?.find((v) => v.name === mount.name);
      if (!volume?.configMap) continue;
      const folder = join(options.workdir, pod.metadata.name, volume.name);
      await mkdir(folder, { recursive: true });
      folders.set(mount.mountPath, folder);
      await refreshConfigMap(volume.configMap.name, folder);
    }
    return folders;
  };

  // Like the kubelet's atomic symlink swap: a new file (new inode) replaces the old one.
  const refreshConfigMap = async (name: string | undefined, folder: string) => {
    const data = await dataOf('configmap', name);
    if (!data) return;
    for (const [key, content] of Object.entries(data)) {
      const file = join(folder, key);
      if (mounted.get(file) === sha(content)) continue;
      await writeFile(`${file}.new`, content);
      await rename(`${file}.new`, file);
      mounted.set(file, sha(content));
    }
  };

  const start = async (pod: Pod): Promise<void> => {
    const [container] = pod.spec.containers;
    if (!container) return;
    const name = pod.metadata.name;
    const folders = await mountConfigMaps(pod, container);
    const ports: Record<string, number> = {};
    const byContainerPort = new Map<string, number>();
    for (const port of container.ports ?? []) {
      const local = await freePort();
      ports[port.name ?? String(port.containerPort)] = local;
      byContainerPort.set(String(port.containerPort), local);
    }
    const image = options.imageRoot
      ? await options.imageRoot(container.image ?? '')
      : { appRoot: options.appRoot, env: {} };
    const appRoot = image.appRoot;
    if (!appRoot) throw new Error(`pod ${name}: the pod runner has neither appRoot nor imageRoot`);
    const env: Record<string, string> = { ...image.env, ...options.env };
    for (const variable of container.env ?? []) {
      let value = await resolveValue(name, variable);
      if (variable.name.endsWith('_PORT') && byContainerPort.has(value))
        value = String(byContainerPort.get(value));
      if (variable.name === 'LISTEN_HOST') value = '127.0.0.1';
      for (const [mountPath, folder] of folders) {
        if (value.startsWith(`${mountPath}/`)) value = join(folder, value.slice(mountPath.length + 1));
      }
      env[variable.name] = value;
    }
    const argv = [...(container.command ?? options.entrypoint), ...(container.args ?? [])];
    const [file, ...args] = argv.map((part, i) =>
      i === 0 && part === 'node'
        ? process.execPath
        : part.includes('/') && !isAbsolute(part)
          ? join(appRoot, part)
          : part,
    );
    if (!file) throw new Error(`pod ${name}: container ${container.name} has no command and no entrypoint`);
    const probe = container.readinessProbe?.httpGet;
    const probePort = probe
      ? typeof probe.port === 'number'
        ? byContainerPort.get(String(probe.port))
        : ports[probe.port]
      : undefined;
    const startedAt = Date.now();
    const child = await startProcess(`pod ${name}`, file, args, {
      cwd: appRoot,
      env,
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      ...(probe && probePort ? { ready: () => httpOk(`http://127.0.0.1:${probePort}${probe.path}`) } : {}),
    });
    const entry: PodProcess = {
      pod: name,
      uid: pod.metadata.uid,
      labels: pod.metadata.labels,
      env,
      ports,
      process: child,
      startedAt,
      readyAt: Date.now(),
    };
    processes.set(pod.metadata.uid, entry);
    void child.exited.then((code) => {
      entry.exitCode = code;
    });
    log(`started pod ${name} (pid ${child.pid})`);
    options.onChange?.([...processes.values()]);
    await reportReady(pod);
  };

  /** The probe passed: kwok turns the pod Ready on this annotation (retried each pass until it is set). */
  const reportReady = async (pod: Pod) => {
    // false: the pod is gone, and its process is stopped next pass.
    if (await api.annotatePod(pod.metadata.name, { [CONTAINER_READY_ANNOTATION]: 'true' })) {
      reportedReady.add(pod.metadata.uid);
    }
  };

  const stopOne = (entry: PodProcess): Promise<void> => {
    processes.delete(entry.uid);
    reportedReady.delete(entry.uid);
    options.onChange?.([...processes.values()]);
    const stopped = (async () => {
      await entry.process.stop(options.stopGraceMs ?? 10_000);
      entry.exitCode = await entry.process.exited;
      finished.push(entry);
      log(`stopped pod ${entry.pod} (exit ${entry.exitCode})`);
    })();
    stopping.add(stopped);
    void stopped.finally(() => stopping.delete(stopped)).catch(() => {});
    return stopped;
  };

  /** Starts a pod's process in the background; a failed start is logged, and retried by a later pass. */
  const startOne = (pod: Pod): Promise<void> => {
    const uid = pod.metadata.uid;
    const started = start(pod).finally(() => starting.delete(uid));
    starting.set(uid, started);
    started.catch((err: unknown) => {
      loopError = err;
      log(`pod runner: ${err instanceof Error ? err.message : String(err)}`);
    });
    return started;
  };

  /** One pass: begins the starts and stops it finds needed, without waiting for them (the starts it returns). */
  const reconcile = async (): Promise<Promise<void>[]> => {
    const list = await api.call(`list pods ${options.selector}`, (o) =>
      api.core.listNamespacedPod({ namespace, labelSelector: options.selector }, o),
    );
    const pods = list.items.flatMap((item) => podOf(item) ?? []);
    const wanted = pods.filter((p) => p.phase === 'Running' && !p.metadata.deleting);
    const wantedUids = new Set(wanted.map((p) => p.metadata.uid));
    const gone = [...processes.values()].filter((e) => !wantedUids.has(e.uid));
    const added = wanted.filter((p) => !processes.has(p.metadata.uid) && !starting.has(p.metadata.uid));
    // Like a kubelet, pod by pod: a pod shutting down (its grace) or starting (until ready) holds up no other.
    for (const entry of gone) void stopOne(entry);
    const starts = added.map(startOne);
    // Only pods whose process started have their mount folders, and are ready.
    for (const pod of wanted.filter((p) => processes.has(p.metadata.uid))) {
      if (!reportedReady.has(pod.metadata.uid)) await reportReady(pod);
      for (const volume of pod.spec.volumes ?? []) {
        if (volume.configMap)
          await refreshConfigMap(
            volume.configMap.name,
            join(options.workdir, pod.metadata.name, volume.name),
          );
      }
    }
    return starts;
  };

  const pass = () => {
    syncing = syncing.then(reconcile, reconcile);
    return syncing;
  };
  /** A pass, then its starts until ready and every stop in flight until exited (rejects if a start failed). */
  const sync = async () => {
    const starts = await pass();
    await Promise.all([...starts, ...stopping]);
  };

  const loop = (async () => {
    while (!stopped) {
      await pass().catch((err: unknown) => {
        loopError = err;
        log(`pod runner: ${err instanceof Error ? err.message : String(err)}`);
      });
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
  })();

  await sync();

  return {
    running: () => [...processes.values()],
    all: () => [...finished, ...processes.values()],
    sync,
    async waitFor(predicate, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await sync();
        if (predicate([...processes.values()])) return;
        if (Date.now() > deadline) {
          const now = [...processes.values()].map((p) => p.pod).join(', ') || 'nothing';
          const last = loopError instanceof Error ? ` (last error: ${loopError.message})` : '';
          throw new Error(
            `pod runner: ${what} did not happen within ${timeoutMs} ms; running: ${now}${last}`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async stop() {
      stopped = true;
      await loop;
      await syncing.catch(() => {});
      await Promise.allSettled(starting.values());
      await Promise.all([...[...processes.values()].map(stopOne), ...stopping]);
    },
  };
}

// A stand-in kubelet for kwok clusters. kwok simulates nodes: it marks pods Running but runs nothing. This
// runs each Running pod of the order-worker chart as a local process from this checkout (the image's content),
// with the pod's own env, so workers really poll the task queues the chart gave them and a rollout's drain,
// routing and metrics are real. Once a process passes its container's readiness probe, the pod is annotated
// and kwok reports it Ready (kwok-stages.ts): `helm upgrade --wait` and a rollout wait for real workers.
// A process that exits on its own is restarted as `restartPolicy: Always` has the kubelet do it: after a
// back-off (10 s, doubling, capped at 5 min; reset once a process ran twice the cap), with the pod not Ready
// and its container waiting in CrashLoopBackOff meanwhile, and its restartCount counting. Pods that go away
// (or start terminating) get SIGTERM, as the kubelet would send, and are not restarted. It is test/demo
// support, not part of the product.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { V1Container as Container, V1EnvVar as EnvVar, V1Pod, V1Volume } from '@kubernetes/client-node';
import { KubernetesApiError } from '../../actions/src/adapters/kubernetes-api.js';
import type { KubernetesCluster } from './kubernetes.js';
import {
  CONTAINER_LAST_EXIT_ANNOTATION,
  CONTAINER_READY_ANNOTATION,
  CONTAINER_RESTARTS_ANNOTATION,
  CONTAINER_WAITING_ANNOTATION,
  CRASH_LOOP_BACK_OFF,
} from './kwok-stages.js';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess, untilReady } from './process.js';

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
  /** When the process was spawned, and when it passed the readiness probe (epoch ms; 0 until it did). */
  startedAt: number;
  readyAt: number;
  /** The container's restart count when this process started: 0 for the pod's first process. */
  restartCount: number;
  /** Set once the process has stopped: its exit code (null when a signal ended it). */
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
  /** The back-off before the first restart of a pod's exited process (the kubelet's 10 s); doubles per restart. */
  restartBackoffMs?: number;
  /** The back-off's cap (the kubelet's 5 min). */
  maxRestartBackoffMs?: number;
  /** Told of every start and stop. */
  log?: (line: string) => void;
  /** Called when a process has started (and is ready), begins to stop or exited, with what runs now. */
  onChange?: (running: PodProcess[]) => void;
}

export interface PodRunner {
  /** Processes of pods that are Running now and passed their readiness probe. */
  running(): PodProcess[];
  /** Every process this runner started, stopped ones included (with their exit codes). */
  all(): PodProcess[];
  /** One reconcile pass: start what is missing, stop what went away, refresh mounted ConfigMaps. Restarts run on their own timers. */
  sync(): Promise<void>;
  /** Syncs until `predicate(running())` holds, or throws after `timeoutMs` naming what runs. */
  waitFor(predicate: (running: PodProcess[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Stops the loop and every process. */
  stop(): Promise<void>;
}

/** How a pod's container is started, each time. */
interface Launch {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  ports: Record<string, number>;
  /** The readiness probe's URL on 127.0.0.1, when the container has an httpGet one. */
  probeUrl: string | undefined;
}

/** What the pod's annotations are to say of its container (kwok-stages.ts). */
interface ContainerReport {
  ready: boolean;
  /** Why the container waits (CrashLoopBackOff); unset while a process runs. */
  waiting?: string;
}

/** A pod this runner runs, from its first start until it went away. */
interface RunPod {
  pod: Pod;
  /** Set once prepared; each (re)start runs it. */
  launch?: Launch;
  /** The pod's process from spawn until it exited. */
  current?: PodProcess;
  restarts: number;
  /** The exit code (128 + signal number for a signal) of its last process that exited on its own. */
  lastExit?: number;
  /** The back-off before the next restart. */
  backoffMs: number;
  restartTimer?: NodeJS.Timeout;
  /** What the pod's annotations are to say of its container. */
  status: ContainerReport;
  /** Whether the API server has `status`; `reporting` chains the writes. */
  reported: boolean;
  reporting: Promise<void>;
  /** The pod went away: nothing is restarted or reported any more. */
  removed: boolean;
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
  const firstBackoffMs = options.restartBackoffMs ?? 10_000;
  const maxBackoffMs = options.maxRestartBackoffMs ?? 300_000;
  /** The pods this runner runs, by uid, from their first start until they went away. */
  const pods = new Map<string, RunPod>();
  /** Processes that passed their readiness probe and still run, by pod uid. */
  const processes = new Map<string, PodProcess>();
  const finished: PodProcess[] = [];
  /** Processes this runner stops itself: their exit is no crash. */
  const stoppedOnPurpose = new WeakSet<PodProcess>();
  const mounted = new Map<string, string>(); // file → content hash
  /** The reconcile passes, one after another; each gives the starts it began. */
  let syncing: Promise<Promise<void>[]> = Promise.resolve([]);
  /** Starts and restarts (until ready or failed) and stops (until exited) in flight, by pod uid: each pod's own, as a kubelet runs pods. */
  const starting = new Map<string, Promise<void>>();
  const stopping = new Set<Promise<void>>();
  let stopped = false;
  let loopError: unknown;
  const failed = (err: unknown) => {
    loopError = err;
    log(`pod runner: ${err instanceof Error ? err.message : String(err)}`);
  };

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

  /** Mounts, ports, env and command of a pod's container: once per pod, its restarts run the same. */
  const prepare = async (pod: Pod): Promise<Launch | undefined> => {
    const [container] = pod.spec.containers;
    if (!container) return undefined;
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
    const probeUrl = probe && probePort ? `http://127.0.0.1:${probePort}${probe.path}` : undefined;
    return { file, args, cwd: appRoot, env, ports, probeUrl };
  };

  /**
   * Has the pod's annotations say `container` (kwok turns them into the pod's status, kwok-stages.ts). Writes
   * one after another per pod; one that fails is retried by the next pass.
   */
  const report = (run: RunPod, container: ContainerReport): Promise<void> => {
    run.status = container;
    run.reported = false;
    run.reporting = run.reporting.then(async () => {
      const wanted = run.status;
      if (run.reported || run.removed) return;
      const annotations = {
        [CONTAINER_READY_ANNOTATION]: String(wanted.ready),
        [CONTAINER_RESTARTS_ANNOTATION]: String(run.restarts),
        [CONTAINER_WAITING_ANNOTATION]: wanted.waiting ?? '',
        [CONTAINER_LAST_EXIT_ANNOTATION]: run.lastExit === undefined ? '' : String(run.lastExit),
      };
      try {
        // false: the pod is gone, and its process is stopped next pass.
        await api.annotatePod(run.pod.metadata.name, annotations);
        if (run.status === wanted) run.reported = true;
      } catch (err) {
        failed(err);
      }
    });
    return run.reporting;
  };

  /** Spawns the pod's process; once it passed its readiness probe, it runs and the pod is reported ready. */
  const runProcess = async (run: RunPod, how: Launch): Promise<void> => {
    const name = run.pod.metadata.name;
    const startedAt = Date.now();
    const child = await startProcess(`pod ${name}`, how.file, how.args, {
      cwd: how.cwd,
      env: how.env,
    });
    const entry: PodProcess = {
      pod: name,
      uid: run.pod.metadata.uid,
      labels: run.pod.metadata.labels,
      env: how.env,
      ports: how.ports,
      process: child,
      startedAt,
      readyAt: 0,
      restartCount: run.restarts,
    };
    run.current = entry;
    void child.exited.then((code) => exitedOn(run, entry, code));
    // The pod went away while this started: nothing is to run for it.
    if (run.removed || stopped) return stopOne(entry);
    log(`started pod ${name} (pid ${child.pid}${run.restarts ? `, restart ${run.restarts}` : ''})`);
    if (how.probeUrl) {
      const url = how.probeUrl;
      try {
        await untilReady(child, () => httpOk(url), options.readyTimeoutMs ?? 30_000);
      } catch (err) {
        // It exited, or was stopped for never getting ready: its exit restarts it after a back-off.
        failed(err);
        return;
      }
    }
    if (run.current !== entry || entry.exitCode !== undefined || stoppedOnPurpose.has(entry)) return;
    entry.readyAt = Date.now();
    processes.set(entry.uid, entry);
    options.onChange?.([...processes.values()]);
    await report(run, { ready: true });
  };

  /** A process exited: unless this runner stopped it, the container is restarted after its back-off. */
  const exitedOn = (run: RunPod, entry: PodProcess, code: number | null) => {
    entry.exitCode = code;
    if (run.current === entry) run.current = undefined;
    if (stoppedOnPurpose.has(entry)) return;
    if (processes.get(entry.uid) === entry) processes.delete(entry.uid);
    finished.push(entry);
    options.onChange?.([...processes.values()]);
    if (run.removed || stopped) return;
    // As the kubelet: a process that ran long enough starts the back-off over.
    if (Date.now() - entry.startedAt >= 2 * maxBackoffMs) run.backoffMs = firstBackoffMs;
    const delay = run.backoffMs;
    run.backoffMs = Math.min(delay * 2, maxBackoffMs);
    const signal = entry.process.signal();
    run.lastExit = code ?? 128 + (signal ? constants.signals[signal] : 0);
    run.restarts += 1;
    log(
      `pod ${entry.pod}: pid ${entry.process.pid} exited (${code ?? signal}); restart ${run.restarts} in ${delay} ms`,
    );
    void report(run, { ready: false, waiting: CRASH_LOOP_BACK_OFF });
    run.restartTimer = setTimeout(() => {
      run.restartTimer = undefined;
      if (run.removed || stopped || !run.launch) return;
      const prepared = run.launch;
      inFlight(
        run,
        report(run, { ready: false }).then(() => runProcess(run, prepared)),
      );
    }, delay);
  };

  /** Tracks a pod's start until ready or failed; a failure is logged (and fails sync()). */
  const inFlight = (run: RunPod, started: Promise<void>): Promise<void> => {
    const uid = run.pod.metadata.uid;
    const tracked = started.finally(() => {
      if (starting.get(uid) === tracked) starting.delete(uid);
    });
    starting.set(uid, tracked);
    tracked.catch(failed);
    return tracked;
  };

  const stopOne = (entry: PodProcess): Promise<void> => {
    stoppedOnPurpose.add(entry);
    if (processes.get(entry.uid) === entry) processes.delete(entry.uid);
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

  /** The pod went away: its process is stopped, and neither restarted nor reported any more. */
  const stopPod = (run: RunPod): Promise<void> => {
    run.removed = true;
    if (run.restartTimer) clearTimeout(run.restartTimer);
    pods.delete(run.pod.metadata.uid);
    return run.current ? stopOne(run.current) : Promise.resolve();
  };

  /** Starts a pod's process in the background; a failed preparation is logged, and retried by a later pass. */
  const startOne = (pod: Pod): Promise<void> => {
    const run: RunPod = {
      pod,
      restarts: 0,
      backoffMs: firstBackoffMs,
      status: { ready: false },
      reported: true,
      reporting: Promise.resolve(),
      removed: false,
    };
    pods.set(pod.metadata.uid, run);
    return inFlight(
      run,
      (async () => {
        try {
          run.launch = await prepare(pod);
        } catch (err) {
          if (pods.get(pod.metadata.uid) === run) pods.delete(pod.metadata.uid);
          throw err;
        }
        if (run.launch && !run.removed) await runProcess(run, run.launch);
      })(),
    );
  };

  /** One pass: begins the starts and stops it finds needed, without waiting for them (the starts it returns). */
  const reconcile = async (): Promise<Promise<void>[]> => {
    const list = await api.call(`list pods ${options.selector}`, (o) =>
      api.core.listNamespacedPod({ namespace, labelSelector: options.selector }, o),
    );
    const listed = list.items.flatMap((item) => podOf(item) ?? []);
    const wanted = listed.filter((p) => p.phase === 'Running' && !p.metadata.deleting);
    const wantedUids = new Set(wanted.map((p) => p.metadata.uid));
    const gone = [...pods.values()].filter((run) => !wantedUids.has(run.pod.metadata.uid));
    const added = wanted.filter((p) => !pods.has(p.metadata.uid));
    // Like a kubelet, pod by pod: a pod shutting down (its grace) or starting (until ready) holds up no other.
    for (const run of gone) void stopPod(run);
    const starts = added.map(startOne);
    // Only pods prepared have their mount folders; a report that failed is written again.
    for (const pod of wanted) {
      const run = pods.get(pod.metadata.uid);
      if (!run?.launch) continue;
      if (!run.reported) await report(run, run.status);
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
      await pass().catch(failed);
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
      for (const run of pods.values()) if (run.restartTimer) clearTimeout(run.restartTimer);
      await Promise.allSettled(starting.values());
      await Promise.all([...[...pods.values()].map(stopPod), ...stopping]);
    },
  };
}

import { join } from 'node:path';
import { execa } from 'execa';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

export interface BuildahStore {
  /** Global flags that point buildah at this store: storage driver, temp root and runroot. */
  globalArgs: string[];
  /** Runs buildah with the store's global flags. */
  run(args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/** vfs works as root anywhere (no overlay, no fuse); overlay needs a kernel that mounts overlayfs. */
export type StorageDriver = 'vfs' | 'overlay';

/** A throwaway buildah storage root, with the vfs driver unless told otherwise. */
export async function buildahStore(driver: StorageDriver = 'vfs'): Promise<BuildahStore> {
  const dir = await tempDir('buildah');
  const globalArgs = [
    '--root',
    join(dir.path, 'root'),
    '--runroot',
    join(dir.path, 'runroot'),
    '--storage-driver',
    driver,
  ];
  const buildah = tool('buildah');
  return {
    globalArgs,
    async run(args) {
      const { stdout } = await execa(buildah, [...globalArgs, ...args], {
        env: { BUILDAH_ISOLATION: 'chroot' },
      });
      return stdout;
    },
    async remove() {
      // vfs layers can hold read-only directories; buildah knows how to delete its own store.
      await execa(buildah, [...globalArgs, 'rm', '--all'], { reject: false });
      await execa(buildah, [...globalArgs, 'rmi', '--all', '--force'], { reject: false });
      await dir.remove();
    },
  };
}

export interface WorkerInContainer {
  process: ManagedProcess;
  healthPort: number;
  metricsPort: number;
}

/**
 * Runs the order worker of an image's working container (`buildah run … node worker/dist/main.js`) with its
 * health and metrics endpoints on free loopback ports, and resolves once /ready answers.
 */
export async function startWorkerInContainer(
  store: BuildahStore,
  container: string,
  env: Record<string, string>,
): Promise<WorkerInContainer> {
  const [healthPort, metricsPort] = [await freePort(), await freePort()];
  const all = {
    ...env,
    HEALTH_PORT: String(healthPort),
    METRICS_PORT: String(metricsPort),
    LISTEN_HOST: '127.0.0.1',
  };
  const process = await startProcess(
    'worker-in-image',
    tool('buildah'),
    [
      ...store.globalArgs,
      'run',
      '--isolation',
      'chroot',
      ...Object.entries(all).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
      container,
      '--',
      'node',
      'worker/dist/main.js',
    ],
    { ready: () => httpOk(`http://127.0.0.1:${healthPort}/ready`), readyTimeoutMs: 180_000 },
  );
  return { process, healthPort, metricsPort };
}

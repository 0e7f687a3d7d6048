import { join } from 'node:path';
import { execa } from 'execa';
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

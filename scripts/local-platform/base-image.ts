// A small Node base image made from this machine's files, because no public base image is reachable here:
// the bootstrapped Node 24 binary, the glibc and libstdc++ it links, dash as /bin/sh, and a passwd with an
// unprivileged `node` user (uid 1000, as in the official node images). Built once per key and cached as an
// OCI archive that buildah reads with BASE_IMAGE=oci-archive:<path>.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { cacheRoot } from '../tool-paths.mjs';
import { type BuildahStore, buildahStore } from './buildah.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

/** Bump when the recipe changes, so the cache key changes. */
const RECIPE = 2;
/** glibc pieces loaded without showing in `ldd node`: the Temporal core bridge links librt, DNS uses libresolv. */
const EXTRA_LIBS = ['librt.so.1', 'libresolv.so.2'];

export interface BaseImage {
  /** The value for the BASE_IMAGE build arg: `oci-archive:<path>`. */
  ref: string;
  archive: string;
  /** true when this call built it, false when it came from the cache. */
  built: boolean;
}

async function sharedLibraries(binaries: string[]): Promise<string[]> {
  const libs = new Set<string>();
  for (const binary of binaries) {
    const { stdout } = await execa('ldd', [binary]);
    for (const line of stdout.split('\n')) {
      const match = /(\/\S+)\s+\(0x[0-9a-f]+\)$/.exec(line.trim());
      if (match?.[1]) libs.add(match[1]);
    }
  }
  const libc = [...libs].find((lib) => lib.endsWith('/libc.so.6'));
  if (!libc) throw new Error(`ldd found no libc for ${binaries.join(', ')}`);
  for (const name of EXTRA_LIBS) {
    const path = join(dirname(libc), name);
    if (existsSync(path)) libs.add(path);
  }
  return [...libs].sort();
}

async function cacheKey(files: string[]): Promise<string> {
  const hash = createHash('sha256').update(`recipe ${RECIPE}\n`);
  for (const file of files) {
    const info = await stat(file);
    hash.update(`${file} ${info.size} ${info.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function writeRootfs(rootfs: string, node: string, libs: string[]): Promise<void> {
  const put = async (source: string, target: string, mode = 0o755) => {
    await mkdir(join(rootfs, dirname(target)), { recursive: true });
    // copyFile follows symlinks, so /lib64/ld-linux-x86-64.so.2 becomes the real loader.
    await copyFile(source, join(rootfs, target));
    await chmod(join(rootfs, target), mode);
  };
  await put(node, '/usr/local/bin/node');
  // The release binary carries its debug info and symbol table: 4-5 MB of the image, compressed. Addons such as
  // the Temporal core bridge link against the dynamic symbol table, which strip keeps.
  await execa(tool('strip'), ['--strip-all', join(rootfs, '/usr/local/bin/node')]);
  await put('/bin/dash', '/bin/sh');
  for (const lib of libs) await put(lib, lib);
  await mkdir(join(rootfs, 'etc'), { recursive: true });
  await writeFile(
    join(rootfs, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\n' +
      'nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n',
  );
  await writeFile(join(rootfs, 'etc/group'), 'root:x:0:\nnode:x:1000:\nnogroup:x:65534:\n');
  await writeFile(join(rootfs, 'etc/hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  await writeFile(join(rootfs, 'etc/nsswitch.conf'), 'passwd: files\ngroup: files\nhosts: files dns\n');
  for (const dir of ['tmp', 'root', 'home/node']) await mkdir(join(rootfs, dir), { recursive: true });
  await chmod(join(rootfs, 'tmp'), 0o1777);
}

/**
 * The OCI archive `<cache>/<prefix>-<key>/<file>`, built by `build` (given a working container from scratch and a
 * temp dir) when the cache has none for this key.
 */
async function cachedArchive(
  prefix: string,
  file: string,
  key: string,
  build: (store: BuildahStore, container: string, work: string) => Promise<string>,
): Promise<BaseImage> {
  const dir = join(cacheRoot(), `${prefix}-${key}`);
  const archive = join(dir, file);
  if (existsSync(archive)) return { ref: `oci-archive:${archive}`, archive, built: false };
  const work = await tempDir(prefix);
  const store = await buildahStore();
  try {
    const container = (await store.run(['from', 'scratch'])).trim();
    const readme = await build(store, container, work.path);
    await mkdir(dir, { recursive: true });
    // Written next to the final name and renamed, so a concurrent reader never sees half an archive.
    const partial = `${archive}.${process.pid}.partial`;
    await store.run(['commit', '--timestamp', '0', '--format', 'oci', container, `oci-archive:${partial}`]);
    await rename(partial, archive);
    await writeFile(join(dir, 'README'), readme);
    return { ref: `oci-archive:${archive}`, archive, built: true };
  } finally {
    await store.remove();
    await work.remove();
  }
}

/** The cached base image, building it first when the cache has none for this machine's Node and libraries. */
export async function nodeBaseImage(): Promise<BaseImage> {
  const node = tool('node24');
  const libs = await sharedLibraries([node, '/bin/dash']);
  const key = await cacheKey([node, '/bin/dash', ...libs]);
  return cachedArchive('base-image', 'node-base.oci.tar', key, async (store, container, work) => {
    const nodeVersion = (await execa(node, ['--version'])).stdout.trim().replace(/^v/, '');
    const rootfs = join(work, 'rootfs');
    await writeRootfs(rootfs, node, libs);
    await store.run(['copy', container, `${rootfs}/`, '/']);
    // buildah copy applies its own ownership and modes; /tmp must stay world-writable and sticky.
    await store.run([
      'run',
      '--isolation',
      'chroot',
      container,
      '--',
      '/usr/local/bin/node',
      '-e',
      "require('fs').chmodSync('/tmp', 0o1777)",
    ]);
    await store.run([
      'config',
      '--env',
      'PATH=/usr/local/bin:/usr/bin:/bin',
      '--env',
      `NODE_VERSION=${nodeVersion}`,
      '--cmd',
      '["node"]',
      '--label',
      `org.opencontainers.image.title=temporal-rollout test base (node ${nodeVersion})`,
      container,
    ]);
    return `node ${nodeVersion}; libraries:\n${libs.join('\n')}\n`;
  });
}

/**
 * A stand-in for the public helm image the controller's Containerfile copies helm from (HELM_IMAGE, e.g.
 * alpine/helm): only `/usr/bin/helm`, the bootstrap's static build of the version tools/versions.json pins,
 * stripped as Helm's release builds are (`-ldflags '-s -w'`).
 */
export async function helmImage(): Promise<BaseImage> {
  const helm = tool('helm');
  const key = await cacheKey([helm]);
  return cachedArchive('helm-image', 'helm.oci.tar', key, async (store, container, work) => {
    const stripped = join(work, 'helm');
    await execa(tool('strip'), ['--strip-all', '-o', stripped, helm]);
    await store.run(['copy', '--chmod', '0755', container, stripped, '/usr/bin/helm']);
    await store.run(['config', '--entrypoint', '["/usr/bin/helm"]', container]);
    return `helm from ${helm}\n`;
  });
}

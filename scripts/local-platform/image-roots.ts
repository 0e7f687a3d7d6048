// What the kwok stand-in kubelet (kwok-pods.ts) runs for a pod whose image was really built and pushed: kwok has
// no container runtime, so each image is pulled from the registry into a throwaway buildah store and its
// filesystem mounted here; the pod's process is the image's own files (its compiled worker, its staged
// node_modules, its prebuilt workflow bundle) run by this machine's Node, on the host network, as this user,
// not the image's Node inside a chroot as the image's USER. A wrong build (code, dependencies, bundle) shows;
// the image's base layer (its Node and libc) is not what runs.
import { join } from 'node:path';
import { type BuildahStore, buildahStore } from './buildah.js';

interface ImageConfig {
  OCIv1?: { config?: { Env?: string[]; WorkingDir?: string } };
}

export interface ImageRoots {
  /** The mounted WORKDIR and ENV of `image` (pulled and mounted on first use). */
  root(image: string): Promise<{ appRoot: string; env: Record<string, string> }>;
  /** The images mounted so far. */
  images(): string[];
  remove(): Promise<void>;
}

/** The image's ENV, with values that are paths inside the image pointed at the mounted filesystem. */
function mountedEnv(env: string[], mount: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of env) {
    const at = entry.indexOf('=');
    const [key, value] = [entry.slice(0, at), entry.slice(at + 1)];
    // The host's PATH and HOME stay: the process is this machine's Node.
    if (at <= 0 || key === 'PATH' || key === 'HOME') continue;
    result[key] = value.startsWith('/') && !value.includes(':') ? join(mount, value) : value;
  }
  return result;
}

/** Pulls over TLS trusting `caFile` (the test registry's self-signed certificate). */
export async function imageRoots(options: { caFile: string }): Promise<ImageRoots> {
  const store: BuildahStore = await buildahStore();
  const mounted = new Map<string, Promise<{ appRoot: string; env: Record<string, string> }>>();
  const certDir = join(options.caFile, '..');
  const mount = async (image: string) => {
    const container = (await store.run(['from', '--quiet', '--cert-dir', certDir, image])).trim();
    const root = (await store.run(['mount', container])).trim();
    const config = JSON.parse(await store.run(['inspect', '--type', 'container', container])) as ImageConfig;
    const workdir = config.OCIv1?.config?.WorkingDir || '/';
    return { appRoot: join(root, workdir), env: mountedEnv(config.OCIv1?.config?.Env ?? [], root) };
  };
  return {
    root(image) {
      if (!image) return Promise.reject(new Error('the pod names no image'));
      let found = mounted.get(image);
      if (!found) {
        found = mount(image);
        mounted.set(image, found);
      }
      return found;
    },
    images: () => [...mounted.keys()],
    async remove() {
      await store.run(['umount', '--all']).catch(() => undefined);
      await store.remove();
    },
  };
}

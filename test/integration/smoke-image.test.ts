import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildahStore, buildahStore } from '../../scripts/local-platform/buildah.js';
import { type OciRegistry, startRegistry } from '../../scripts/local-platform/registry.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';

describe('buildah → registry → skopeo', () => {
  let registry: OciRegistry;
  let store: BuildahStore;
  let context: TempDir;

  beforeAll(async () => {
    [registry, store, context] = await Promise.all([startRegistry(), buildahStore(), tempDir('context')]);
  });
  afterAll(async () => {
    await Promise.all([registry?.stop(), store?.remove(), context?.remove()]);
  });

  it('builds FROM scratch, pushes, and reads back the same digest and label', async () => {
    await writeFile(join(context.path, 'hello.txt'), 'hello from temporal-rollout\n');
    await writeFile(
      join(context.path, 'Containerfile'),
      'FROM scratch\nCOPY hello.txt /hello.txt\nLABEL org.opencontainers.image.title=smoke\n',
    );
    await store.run([
      'build',
      '--isolation',
      'chroot',
      '-t',
      'localhost/smoke:1',
      '-f',
      'Containerfile',
      context.path,
    ]);
    const digestFile = join(context.path, 'digest');
    const ref = `${registry.host}/smoke:1`;
    await store.run([
      'push',
      '--tls-verify=false',
      '--digestfile',
      digestFile,
      'localhost/smoke:1',
      `docker://${ref}`,
    ]);
    const pushedDigest = (await readFile(digestFile, 'utf8')).trim();
    expect(pushedDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const { stdout } = await execa(tool('skopeo'), ['inspect', '--tls-verify=false', `docker://${ref}`]);
    const inspected = JSON.parse(stdout) as { Digest: string; Labels: Record<string, string> };
    expect(inspected.Digest).toBe(pushedDigest);
    expect(inspected.Labels['org.opencontainers.image.title']).toBe('smoke');
  });
});

// The build step against real buildah, the real local registry and skopeo: the worker image from
// worker/Containerfile on a throwaway git repository holding the worker's compiled code, tagged v1.4.0.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../actions/src/core/errors.js';
import { OCI } from '../../actions/src/core/oci-labels.js';
import { type BuildInputs, type BuildResult, runBuild } from '../../actions/src/steps/build.js';
import { type BaseImage, nodeBaseImage } from '../../scripts/local-platform/base-image.js';
import {
  type BuildahStore,
  buildahStore,
  startWorkerInContainer,
} from '../../scripts/local-platform/buildah.js';
import { httpOk } from '../../scripts/local-platform/process.js';
import { type OciRegistry, startRegistry } from '../../scripts/local-platform/registry.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { git, WORKER_REPO_COMMIT_TIME, workerRepo } from '../support/worker-repo.js';

const COMMIT_EPOCH = Date.parse(WORKER_REPO_COMMIT_TIME) / 1000;
const BUILD_TIMEOUT = 600_000;

interface Inspected {
  Digest: string;
  Labels: Record<string, string>;
  Created: string;
}

async function skopeo(args: string[]): Promise<string> {
  return (await execa(tool('skopeo'), args)).stdout;
}

describe('build step: worker image with buildah, pushed to a real registry', () => {
  let registry: OciRegistry;
  let store: BuildahStore;
  let repo: TempDir;
  let base: BaseImage;
  let sha: string;
  let first: BuildResult;
  let image: string;
  const logs: string[] = [];

  const inputs = (overrides: Partial<BuildInputs> = {}): BuildInputs => ({
    repoDir: repo.path,
    image,
    ref: 'refs/tags/v1.4.0',
    compile: false,
    builder: 'buildah',
    builderOptions: { binary: tool('buildah'), globalArgs: store.globalArgs },
    isolation: 'chroot',
    buildArgs: { BASE_IMAGE: base.ref },
    tlsVerify: false,
    credentials: { username: 'ci', password: 'hunter2-registry-password' },
    skopeo: tool('skopeo'),
    log: (line) => logs.push(line),
    ...overrides,
  });

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'worker/dist/main.js'))) {
      await execa('npm', ['run', 'build', '--workspace=worker'], { cwd: repoRoot });
    }
    [registry, store, repo] = await Promise.all([startRegistry(), buildahStore(), tempDir('build-repo')]);
    base = await nodeBaseImage();
    sha = await workerRepo(repo.path);
    image = `${registry.host}/acme/order-worker`;
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await Promise.all([registry?.stop(), store?.remove(), repo?.remove()]);
  });

  it(
    'builds v1.4.0 and pushes every tag; skopeo reads back the same digest, labels and annotations',
    async () => {
      const started = Date.now();
      first = await runBuild(inputs());
      console.log(
        `[build] cold build+push: ${Date.now() - started} ms (base image built now: ${base.built})`,
      );

      expect(first.reused).toBe(false);
      expect(first.pushed).toBe(true);
      expect(first.version).toBe('1.4.0');
      expect(first.tags).toEqual(['1.4.0', '1.4', '1', 'latest', `sha-${sha.slice(0, 7)}`]);
      expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(first.imageRef).toBe(`${image}@${first.digest}`);
      expect(first.taskQueue).toBe('order-task-queue-v1');
      expect(first.labels).toMatchObject({
        [OCI.revision]: sha,
        [OCI.version]: '1.4.0',
        [OCI.created]: WORKER_REPO_COMMIT_TIME.replace('.000', ''),
        [OCI.source]: 'https://github.com/acme/orders',
        [OCI.title]: 'order-worker',
        [OCI.licenses]: 'MIT',
      });
      expect(first.labels[OCI.description]).toBeTruthy();
      expect(logs.join('\n')).not.toContain('hunter2');
      expect(JSON.stringify(first)).not.toContain('hunter2');
      expect(JSON.stringify(first)).not.toContain('s3cret');

      for (const ref of first.refs) {
        const inspected = JSON.parse(
          await skopeo(['inspect', '--tls-verify=false', `docker://${ref}`]),
        ) as Inspected;
        expect(inspected.Digest, ref).toBe(first.digest);
        for (const [key, value] of Object.entries(first.labels))
          expect(inspected.Labels[key], key).toBe(value);
        expect(Date.parse(inspected.Created) / 1000).toBe(COMMIT_EPOCH);
      }
      const manifest = JSON.parse(
        await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${first.imageRef}`]),
      ) as { annotations?: Record<string, string>; layers?: { size: number }[] };
      expect(manifest.annotations).toMatchObject(first.labels);
      const config = JSON.parse(
        await skopeo(['inspect', '--config', '--tls-verify=false', `docker://${first.imageRef}`]),
      ) as { config: { User: string; Entrypoint: string[] } };
      expect(config.config.User).toBe('10001:10001');
      expect(config.config.Entrypoint).toEqual(['node', 'worker/dist/main.js']);

      const compressed = (manifest.layers ?? []).reduce((sum, layer) => sum + layer.size, 0);
      console.log(
        `[build] image ${first.imageRef}: ${(compressed / 1e6).toFixed(1)} MB compressed in ${(manifest.layers ?? []).length} layers`,
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    'runs: the image starts the worker, which reports a config error, and connects to a dev server',
    async () => {
      const container = (await store.run(['from', '--tls-verify=false', first.imageRef!])).trim();
      // A bad setting: the worker names it and exits non-zero.
      const runBad = () =>
        execa(
          tool('buildah'),
          [
            ...store.globalArgs,
            'run',
            '--isolation',
            'chroot',
            '--env',
            'METRICS_PORT=not-a-port',
            container,
            '--',
            'node',
            'worker/dist/main.js',
          ],
          { reject: false, all: true },
        );
      // buildah 1.28's chroot run can lose the output of a process that exits at once (seen once in a full run:
      // exit status 2, the config error's code, with nothing it wrote): up to 3 runs to read the message.
      let bad = await runBad();
      for (let attempt = 2; attempt <= 3 && !/METRICS_PORT/.test(bad.all ?? ''); attempt++)
        bad = await runBad();
      expect(bad.exitCode).not.toBe(0);
      expect(bad.all).toMatch(/METRICS_PORT/);

      // The real thing: the worker from the image polls a dev server and says it is ready.
      let temporal: TemporalDevServer | undefined;
      try {
        temporal = await startTemporal();
        const worker = await startWorkerInContainer(store, container, { TEMPORAL_ADDRESS: temporal.address });
        try {
          expect(await httpOk(`http://127.0.0.1:${worker.metricsPort}/metrics`)).toBe(true);
          // The user inside is the image's, not root.
          const who = await store.run([
            'run',
            '--isolation',
            'chroot',
            container,
            '--',
            'node',
            '-p',
            'process.getuid()',
          ]);
          expect(who.trim()).toBe('10001');
        } finally {
          await worker.process.stop(15_000);
        }

        // The image carries no bundler: webpack is the stub, and a worker told to bundle at start (the baked-in
        // WORKFLOW_BUNDLE_PATH emptied) fails naming why instead of half-starting.
        const stub = await store.run([
          'run',
          '--isolation',
          'chroot',
          container,
          '--',
          'node',
          '-p',
          "require('webpack/package.json').version + ' ' + require('node:fs').existsSync('node_modules/@swc')",
        ]);
        expect(stub.trim()).toBe('0.0.0-stub false');
        const bundling = await execa(
          tool('buildah'),
          [
            ...store.globalArgs,
            'run',
            '--isolation',
            'chroot',
            ...['--env', `TEMPORAL_ADDRESS=${temporal.address}`, '--env', 'WORKFLOW_BUNDLE_PATH='],
            ...['--env', 'HEALTH_PORT=0', '--env', 'METRICS_PORT=0'],
            container,
            '--',
            'node',
            'worker/dist/main.js',
          ],
          { reject: false, all: true, timeout: 120_000 },
        );
        expect(bundling.exitCode).toBe(1);
        expect(bundling.all).toMatch(/is not installed in this image: the workflows were bundled/);
      } finally {
        await temporal?.teardown();
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    'a re-run of the same commit finds the image in the registry and does not rebuild',
    async () => {
      const started = Date.now();
      const again = await runBuild(inputs());
      console.log(`[build] re-run with the image already pushed: ${Date.now() - started} ms`);
      expect(again.reused).toBe(true);
      expect(again.digest).toBe(first.digest);
      expect(again.tags).toEqual(first.tags);
    },
    BUILD_TIMEOUT,
  );

  it(
    'a forced rebuild of the same commit in a fresh store gives the same digest (reproducible)',
    async () => {
      const fresh = await buildahStore();
      try {
        const started = Date.now();
        const again = await runBuild(
          inputs({ force: true, builderOptions: { binary: tool('buildah'), globalArgs: fresh.globalArgs } }),
        );
        console.log(
          `[build] forced rebuild in a fresh store: ${Date.now() - started} ms, digest ${again.digest}`,
        );
        console.log(`[build] reproducible: ${again.digest === first.digest}`);
        expect(again.reused).toBe(false);
        expect(again.digest).toBe(first.digest);
      } finally {
        await fresh.remove();
      }
    },
    BUILD_TIMEOUT,
  );

  it('refuses a tag that is not semver before building anything', async () => {
    await git(repo.path, ['tag', 'release-2026']);
    await expect(runBuild(inputs({ ref: 'refs/tags/release-2026' }))).rejects.toThrow(InputError);
    await expect(runBuild(inputs({ ref: 'refs/tags/release-2026' }))).rejects.toThrow(
      /not a semantic version/,
    );
  });

  it('refuses an image name with a tag', async () => {
    await expect(runBuild(inputs({ image: `${image}:1.4.0` }))).rejects.toThrow(/not an image repository/);
  });
});

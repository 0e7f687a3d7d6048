// The rollout controller's image (controller/Containerfile), built through the build step as the release workflow
// builds it (workspace controller, config none) with real buildah (vfs, chroot) on the Node base made from this
// machine's files and helm from the bootstrap's build, pushed to a real registry on 127.0.0.1, then run: the image's
// entry point with the chart's own args and mounts polls task queue temporal-rollout on a Temporal dev server.
import { readdirSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { OCI } from '../../actions/src/core/oci-labels.js';
import { type BuildInputs, type BuildResult, runBuild } from '../../actions/src/steps/build.js';
import { type BaseImage, helmImage, nodeBaseImage } from '../../scripts/local-platform/base-image.js';
import { type BuildahStore, buildahStore } from '../../scripts/local-platform/buildah.js';
import { type ManagedProcess, startProcess } from '../../scripts/local-platform/process.js';
import { type OciRegistry, startRegistry } from '../../scripts/local-platform/registry.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { commitAndTag } from '../support/worker-repo.js';

const BUILD_TIMEOUT = 900_000;
const TASK_QUEUE = 'temporal-rollout';

interface ImageConfig {
  config: { User: string; Entrypoint: string[]; Cmd: string[]; Env: string[]; WorkingDir: string };
}
interface Manifest {
  layers: { size: number }[];
  annotations?: Record<string, string>;
}
interface Container {
  command?: string[];
  args: string[];
  env: { name: string; value?: string }[];
  volumeMounts: { name: string; mountPath: string; subPath?: string }[];
}

/**
 * The repository the build step sees: package files, the controller workspace with its compiled dist, and the
 * order worker's rollout.yaml (as in this repository: `config: none` keeps it out of the controller's image), a tag.
 */
async function controllerRepo(dir: string): Promise<string> {
  await execa('npm', ['run', 'build', '--workspace', 'controller'], { cwd: repoRoot });
  for (const path of [
    'package.json',
    'package-lock.json',
    'rollout.yaml',
    'controller/package.json',
    'controller/Containerfile',
  ]) {
    await cp(join(repoRoot, path), join(dir, path));
  }
  await cp(join(repoRoot, 'controller/dist'), join(dir, 'controller/dist'), { recursive: true });
  return commitAndTag(dir, 'https://github.com/temporal-rollout/temporal-rollout.git', ['v0.1.0']);
}

/** Files named `name` anywhere under `root`. */
function filesNamed(root: string, name: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.name === name && !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the rollout controller image: built, pushed, and polling temporal-rollout', () => {
  let registry: OciRegistry;
  let store: BuildahStore;
  let repo: TempDir;
  let work: TempDir;
  let base: BaseImage;
  let helm: BaseImage;
  let first: BuildResult;
  let image: string;

  const inputs = (overrides: Partial<BuildInputs> = {}): BuildInputs => ({
    repoDir: repo.path,
    image,
    configPath: 'none',
    workspace: 'controller',
    containerfile: 'controller/Containerfile',
    ref: 'refs/tags/v0.1.0',
    compile: false,
    builder: 'buildah',
    builderOptions: { binary: tool('buildah'), globalArgs: store.globalArgs },
    isolation: 'chroot',
    buildArgs: { BASE_IMAGE: base.ref, HELM_IMAGE: helm.ref },
    tlsVerify: false,
    skopeo: tool('skopeo'),
    ...overrides,
  });
  const inspect = async <T>(what: '--config' | '--raw'): Promise<T> =>
    JSON.parse(
      (await execa(tool('skopeo'), ['inspect', what, '--tls-verify=false', `docker://${first.imageRef}`]))
        .stdout,
    ) as T;
  const buildah = (args: string[], reject = true) =>
    execa(tool('buildah'), [...store.globalArgs, ...args], { reject, all: true });

  beforeAll(async () => {
    [registry, store, repo, work] = await Promise.all([
      startRegistry(),
      buildahStore(),
      tempDir('controller-repo'),
      tempDir('controller-image'),
    ]);
    await controllerRepo(repo.path);
    [base, helm] = [await nodeBaseImage(), await helmImage()];
    image = `${registry.host}/temporal-rollout/temporal-rollout-controller`;
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await Promise.all([registry?.stop(), store?.remove(), repo?.remove(), work?.remove()]);
  });

  it(
    'builds v0.1.0 through the build step and pushes it: non-root, the CLI as entry point, the bundle baked in',
    async () => {
      const started = Date.now();
      first = await runBuild(inputs());
      const coldMs = Date.now() - started;

      expect(first.pushed).toBe(true);
      expect(first.reused).toBe(false);
      expect(first.tags).toEqual(expect.arrayContaining(['0.1.0', '0.1', '0', 'latest']));
      expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      // Not the rolled-out worker: rollout.yaml beside it is not read (no task queue), the title is the
      // workspace package's.
      expect(first.taskQueue).toBeUndefined();
      expect(first.labels[OCI.title]).toBe('@temporal-rollout/controller');
      expect(first.labels[OCI.version]).toBe('0.1.0');

      const { config } = await inspect<ImageConfig>('--config');
      expect(config.User).toBe('10001:10001');
      expect(config.Entrypoint).toEqual(['node', '/toolkit/controller/dist/cli.js']);
      expect(config.Cmd).toEqual(['controller', '--config', '/workspace/rollout.yaml']);
      expect(config.WorkingDir).toBe('/workspace');
      expect(config.Env).toContain('ROLLOUT_WORKFLOW_BUNDLE=/toolkit/controller/rollout-workflow-bundle.js');

      const manifest = await inspect<Manifest>('--raw');
      const compressed = manifest.layers.reduce((sum, layer) => sum + layer.size, 0);

      // Warm: the same store (base layers present, nothing cached between RUN steps), forced to rebuild.
      const warmStart = Date.now();
      const again = await runBuild(inputs({ force: true }));
      const warmMs = Date.now() - warmStart;
      console.log(
        `[controller-image] ${first.imageRef}: ${(compressed / 1e6).toFixed(1)} MB compressed ` +
          `(layers: ${manifest.layers.map((layer) => `${(layer.size / 1e6).toFixed(1)} MB`).join(' + ')}); ` +
          `cold build+push ${(coldMs / 1000).toFixed(1)} s (Node base built now: ${base.built}, helm image built now: ${helm.built}), ` +
          `warm rebuild+push ${(warmMs / 1000).toFixed(1)} s; same digest: ${again.digest === first.digest}`,
      );
      // Reproducible, as the worker's image is: same commit, same staged context, same digest.
      expect(again.digest).toBe(first.digest);
    },
    BUILD_TIMEOUT,
  );

  it(
    'carries helm and neither kubectl nor a bundler',
    async () => {
      const container = (await buildah(['from', '--tls-verify=false', first.imageRef!])).stdout.trim();
      const run = (cmd: string[]) =>
        buildah(['run', '--isolation', 'chroot', container, '--', ...cmd], false);

      const version = await run(['helm', 'version', '--short']);
      expect(version.exitCode, version.all).toBe(0);
      expect(version.stdout).toMatch(/^v3\.21/);

      const kubectl = await run([
        'node',
        '-p',
        "process.env.PATH.split(':').filter((dir) => require('fs').existsSync(dir + '/kubectl')).join()",
      ]);
      expect(kubectl.exitCode, kubectl.all).toBe(0);
      expect(kubectl.stdout.trim()).toBe('');
      const root = (await buildah(['mount', container])).stdout.trim();
      try {
        const parts = [
          'usr/local/bin/node',
          'usr/local/bin/helm',
          'toolkit/node_modules',
          'toolkit/controller',
        ];
        const du = await execa('du', ['-sm', ...parts.map((part) => join(root, part))]);
        console.log(
          `[controller-image] uncompressed MB: ${du.stdout.replaceAll(`${root}/`, '').replace(/\n/g, ', ')}`,
        );
        expect(filesNamed(root, 'kubectl')).toEqual([]);
        expect(filesNamed(join(root, 'usr/local/bin'), 'helm')).toHaveLength(1);
        // The bundler left: webpack is the stub, swc is gone.
        expect(filesNamed(join(root, 'toolkit/node_modules'), 'webpack.js')).toEqual([]);
        expect(readdirSync(join(root, 'toolkit/node_modules')).includes('@swc')).toBe(false);
      } finally {
        await buildah(['umount', container], false);
      }
      const who = await run(['node', '-p', 'process.getuid()']);
      expect(who.stdout.trim()).toBe('10001');
    },
    BUILD_TIMEOUT,
  );

  it(
    "runs `temporal-rollout controller` with the chart's args and mounts: it polls temporal-rollout",
    async () => {
      // What the chart renders for this image with the user's rollout.yaml (controller.rolloutConfig).
      const rolloutYaml = join(work.path, 'rollout.yaml');
      await writeFile(
        rolloutYaml,
        [
          'app: order-worker',
          'image: registry.example.com/acme/order-worker',
          'chart: charts/order-worker',
          'deployer: helm',
          'taskQueues:',
          '  order: { base: order-task-queue }',
          '  payment: { base: payment-task-queue }',
          '',
        ].join('\n'),
      );
      const rendered = await execa(tool('helm'), [
        'template',
        'order-worker-deployer',
        join(repoRoot, 'charts/order-worker'),
        '--namespace',
        'orders',
        '--set',
        'deployRbac.only=true,controller.enabled=true',
        '--set-string',
        `controller.image.repository=${image},controller.image.digest=${first.digest}`,
        '--set-file',
        `controller.rolloutConfig=${rolloutYaml}`,
      ]);
      const docs = parseAllDocuments(rendered.stdout).map((doc) => doc.toJS());
      const deployment = docs.find((doc) => doc?.kind === 'Deployment');
      const kubeconfigMap = docs.find((doc) => doc?.metadata?.name?.endsWith('-kubeconfig'));
      const configMap = docs.find((doc) => doc?.metadata?.name?.endsWith('-rollout-config'));
      const pod = deployment.spec.template.spec;
      const c = pod.containers[0] as Container & { image: string };
      expect(c.image).toBe(first.imageRef);
      // The chart leaves the entry point to the image.
      expect(c.command).toBeUndefined();
      const { config } = await inspect<ImageConfig>('--config');

      // The pod's mounts, as files on this machine: the ConfigMaps' contents at the mount paths.
      const mounts: string[] = [];
      for (const mount of c.volumeMounts) {
        const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
        if (!volume?.configMap) continue; // the /tmp emptyDir: the image's own /tmp serves
        const source = docs.find((doc) => doc?.metadata?.name === volume.configMap.name);
        const host = join(work.path, 'mounts', mount.name);
        await mkdir(host, { recursive: true });
        for (const [key, value] of Object.entries(source.data as Record<string, string>)) {
          await writeFile(join(host, key), value);
        }
        mounts.push('--volume', `${mount.subPath ? join(host, mount.subPath) : host}:${mount.mountPath}:ro`);
      }
      expect(configMap.data['rollout.yaml']).toContain('deployer: helm');
      expect(kubeconfigMap.data.config).toContain('kubernetes.default.svc');

      let server: TemporalDevServer | undefined;
      let controller: ManagedProcess | undefined;
      let connection: Connection | undefined;
      try {
        server = await startTemporal();
        // The chart's env, its Temporal address pointed at the dev server.
        const env = c.env
          .filter((e) => e.value !== undefined)
          .map((e) => `${e.name}=${e.name === 'TEMPORAL_ADDRESS' ? server!.address : e.value}`);
        const container = (await buildah(['from', '--tls-verify=false', first.imageRef!])).stdout.trim();
        controller = await startProcess('controller-in-image', tool('buildah'), [
          ...store.globalArgs,
          'run',
          '--isolation',
          'chroot',
          ...mounts,
          ...env.flatMap((e) => ['--env', e]),
          container,
          '--',
          ...config.Entrypoint,
          ...c.args,
        ]);
        connection = await Connection.connect({ address: server.address });
        const client = new Client({ connection });
        const pollers = async (type: temporal.api.enums.v1.TaskQueueType) =>
          (
            await client.workflowService.describeTaskQueue({
              namespace: 'default',
              taskQueue: { name: TASK_QUEUE },
              taskQueueType: type,
            })
          ).pollers ?? [];
        let found: { identity?: string | null }[] = [];
        for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
          found = await pollers(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
          if (found.length > 0) break;
          if (
            (await Promise.race([controller.exited, new Promise((r) => setTimeout(r, 500, 'running'))])) !==
            'running'
          )
            break;
        }
        expect(found.length, controller.output()).toBeGreaterThan(0);
        expect(await pollers(temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)).not.toHaveLength(
          0,
        );
        expect(controller.output()).toMatch(
          /controller: polling temporal-rollout in default at 127\.0\.0\.1:\d+ as /,
        );
        // It runs the prebuilt bundle: the stubbed bundler was never asked for.
        expect(controller.output()).not.toMatch(/is not installed in this image/);
      } finally {
        await controller?.stop(20_000);
        await connection?.close();
        await server?.teardown();
      }
    },
    BUILD_TIMEOUT,
  );
});

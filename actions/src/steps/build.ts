// The build step: git ref → version and tags → staged context → image built, labelled and pushed → digest.
// Errors name options by their neutral fields (options/build.ts); each front end says its input or flag.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import {
  type BuilderName,
  type BuilderOptions,
  type BuildPlan,
  buildImage,
  chooseBuilder,
  dockerCache,
  writeAuthFile,
} from '../adapters/builder.js';
import { childOptions } from '../adapters/child-env.js';
import {
  commitTime,
  currentRef,
  listTags,
  nearestReleaseTag,
  remoteUrl,
  resolveCommit,
} from '../adapters/git.js';
import { inspectImage, type RegistryAccess, registryHost, tagDigest } from '../adapters/registry.js';
import { loadRolloutConfig } from '../adapters/rollout-file.js';
import { ExternalError, InputError } from '../core/errors.js';
import { OCI, ociLabels, rfc3339, sourceUrl } from '../core/oci-labels.js';
import type { RolloutConfig } from '../core/rollout-config.js';
import { type ImageVersion, imageVersion, versionTaskQueue } from '../core/versions.js';

export interface BuildInputs {
  repoDir: string;
  /** Repository without a tag; rollout.yaml's `image` when absent. */
  image?: string;
  /**
   * rollout.yaml; `<repoDir>/rollout.yaml` when it exists. `none`: the image is not the rolled-out worker (the
   * rollout controller's): no rollout.yaml, no task queue, the title from the workspace's package.json.
   */
  configPath?: string;
  /** Relative to repoDir. */
  containerfile?: string;
  /** The npm workspace whose compiled dist/ and production dependencies go into the image. */
  workspace?: string;
  /** Run the workspace's `build` script first (default true). */
  compile?: boolean;
  /** `refs/tags/v1.4.0`…; default what HEAD is (a tag pointing at it, else its branch). The action passes GITHUB_REF. */
  ref?: string;
  /** Default HEAD. The action passes GITHUB_SHA. */
  sha?: string;
  /** The repository's web address (`org.opencontainers.image.source`); default the git remote's. */
  sourceUrl?: string;
  /** docker only: cache in the GitHub Actions cache service (else a `buildcache` tag beside the image). */
  actionsCache?: boolean;
  /** `auto` pushes everything but pull requests. */
  push?: boolean | 'auto';
  /** Build even when the registry already has this commit and version. */
  force?: boolean;
  builder?: BuilderName | 'auto';
  builderOptions?: BuilderOptions;
  isolation?: string;
  platform?: string;
  buildArgs?: Record<string, string>;
  credentials?: { username: string; password: string };
  tlsVerify?: boolean;
  /** The skopeo binary for registry look-ups. */
  skopeo?: string;
  log?: (line: string) => void;
}

export interface BuildResult {
  image: string;
  version: string;
  /** Tag names (without the repository). */
  tags: string[];
  /** `image:tag` for every tag. */
  refs: string[];
  /** Manifest digest; undefined when nothing was pushed. */
  digest?: string;
  /** `image@sha256:…`, the address every later step uses. */
  imageRef?: string;
  taskQueue?: string;
  commit: string;
  ref: string;
  created: string;
  labels: Record<string, string>;
  builder: BuilderName;
  builderReason: string;
  pushed: boolean;
  /** true when the registry already held this commit's image and nothing was built. */
  reused: boolean;
  durationMs: number;
}

const IMAGE_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+|\/[a-z0-9]+|:[0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$/;

function validateImage(image: string): string {
  const trimmed = image.trim();
  const lastPart = trimmed.split('/').at(-1) ?? '';
  if (trimmed.includes('@') || lastPart.includes(':') || !IMAGE_NAME.test(trimmed)) {
    throw new InputError(
      'image',
      `"${image}" is not an image repository`,
      'give a lowercase repository without tag or digest, e.g. ghcr.io/acme/order-worker',
    );
  }
  return trimmed;
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(path, `cannot be read as JSON (${(err as Error).message})`, 'check the file');
  }
}

/** The `config` value that builds without rollout.yaml. */
export const NO_CONFIG = 'none';

async function loadConfig(inputs: BuildInputs): Promise<RolloutConfig | undefined> {
  if (inputs.configPath === NO_CONFIG) return undefined;
  if (inputs.configPath) return loadRolloutConfig(resolve(inputs.repoDir, inputs.configPath));
  const fallback = join(inputs.repoDir, 'rollout.yaml');
  return existsSync(fallback) ? loadRolloutConfig(fallback) : undefined;
}

/**
 * The dependencies of a minimal build context: the lockfile, the workspace's package.json, and its production
 * dependencies installed from the lockfile by `npm ci --omit=dev`, so the image build itself needs no network.
 * It needs nothing compiled, so it runs while the workspace compiles.
 */
async function stageDependencies(repoDir: string, workspace: string, dir: string, log: (l: string) => void) {
  for (const file of ['package.json', 'package-lock.json']) {
    if (!existsSync(join(repoDir, file))) {
      throw new InputError(
        `${file} in ${repoDir}`,
        'is missing',
        'commit package-lock.json: the image installs exactly what it pins',
      );
    }
    await cp(join(repoDir, file), join(dir, file));
  }
  await mkdir(join(dir, workspace), { recursive: true });
  await cp(join(repoDir, workspace, 'package.json'), join(dir, workspace, 'package.json'));
  log(`staging production dependencies of ${workspace} (npm ci --omit=dev)`);
  const npm = await execa(
    'npm',
    [
      'ci',
      '--omit=dev',
      `--workspace=${workspace}`,
      '--include-workspace-root=false',
      // Install scripts would run code from the registry on the build machine; the prebuilt
      // packages the worker uses need none.
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: dir, reject: false, all: true, ...childOptions() },
  );
  if (npm.exitCode !== 0) {
    throw new ExternalError(
      'npm',
      `npm ci --omit=dev failed:\n${(npm.all ?? '').split('\n').slice(-20).join('\n')}`,
    );
  }
}

/** The workspace's compiled dist/, into the build context beside its staged dependencies. */
async function stageDist(repoDir: string, workspace: string, dir: string) {
  const dist = join(repoDir, workspace, 'dist');
  if (!existsSync(dist)) {
    throw new InputError(
      `${workspace}/dist`,
      'does not exist',
      `run npm run build --workspace ${workspace} first`,
    );
  }
  await cp(dist, join(dir, workspace, 'dist'), { recursive: true });
}

/**
 * Compiles the workspace (unless `compile` is false) while its dependencies are staged, then adds its dist/.
 * Both finish before this returns or throws (the context folder is removed after), compile errors first.
 */
async function stageContext(
  repoDir: string,
  workspace: string,
  dir: string,
  compile: boolean,
  log: (l: string) => void,
) {
  // Nothing to compile: a missing dist/ fails before anything is installed.
  if (!compile) await stageDist(repoDir, workspace, dir);
  const [compiled, staged] = await Promise.allSettled([
    compile ? compileWorkspace(repoDir, workspace, log) : Promise.resolve(),
    stageDependencies(repoDir, workspace, dir, log),
  ]);
  for (const settled of [compiled, staged]) if (settled.status === 'rejected') throw settled.reason;
  if (compile) await stageDist(repoDir, workspace, dir);
}

/** What a build produces, decided before anything is built: the image's identity, version, tags and labels. */
interface BuildPlanned {
  repoDir: string;
  workspace: string;
  image: string;
  sha: string;
  ref: string;
  /** Commit time, epoch seconds. */
  time: number;
  version: ImageVersion;
  taskQueue: string | undefined;
  labels: Record<string, string>;
  refs: string[];
  push: boolean;
}

/** Reads rollout.yaml, git and the workspace's package.json into the plan; checks the inputs it uses. */
async function planBuild(inputs: BuildInputs): Promise<BuildPlanned> {
  const repoDir = resolve(inputs.repoDir);
  const workspace = inputs.workspace ?? 'worker';
  const config = await loadConfig(inputs);
  const imageInput = inputs.image ?? config?.image;
  if (!imageInput) {
    throw new InputError('image', 'is not set and there is no rollout.yaml with `image`', 'pass ⟨image⟩');
  }
  const image = validateImage(imageInput);

  const sha = await resolveCommit(repoDir, inputs.sha ?? 'HEAD');
  const ref = inputs.ref ?? (await currentRef(repoDir));
  if (!ref) {
    throw new InputError('ref', 'HEAD is detached and untagged', 'pass ⟨ref⟩, e.g. refs/tags/v1.4.0');
  }
  const [tagsInRepo, time, nearest, remote] = await Promise.all([
    listTags(repoDir),
    commitTime(repoDir, sha),
    nearestReleaseTag(repoDir, sha),
    inputs.sourceUrl ? undefined : remoteUrl(repoDir),
  ]);
  const version = imageVersion({ ref, sha, repoTags: tagsInRepo });
  const order = config?.taskQueues.order;
  const taskQueue = order ? versionTaskQueue(order.template, order.base, version, nearest) : undefined;

  const workspacePackage = await readJson(join(repoDir, workspace, 'package.json'));
  const labels = ociLabels({
    source: inputs.sourceUrl ?? (remote ? sourceUrl(remote) : undefined),
    revision: sha,
    version: version.version,
    commitTime: time,
    title: config?.app ?? String(workspacePackage.name ?? workspace),
    description: typeof workspacePackage.description === 'string' ? workspacePackage.description : undefined,
    licenses: typeof workspacePackage.license === 'string' ? workspacePackage.license : undefined,
  });
  const push =
    inputs.push === undefined || inputs.push === 'auto' ? version.ref.kind !== 'pull-request' : inputs.push;
  return {
    repoDir,
    workspace,
    image,
    sha,
    ref,
    time,
    version,
    taskQueue,
    labels,
    refs: version.tags.map((tag) => `${image}:${tag}`),
    push,
  };
}

/**
 * The digest of the image the registry already holds for this commit and version (its other tags moved onto
 * it); undefined when it must be built.
 */
async function alreadyPushed(
  plan: BuildPlanned,
  access: RegistryAccess,
  log: (line: string) => void,
): Promise<string | undefined> {
  const { image, refs, sha, version } = plan;
  const existing = await inspectImage(refs[0]!, access);
  if (!existing || existing.labels[OCI.revision] !== sha || existing.labels[OCI.version] !== version.version)
    return undefined;
  log(`${refs[0]} already holds commit ${sha.slice(0, 7)} as ${existing.digest}: not rebuilding`);
  for (const tag of version.tags.slice(1)) {
    const current = await inspectImage(`${image}:${tag}`, access);
    if (current?.digest !== existing.digest) await tagDigest(image, existing.digest, tag, access);
  }
  return existing.digest;
}

/** `npm run build` of the workspace, so its dist/ is the commit's. */
async function compileWorkspace(repoDir: string, workspace: string, log: (line: string) => void) {
  log(`compiling ${workspace} (npm run build --workspace ${workspace} --if-present)`);
  const compiled = await execa('npm', ['run', 'build', `--workspace=${workspace}`, '--if-present'], {
    cwd: repoDir,
    reject: false,
    all: true,
    ...childOptions(),
  });
  if (compiled.exitCode !== 0) {
    throw new ExternalError('npm', `building ${workspace} failed:\n${(compiled.all ?? '').slice(-3000)}`);
  }
}

export async function runBuild(inputs: BuildInputs): Promise<BuildResult> {
  const started = Date.now();
  const log = inputs.log ?? (() => {});
  const plan = await planBuild(inputs);
  const { repoDir, workspace, image, version, taskQueue, refs, push, labels } = plan;
  const chosen = await chooseBuilder(inputs.builder ?? 'auto');
  log(`builder: ${chosen.name} (${chosen.reason})`);
  log(
    `version ${version.version}; tags ${version.tags.join(', ')}${taskQueue ? `; task queue ${taskQueue}` : ''}`,
  );

  const workDir = await mkdtemp(join(tmpdir(), 'tr-build-'));
  try {
    const authfile = inputs.credentials
      ? await writeAuthFile(
          join(workDir, 'auth.json'),
          registryHost(image),
          inputs.credentials.username,
          inputs.credentials.password,
        )
      : undefined;
    const access: RegistryAccess = { tlsVerify: inputs.tlsVerify ?? true, authfile, skopeo: inputs.skopeo };
    const result = (digest: string | undefined, reused: boolean): BuildResult => ({
      image,
      version: version.version,
      tags: version.tags,
      refs,
      taskQueue,
      commit: plan.sha,
      ref: plan.ref,
      created: rfc3339(plan.time),
      labels,
      builder: chosen.name,
      builderReason: chosen.reason,
      digest,
      imageRef: digest ? `${image}@${digest}` : undefined,
      pushed: reused ? false : push,
      reused,
      durationMs: Date.now() - started,
    });

    if (push && !inputs.force) {
      const existing = await alreadyPushed(plan, access, log);
      if (existing) return result(existing, true);
    }

    const contextDir = join(workDir, 'context');
    await mkdir(contextDir);
    await stageContext(repoDir, workspace, contextDir, inputs.compile ?? true, log);

    const containerfile = inputs.containerfile ?? join(workspace, 'Containerfile');
    const containerfilePath = isAbsolute(containerfile) ? containerfile : join(repoDir, containerfile);
    if (!existsSync(containerfilePath)) {
      throw new InputError('containerfile', `${containerfilePath} does not exist`, 'pass its path');
    }
    const buildPlan: BuildPlan = {
      contextDir,
      containerfile: containerfilePath,
      refs,
      buildArgs: inputs.buildArgs ?? {},
      labels,
      annotations: labels,
      sourceDateEpoch: plan.time,
      push,
      tlsVerify: access.tlsVerify,
      authfile,
      login: inputs.credentials ? { host: registryHost(image), ...inputs.credentials } : undefined,
      workDir,
      platform: inputs.platform,
      isolation: inputs.isolation,
      ...(chosen.name === 'docker' ? dockerCache(image, inputs.actionsCache ?? false) : {}),
    };
    log(`building ${refs[0]} from ${containerfile}${push ? ' and pushing' : ' (not pushing)'}`);
    const outcome = await buildImage(chosen.name, buildPlan, { log, ...inputs.builderOptions });
    return result(outcome.digest, false);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

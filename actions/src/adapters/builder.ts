// Image builders: buildah and podman (daemonless) and docker buildx. Each builds a Containerfile with the
// given tags, labels and SOURCE_DATE_EPOCH, pushes when asked, and reports the digest from its own digest or
// metadata file, never from its log.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ExternalError, InputError } from '../core/errors.js';
import type { BuilderName } from './builder-name.js';
import { childOptions } from './child-env.js';

export { BUILDERS, type BuilderName, parseBuilder } from './builder-name.js';

export interface BuildPlan {
  contextDir: string;
  containerfile: string;
  /** Full references, `host/repo:tag`, first one primary. */
  refs: string[];
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  /** Manifest annotations. */
  annotations: Record<string, string>;
  /** Commit time: the image's created time and every file's mtime in the layers the build writes. */
  sourceDateEpoch: number;
  push: boolean;
  tlsVerify: boolean;
  /** containers-auth.json for buildah/podman. */
  authfile?: string;
  /** docker: `docker login --password-stdin` first (buildx keeps its builders in the user's docker config). */
  login?: { host: string; username: string; password: string };
  /** Where the builder writes its digest or metadata file. */
  workDir: string;
  platform?: string;
  /** buildah/podman `--isolation` (chroot where no user namespaces are allowed). */
  isolation?: string;
  /** docker: `--cache-from` / `--cache-to` values (e.g. `type=gha`, `type=registry,ref=…`). */
  cacheFrom?: string[];
  cacheTo?: string[];
}

export interface BuilderOptions {
  /** The binary; the builder's name from PATH by default. */
  binary?: string;
  /** Flags placed before the subcommand, e.g. buildah `--root`, `--storage-driver`. */
  globalArgs?: string[];
  log?: (line: string) => void;
}

export interface BuildOutcome {
  /** The pushed manifest digest; undefined when nothing was pushed. */
  digest?: string;
}

const pairs = (flag: string, values: Record<string, string>): string[] =>
  Object.entries(values).flatMap(([key, value]) => [flag, `${key}=${value}`]);

/** `buildah build` / `podman build` arguments (the two share the flags used here). */
export function buildahBuildArgs(plan: BuildPlan): string[] {
  const args = ['build', '--file', plan.containerfile, '--format', 'oci'];
  if (plan.isolation) args.push('--isolation', plan.isolation);
  if (plan.platform) args.push('--platform', plan.platform);
  // --timestamp pins the config's created time and the mtime of every file in the new layers.
  args.push('--timestamp', String(plan.sourceDateEpoch));
  args.push(...pairs('--build-arg', { SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch), ...plan.buildArgs }));
  args.push(...pairs('--label', plan.labels), ...pairs('--annotation', plan.annotations));
  if (plan.authfile) args.push('--authfile', plan.authfile);
  args.push(`--tls-verify=${plan.tlsVerify}`);
  for (const ref of plan.refs) args.push('--tag', ref);
  args.push(plan.contextDir);
  return args;
}

export function buildahPushArgs(plan: BuildPlan, ref: string, digestFile: string): string[] {
  const args = ['push', '--digestfile', digestFile, `--tls-verify=${plan.tlsVerify}`];
  if (plan.authfile) args.push('--authfile', plan.authfile);
  args.push(ref, `docker://${ref}`);
  return args;
}

/**
 * `docker buildx build` arguments. The image exporter with `push=true` is `--push` spelled out, so that
 * `rewrite-timestamp` can clamp file times to SOURCE_DATE_EPOCH (BuildKit ≥ 0.13) for reproducible layers.
 */
export function dockerBuildArgs(plan: BuildPlan, metadataFile: string): string[] {
  const args = ['buildx', 'build', '--file', plan.containerfile, '--metadata-file', metadataFile];
  if (plan.platform) args.push('--platform', plan.platform);
  args.push('--provenance=false');
  args.push(...pairs('--build-arg', { SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch), ...plan.buildArgs }));
  args.push(...pairs('--label', plan.labels), ...pairs('--annotation', plan.annotations));
  for (const ref of plan.refs) args.push('--tag', ref);
  for (const from of plan.cacheFrom ?? []) args.push('--cache-from', from);
  if (plan.push) for (const to of plan.cacheTo ?? []) args.push('--cache-to', to);
  args.push(
    '--output',
    `type=image,push=${plan.push},oci-mediatypes=true,rewrite-timestamp=true${plan.tlsVerify ? '' : ',registry.insecure=true'}`,
  );
  args.push(plan.contextDir);
  return args;
}

/** The GitHub Actions cache when the job runs on GitHub, otherwise a `buildcache` tag next to the image. */
export function dockerCache(
  repository: string,
  /** The job has the GitHub Actions cache service (ciBuildContext's `actionsCache`). */
  actionsCache: boolean,
): { cacheFrom: string[]; cacheTo: string[] } {
  if (actionsCache) {
    return { cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'] };
  }
  const ref = `${repository}:buildcache`;
  return { cacheFrom: [`type=registry,ref=${ref}`], cacheTo: [`type=registry,ref=${ref},mode=max`] };
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

async function run(
  name: BuilderName,
  binary: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<void> {
  const result = await execa(binary, args, { reject: false, all: true, ...childOptions(env) });
  if (result.exitCode !== 0) {
    const tail = (result.all ?? '').trim().split('\n').slice(-25).join('\n');
    throw new ExternalError(
      name,
      `\`${name} ${args[0] === 'buildx' ? 'buildx build' : args[0]}\` failed:\n${tail}`,
    );
  }
}

async function readDigest(file: string, builder: BuilderName): Promise<string> {
  const digest = (await readFile(file, 'utf8')).trim();
  if (!DIGEST.test(digest))
    throw new ExternalError(builder, `the digest file holds "${digest}", not a digest`);
  return digest;
}

/** Builds (and pushes) with the named builder. */
export async function buildImage(
  name: BuilderName,
  plan: BuildPlan,
  options: BuilderOptions = {},
): Promise<BuildOutcome> {
  const binary = options.binary ?? name;
  const global = options.globalArgs ?? [];
  if (name === 'docker') return buildWithDocker(binary, global, plan);
  await run(name, binary, [...global, ...buildahBuildArgs(plan)]);
  options.log?.(`built ${plan.refs[0]}`);
  if (!plan.push) return {};
  // Every tag is pushed from the same local image; the registry must report one digest for all of them.
  let digest: string | undefined;
  for (const [i, ref] of plan.refs.entries()) {
    const digestFile = join(plan.workDir, `digest-${i}`);
    await run(name, binary, [...global, ...buildahPushArgs(plan, ref, digestFile)]);
    const pushed = await readDigest(digestFile, name);
    options.log?.(`pushed ${ref}`);
    if (digest && pushed !== digest) {
      throw new ExternalError(name, `${ref} was pushed as ${pushed}, but ${plan.refs[0]} as ${digest}`);
    }
    digest = pushed;
  }
  return { digest };
}

/** The GitHub Actions cache service's variables, which buildx's `type=gha` cache reads from its environment. */
const GHA_CACHE_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL'];

/**
 * A docker config directory of our own for one build: credentials from `docker login` land in its
 * config.json and are deleted with it, never in $HOME/.docker. The user's buildx builders and CLI plugins
 * are linked in, so buildx still finds them.
 */
export async function privateDockerConfig(
  workDir: string,
  userConfig = process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'),
): Promise<string> {
  const dir = join(workDir, 'docker-config');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'config.json'), '{"auths":{}}\n', { mode: 0o600 });
  for (const shared of ['buildx', 'cli-plugins', 'contexts']) {
    const from = join(userConfig, shared);
    if (existsSync(from)) await symlink(from, join(dir, shared));
  }
  return dir;
}

async function buildWithDocker(binary: string, global: string[], plan: BuildPlan): Promise<BuildOutcome> {
  const metadataFile = join(plan.workDir, 'buildx-metadata.json');
  const dockerConfig = plan.login ? await privateDockerConfig(plan.workDir) : process.env.DOCKER_CONFIG;
  try {
    if (plan.login) {
      const { host, username, password } = plan.login;
      const login = await execa(
        binary,
        [...global, 'login', host, '--username', username, '--password-stdin'],
        {
          input: password,
          reject: false,
          ...childOptions({ DOCKER_CONFIG: dockerConfig }),
        },
      );
      if (login.exitCode !== 0)
        throw new ExternalError('docker', `docker login ${host} failed: ${login.stderr.trim()}`);
    }
    const usesGhaCache = (plan.cacheFrom ?? []).some((from) => from.startsWith('type=gha'));
    await run('docker', binary, [...global, ...dockerBuildArgs(plan, metadataFile)], {
      SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch),
      DOCKER_CONFIG: dockerConfig,
      ...(usesGhaCache ? Object.fromEntries(GHA_CACHE_ENV.map((name) => [name, process.env[name]])) : {}),
    });
  } finally {
    if (plan.login && dockerConfig) await rm(dockerConfig, { recursive: true, force: true });
  }
  if (!plan.push) return {};
  const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>;
  const digest = metadata['containerimage.digest'];
  if (typeof digest !== 'string' || !DIGEST.test(digest)) {
    throw new ExternalError('docker', `${metadataFile} has no containerimage.digest`);
  }
  return { digest };
}

async function works(binary: string, args: string[]): Promise<boolean> {
  const result = await execa(binary, args, { reject: false, timeout: 15_000, ...childOptions() });
  return result.exitCode === 0;
}

/** Picks a builder for `auto`, and says why: docker only with buildx and a reachable engine. */
export async function chooseBuilder(
  requested: BuilderName | 'auto',
  probe: (binary: string, args: string[]) => Promise<boolean> = works,
): Promise<{ name: BuilderName; reason: string }> {
  if (requested !== 'auto') return { name: requested, reason: 'requested' };
  if ((await probe('docker', ['buildx', 'version'])) && (await probe('docker', ['info']))) {
    return { name: 'docker', reason: 'docker buildx with a running engine' };
  }
  if (await probe('buildah', ['--version']))
    return { name: 'buildah', reason: 'buildah found; no docker engine' };
  if (await probe('podman', ['--version']))
    return { name: 'podman', reason: 'podman found; no docker engine' };
  throw new InputError(
    'input "builder"',
    'no image builder found: docker buildx with a running engine, buildah or podman',
    'install buildah (apt-get install buildah) or set up docker buildx',
  );
}

/**
 * Writes a containers-auth.json readable only by us. docker's config.json uses the same `auths` shape, so the
 * file also serves as a DOCKER_CONFIG for buildx.
 */
export async function writeAuthFile(
  path: string,
  host: string,
  username: string,
  password: string,
): Promise<string> {
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  await writeFile(path, JSON.stringify({ auths: { [host]: { auth } } }), { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BuildPlan,
  buildahBuildArgs,
  buildahPushArgs,
  chooseBuilder,
  dockerBuildArgs,
  dockerCache,
  parseBuilder,
  writeAuthFile,
} from './builder.js';

const plan: BuildPlan = {
  contextDir: '/ctx',
  containerfile: '/ctx/worker/Containerfile',
  refs: ['ghcr.io/acme/order-worker:1.4.0', 'ghcr.io/acme/order-worker:sha-0123456'],
  buildArgs: { BASE_IMAGE: 'node:24-slim' },
  labels: { 'org.opencontainers.image.version': '1.4.0' },
  annotations: { 'org.opencontainers.image.version': '1.4.0' },
  sourceDateEpoch: 1_700_000_000,
  push: true,
  tlsVerify: true,
  workDir: '/work',
};

/** The value after each occurrence of `flag`. */
const values = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));

describe('dockerBuildArgs', () => {
  it('builds with buildx, pushes through the image exporter and writes a metadata file', () => {
    const args = dockerBuildArgs(
      { ...plan, ...dockerCache('ghcr.io/acme/order-worker', {}) },
      '/work/meta.json',
    );
    expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
    expect(values(args, '--file')).toEqual(['/ctx/worker/Containerfile']);
    expect(values(args, '--metadata-file')).toEqual(['/work/meta.json']);
    expect(values(args, '--tag')).toEqual(plan.refs);
    expect(values(args, '--build-arg')).toEqual(['SOURCE_DATE_EPOCH=1700000000', 'BASE_IMAGE=node:24-slim']);
    expect(values(args, '--label')).toEqual(['org.opencontainers.image.version=1.4.0']);
    expect(values(args, '--annotation')).toEqual(['org.opencontainers.image.version=1.4.0']);
    expect(values(args, '--output')).toEqual([
      'type=image,push=true,oci-mediatypes=true,rewrite-timestamp=true',
    ]);
    expect(values(args, '--cache-from')).toEqual(['type=registry,ref=ghcr.io/acme/order-worker:buildcache']);
    expect(values(args, '--cache-to')).toEqual([
      'type=registry,ref=ghcr.io/acme/order-worker:buildcache,mode=max',
    ]);
    expect(args).toContain('--provenance=false');
    expect(args.at(-1)).toBe('/ctx');
  });

  it('does not push or write a cache on a pull request, and marks an insecure registry', () => {
    const args = dockerBuildArgs(
      { ...plan, push: false, tlsVerify: false, cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'] },
      '/m',
    );
    expect(values(args, '--output')).toEqual([
      'type=image,push=false,oci-mediatypes=true,rewrite-timestamp=true,registry.insecure=true',
    ]);
    expect(values(args, '--cache-from')).toEqual(['type=gha']);
    expect(values(args, '--cache-to')).toEqual([]);
  });

  it('never puts credentials on the command line', () => {
    const args = dockerBuildArgs(
      { ...plan, login: { host: 'ghcr.io', username: 'u', password: 'p4ss' } },
      '/m',
    );
    expect(args.join(' ')).not.toContain('p4ss');
  });
});

describe('dockerCache', () => {
  it('uses the GitHub Actions cache on GitHub', () => {
    expect(dockerCache('r/x', { GITHUB_ACTIONS: 'true', ACTIONS_RUNTIME_TOKEN: 't' })).toEqual({
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max'],
    });
  });
});

describe('buildah arguments', () => {
  it('pins timestamps, tags every ref and pushes with a digest file', () => {
    const args = buildahBuildArgs({ ...plan, isolation: 'chroot', authfile: '/a.json' });
    expect(values(args, '--timestamp')).toEqual(['1700000000']);
    expect(values(args, '--isolation')).toEqual(['chroot']);
    expect(values(args, '--tag')).toEqual(plan.refs);
    expect(values(args, '--authfile')).toEqual(['/a.json']);
    expect(values(args, '--format')).toEqual(['oci']);
    const push = buildahPushArgs({ ...plan, tlsVerify: false }, plan.refs[0]!, '/work/d');
    expect(push).toEqual([
      'push',
      '--digestfile',
      '/work/d',
      '--tls-verify=false',
      plan.refs[0],
      `docker://${plan.refs[0]}`,
    ]);
  });
});

describe('chooseBuilder', () => {
  const probe = (available: string[]) => async (binary: string, args: string[]) =>
    available.includes(`${binary} ${args[0]}`);

  it('takes docker only when buildx and the engine both answer', async () => {
    expect(
      (await chooseBuilder('auto', probe(['docker buildx', 'docker info', 'buildah --version']))).name,
    ).toBe('docker');
    const noEngine = await chooseBuilder('auto', probe(['docker buildx', 'buildah --version']));
    expect(noEngine).toEqual({ name: 'buildah', reason: 'buildah found; no docker engine' });
    expect((await chooseBuilder('auto', probe(['podman --version']))).name).toBe('podman');
  });

  it('fails clearly when nothing can build', async () => {
    await expect(chooseBuilder('auto', probe([]))).rejects.toThrow(/no image builder found/);
  });

  it('rejects an unknown builder name', () => {
    expect(() => parseBuilder('kaniko')).toThrow(
      /input "builder": "kaniko" is not one of auto, buildah, podman, docker/,
    );
  });
});

describe('writeAuthFile', () => {
  it('writes the auths shape readable only by its owner', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tr-auth-'));
    try {
      const file = await writeAuthFile(join(dir, 'auth.json'), 'ghcr.io', 'u', 'p');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ auths: { 'ghcr.io': { auth: 'dTpw' } } });
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

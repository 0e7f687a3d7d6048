import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  type BuildPlan,
  buildahBuildArgs,
  buildahPushArgs,
  buildImage,
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
      { ...plan, ...dockerCache('ghcr.io/acme/order-worker', false) },
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
    expect(dockerCache('r/x', true)).toEqual({
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
      /^builder: "kaniko" is not one of auto, buildah, podman, docker/,
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

describe('docker login and the environment of the builders (issue 16 items 13, 14)', () => {
  // No docker engine runs here; this stand-in records what docker is given: its environment and the config
  // directory's content at login and at build time.
  const FAKE_DOCKER = `#!/bin/sh
echo "=== $1 DOCKER_CONFIG=$DOCKER_CONFIG" >> "$TR_TEST_LOG"
env >> "$TR_TEST_LOG"
if [ "$1" = login ]; then
  cat > /dev/null
  printf '{"auths":{"%s":{"auth":"c2VjcmV0"}}}' "$2" > "$DOCKER_CONFIG/config.json"
fi
if [ "$1" = buildx ]; then
  echo "--- config at build:" >> "$TR_TEST_LOG"
  cat "$DOCKER_CONFIG/config.json" >> "$TR_TEST_LOG"
  echo >> "$TR_TEST_LOG"
fi
exit 0
`;

  it('logs in to a private DOCKER_CONFIG removed after the build, and no input or token reaches docker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-docker-'));
    const home = join(dir, 'home');
    const workDir = join(dir, 'work');
    const log = join(dir, 'docker.log');
    try {
      await mkdir(join(home, '.docker', 'buildx'), { recursive: true });
      await mkdir(workDir);
      await writeFile(join(home, '.docker', 'config.json'), '{"auths":{}}');
      const binary = join(dir, 'docker');
      vi.stubEnv('HOME', home);
      vi.stubEnv('DOCKER_CONFIG', undefined);
      vi.stubEnv('INPUT_REGISTRY-PASSWORD', 'hunter2-input');
      vi.stubEnv('INPUT_GITHUB-TOKEN', 'ghs_input');
      vi.stubEnv('GITHUB_TOKEN', 'ghs_job');
      await writeFile(binary, FAKE_DOCKER.replaceAll('$TR_TEST_LOG', log), { mode: 0o755 });
      await buildImage(
        'docker',
        {
          ...plan,
          push: false,
          workDir,
          login: { host: 'registry.example.com', username: 'bot', password: 'hunter2-login' },
        },
        { binary },
      );
      const text = await readFile(log, 'utf8');
      const configs = [...text.matchAll(/^=== (\w+) DOCKER_CONFIG=(.*)$/gm)].map((m) => [m[1], m[2]]);
      expect(configs.map(([command]) => command)).toEqual(['login', 'buildx']);
      const used = configs[0]?.[1] ?? '';
      expect(used.startsWith(workDir)).toBe(true);
      expect(configs[1]?.[1]).toBe(used);
      expect(text).toContain('--- config at build:\n{"auths":{"registry.example.com"');
      // The credentials never touched the user's docker config, and the private one is gone.
      expect(await readFile(join(home, '.docker', 'config.json'), 'utf8')).toBe('{"auths":{}}');
      await expect(stat(used)).rejects.toThrow(/ENOENT/);
      expect(text).not.toMatch(/hunter2|ghs_|INPUT_|GITHUB_TOKEN/);
      expect(text).toMatch(/^SOURCE_DATE_EPOCH=1700000000$/m);
    } finally {
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

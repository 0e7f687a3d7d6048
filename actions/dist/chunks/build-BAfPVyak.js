import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { existsSync } from 'node:fs';
import { writeFile, chmod, rm, readFile, mkdir, symlink, mkdtemp, cp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, isAbsolute, resolve } from 'node:path';
import { e as execa, c as childOptions } from './child-env-Cy3YPh8N.js';
import { I as InputError, E as ExternalError } from './errors-Cq3sNBNk.js';
import { s as semver, q as queueName, p as parseVersion } from './queues-BMU_gztj.js';
import { loadRolloutConfig } from './rollout-file-CfWIW6kC.js';
import 'node:url';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';
import 'node:process';
import 'node:tty';
import './_commonjsHelpers-DR8IKnz7.js';
import 'child_process';
import 'path';
import 'fs';
import 'node:timers/promises';
import 'node:events';
import 'node:v8';
import 'node:stream';
import 'node:buffer';
import 'node:stream/promises';
import './defaults-BsVYh3R2.js';

// Image builders: buildah and podman (daemonless) and docker buildx. Each builds a Containerfile with the
// given tags, labels and SOURCE_DATE_EPOCH, pushes when asked, and reports the digest from its own digest or
// metadata file, never from its log.
const pairs = (flag, values)=>Object.entries(values).flatMap(([key, value])=>[
            flag,
            `${key}=${value}`
        ]);
/** `buildah build` / `podman build` arguments (the two share the flags used here). */ function buildahBuildArgs(plan) {
    const args = [
        'build',
        '--file',
        plan.containerfile,
        '--format',
        'oci'
    ];
    if (plan.isolation) args.push('--isolation', plan.isolation);
    if (plan.platform) args.push('--platform', plan.platform);
    // --timestamp pins the config's created time and the mtime of every file in the new layers.
    args.push('--timestamp', String(plan.sourceDateEpoch));
    args.push(...pairs('--build-arg', {
        SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch),
        ...plan.buildArgs
    }));
    args.push(...pairs('--label', plan.labels), ...pairs('--annotation', plan.annotations));
    if (plan.authfile) args.push('--authfile', plan.authfile);
    args.push(`--tls-verify=${plan.tlsVerify}`);
    for (const ref of plan.refs)args.push('--tag', ref);
    args.push(plan.contextDir);
    return args;
}
function buildahPushArgs(plan, ref, digestFile) {
    const args = [
        'push',
        '--digestfile',
        digestFile,
        `--tls-verify=${plan.tlsVerify}`
    ];
    if (plan.authfile) args.push('--authfile', plan.authfile);
    args.push(ref, `docker://${ref}`);
    return args;
}
/**
 * `docker buildx build` arguments. The image exporter with `push=true` is `--push` spelled out, so that
 * `rewrite-timestamp` can clamp file times to SOURCE_DATE_EPOCH (BuildKit ≥ 0.13) for reproducible layers.
 */ function dockerBuildArgs(plan, metadataFile) {
    const args = [
        'buildx',
        'build',
        '--file',
        plan.containerfile,
        '--metadata-file',
        metadataFile
    ];
    if (plan.platform) args.push('--platform', plan.platform);
    args.push('--provenance=false');
    args.push(...pairs('--build-arg', {
        SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch),
        ...plan.buildArgs
    }));
    args.push(...pairs('--label', plan.labels), ...pairs('--annotation', plan.annotations));
    for (const ref of plan.refs)args.push('--tag', ref);
    for (const from of plan.cacheFrom ?? [])args.push('--cache-from', from);
    if (plan.push) for (const to of plan.cacheTo ?? [])args.push('--cache-to', to);
    args.push('--output', `type=image,push=${plan.push},oci-mediatypes=true,rewrite-timestamp=true${plan.tlsVerify ? '' : ',registry.insecure=true'}`);
    args.push(plan.contextDir);
    return args;
}
/** The GitHub Actions cache when the job runs on GitHub, otherwise a `buildcache` tag next to the image. */ function dockerCache(repository, /** The job has the GitHub Actions cache service (ciBuildContext's `actionsCache`). */ actionsCache) {
    if (actionsCache) {
        return {
            cacheFrom: [
                'type=gha'
            ],
            cacheTo: [
                'type=gha,mode=max'
            ]
        };
    }
    const ref = `${repository}:buildcache`;
    return {
        cacheFrom: [
            `type=registry,ref=${ref}`
        ],
        cacheTo: [
            `type=registry,ref=${ref},mode=max`
        ]
    };
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
async function run(name, binary, args, env = {}) {
    const result = await execa(binary, args, {
        reject: false,
        all: true,
        ...childOptions(env)
    });
    if (result.exitCode !== 0) {
        const tail = (result.all ?? '').trim().split('\n').slice(-25).join('\n');
        throw new ExternalError(name, `\`${name} ${args[0] === 'buildx' ? 'buildx build' : args[0]}\` failed:\n${tail}`);
    }
}
async function readDigest(file, builder) {
    const digest = (await readFile(file, 'utf8')).trim();
    if (!DIGEST.test(digest)) throw new ExternalError(builder, `the digest file holds "${digest}", not a digest`);
    return digest;
}
/** Builds (and pushes) with the named builder. */ async function buildImage(name, plan, options = {}) {
    const binary = options.binary ?? name;
    const global = options.globalArgs ?? [];
    if (name === 'docker') return buildWithDocker(binary, global, plan);
    await run(name, binary, [
        ...global,
        ...buildahBuildArgs(plan)
    ]);
    options.log?.(`built ${plan.refs[0]}`);
    if (!plan.push) return {};
    // Every tag is pushed from the same local image; the registry must report one digest for all of them.
    let digest;
    for (const [i, ref] of plan.refs.entries()){
        const digestFile = join(plan.workDir, `digest-${i}`);
        await run(name, binary, [
            ...global,
            ...buildahPushArgs(plan, ref, digestFile)
        ]);
        const pushed = await readDigest(digestFile, name);
        options.log?.(`pushed ${ref}`);
        if (digest && pushed !== digest) {
            throw new ExternalError(name, `${ref} was pushed as ${pushed}, but ${plan.refs[0]} as ${digest}`);
        }
        digest = pushed;
    }
    return {
        digest
    };
}
/** The GitHub Actions cache service's variables, which buildx's `type=gha` cache reads from its environment. */ const GHA_CACHE_ENV = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL'
];
/**
 * A docker config directory of our own for one build: credentials from `docker login` land in its
 * config.json and are deleted with it, never in $HOME/.docker. The user's buildx builders and CLI plugins
 * are linked in, so buildx still finds them.
 */ async function privateDockerConfig(workDir, userConfig = process.env.DOCKER_CONFIG ?? join(homedir(), '.docker')) {
    const dir = join(workDir, 'docker-config');
    await mkdir(dir, {
        recursive: true,
        mode: 0o700
    });
    await writeFile(join(dir, 'config.json'), '{"auths":{}}\n', {
        mode: 0o600
    });
    for (const shared of [
        'buildx',
        'cli-plugins',
        'contexts'
    ]){
        const from = join(userConfig, shared);
        if (existsSync(from)) await symlink(from, join(dir, shared));
    }
    return dir;
}
async function buildWithDocker(binary, global, plan) {
    const metadataFile = join(plan.workDir, 'buildx-metadata.json');
    const dockerConfig = plan.login ? await privateDockerConfig(plan.workDir) : process.env.DOCKER_CONFIG;
    try {
        if (plan.login) {
            const { host, username, password } = plan.login;
            const login = await execa(binary, [
                ...global,
                'login',
                host,
                '--username',
                username,
                '--password-stdin'
            ], {
                input: password,
                reject: false,
                ...childOptions({
                    DOCKER_CONFIG: dockerConfig
                })
            });
            if (login.exitCode !== 0) throw new ExternalError('docker', `docker login ${host} failed: ${login.stderr.trim()}`);
        }
        const usesGhaCache = (plan.cacheFrom ?? []).some((from)=>from.startsWith('type=gha'));
        await run('docker', binary, [
            ...global,
            ...dockerBuildArgs(plan, metadataFile)
        ], {
            SOURCE_DATE_EPOCH: String(plan.sourceDateEpoch),
            DOCKER_CONFIG: dockerConfig,
            ...usesGhaCache ? Object.fromEntries(GHA_CACHE_ENV.map((name)=>[
                    name,
                    process.env[name]
                ])) : {}
        });
    } finally{
        if (plan.login && dockerConfig) await rm(dockerConfig, {
            recursive: true,
            force: true
        });
    }
    if (!plan.push) return {};
    const metadata = JSON.parse(await readFile(metadataFile, 'utf8'));
    const digest = metadata['containerimage.digest'];
    if (typeof digest !== 'string' || !DIGEST.test(digest)) {
        throw new ExternalError('docker', `${metadataFile} has no containerimage.digest`);
    }
    return {
        digest
    };
}
async function works(binary, args) {
    const result = await execa(binary, args, {
        reject: false,
        timeout: 15_000,
        ...childOptions()
    });
    return result.exitCode === 0;
}
/** Picks a builder for `auto`, and says why: docker only with buildx and a reachable engine. */ async function chooseBuilder(requested, probe = works) {
    if (requested !== 'auto') return {
        name: requested,
        reason: 'requested'
    };
    if (await probe('docker', [
        'buildx',
        'version'
    ]) && await probe('docker', [
        'info'
    ])) {
        return {
            name: 'docker',
            reason: 'docker buildx with a running engine'
        };
    }
    if (await probe('buildah', [
        '--version'
    ])) return {
        name: 'buildah',
        reason: 'buildah found; no docker engine'
    };
    if (await probe('podman', [
        '--version'
    ])) return {
        name: 'podman',
        reason: 'podman found; no docker engine'
    };
    throw new InputError('input "builder"', 'no image builder found: docker buildx with a running engine, buildah or podman', 'install buildah (apt-get install buildah) or set up docker buildx');
}
/**
 * Writes a containers-auth.json readable only by us. docker's config.json uses the same `auths` shape, so the
 * file also serves as a DOCKER_CONFIG for buildx.
 */ async function writeAuthFile(path, host, username, password) {
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    await writeFile(path, JSON.stringify({
        auths: {
            [host]: {
                auth
            }
        }
    }), {
        mode: 0o600
    });
    await chmod(path, 0o600);
    return path;
}

// The repository facts a build needs, read with the git CLI.
async function git(repoDir, args) {
    const result = await execa('git', [
        '-C',
        repoDir,
        ...args
    ], {
        reject: false,
        ...childOptions()
    });
    if (result.failed && result.exitCode === undefined) {
        throw new ExternalError('git', `could not run git: ${result.shortMessage}`);
    }
    return {
        ok: result.exitCode === 0,
        stdout: result.stdout.trim(),
        stderr: result.stderr.trim()
    };
}
async function required(repoDir, args, what) {
    const result = await git(repoDir, args);
    if (!result.ok) throw new ExternalError('git', `${what} failed in ${repoDir}: ${result.stderr}`);
    return result.stdout;
}
/** The full commit SHA of a revision (HEAD by default). */ async function resolveCommit(repoDir, revision = 'HEAD') {
    const result = await git(repoDir, [
        'rev-parse',
        '--verify',
        '--end-of-options',
        `${revision}^{commit}`
    ]);
    if (!result.ok) {
        throw new InputError(`commit "${revision}"`, `is not a commit in ${repoDir}`, 'check out the repository with its history (actions/checkout fetch-depth: 0)');
    }
    return result.stdout;
}
/** Committer time in epoch seconds: the moment the release's content was fixed, used for SOURCE_DATE_EPOCH. */ async function commitTime(repoDir, sha) {
    const out = await required(repoDir, [
        'show',
        '-s',
        '--format=%ct',
        sha
    ], 'reading the commit time');
    const seconds = Number(out);
    if (!Number.isInteger(seconds)) throw new ExternalError('git', `unexpected commit time "${out}" for ${sha}`);
    return seconds;
}
/** Every tag in the repository. A shallow checkout may have none: `latest` then only goes to the tag itself. */ async function listTags(repoDir) {
    const out = await required(repoDir, [
        'tag',
        '--list'
    ], 'listing tags');
    return out === '' ? [] : out.split('\n');
}
/** The nearest `v*` tag reachable from the commit, or undefined. */ async function nearestReleaseTag(repoDir, sha) {
    const result = await git(repoDir, [
        'describe',
        '--tags',
        '--abbrev=0',
        '--match',
        'v[0-9]*',
        sha
    ]);
    return result.ok && result.stdout !== '' ? result.stdout : undefined;
}
/**
 * The ref HEAD stands for, in GITHUB_REF form: a tag that points at HEAD wins (a release checkout is
 * detached), then the checked-out branch. Undefined when HEAD is detached and untagged.
 */ async function currentRef(repoDir) {
    const tags = await git(repoDir, [
        'tag',
        '--points-at',
        'HEAD'
    ]);
    const tag = tags.ok ? tags.stdout.split('\n').find((t)=>/^v?\d/.test(t)) : undefined;
    if (tag) return `refs/tags/${tag}`;
    const branch = await git(repoDir, [
        'symbolic-ref',
        '-q',
        'HEAD'
    ]);
    return branch.ok && branch.stdout !== '' ? branch.stdout : undefined;
}
/** The URL of a remote (origin by default), or undefined when there is none. */ async function remoteUrl(repoDir, remote = 'origin') {
    const result = await git(repoDir, [
        'remote',
        'get-url',
        remote
    ]);
    return result.ok && result.stdout !== '' ? result.stdout : undefined;
}

// Any OCI registry, through skopeo: what an image reference points at, and adding a tag to a pushed digest.
function accessArgs(access, prefix = '') {
    const args = [
        `--${prefix}tls-verify=${access.tlsVerify}`
    ];
    if (access.authfile) args.push(`--${prefix}authfile`, access.authfile);
    return args;
}
// skopeo reports a missing repository or tag with the registry's own error code (distribution spec).
const NOT_FOUND = /manifest unknown|name unknown|not found|MANIFEST_UNKNOWN|NAME_UNKNOWN/i;
/** What `ref` (`host/repo:tag` or `host/repo@sha256:…`) points at, or undefined when it does not exist. */ async function inspectImage(ref, access) {
    const result = await execa(access.skopeo ?? 'skopeo', [
        'inspect',
        ...accessArgs(access),
        `docker://${ref}`
    ], {
        reject: false,
        ...childOptions()
    });
    if (result.exitCode !== 0) {
        if (NOT_FOUND.test(result.stderr)) return undefined;
        throw new ExternalError('registry', `skopeo inspect ${ref} failed: ${result.stderr.trim().slice(-800)}`);
    }
    const parsed = JSON.parse(result.stdout);
    if (!parsed.Digest) throw new ExternalError('registry', `skopeo inspect ${ref} returned no digest`);
    return {
        digest: parsed.Digest,
        labels: parsed.Labels ?? {}
    };
}
/** Points `repository:tag` at an already pushed `repository@digest`, keeping the digest byte for byte. */ async function tagDigest(repository, digest, tag, access) {
    const result = await execa(access.skopeo ?? 'skopeo', [
        'copy',
        '--preserve-digests',
        ...accessArgs(access, 'src-'),
        ...accessArgs(access, 'dest-'),
        `docker://${repository}@${digest}`,
        `docker://${repository}:${tag}`
    ], {
        reject: false,
        ...childOptions()
    });
    if (result.exitCode !== 0) {
        throw new ExternalError('registry', `tagging ${repository}@${digest} as ${tag} failed: ${result.stderr.trim().slice(-800)}`);
    }
}
/** `registry.example.com/acme/app` → `registry.example.com`; a name without a host is on Docker Hub. */ function registryHost(repository) {
    const first = repository.split('/')[0] ?? '';
    return repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

// The OCI image-spec's pre-defined annotation keys, set both as image config labels and as manifest
// annotations, so `skopeo inspect`, registries and scanners all see them.
const OCI = {
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    version: 'org.opencontainers.image.version',
    created: 'org.opencontainers.image.created',
    title: 'org.opencontainers.image.title',
    description: 'org.opencontainers.image.description',
    licenses: 'org.opencontainers.image.licenses'
};
/** RFC 3339 in UTC without fractions, as the image spec's `created` expects. */ function rfc3339(epochSeconds) {
    return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The labels in a fixed order; empty optional values are left out rather than written as "". */ function ociLabels(meta) {
    const labels = {};
    const set = (key, value)=>{
        if (value !== undefined && value.trim() !== '') labels[key] = value;
    };
    set(OCI.created, rfc3339(meta.commitTime));
    set(OCI.description, meta.description);
    set(OCI.licenses, meta.licenses);
    set(OCI.revision, meta.revision);
    set(OCI.source, meta.source);
    set(OCI.title, meta.title);
    set(OCI.version, meta.version);
    return labels;
}
/** `git@github.com:acme/orders.git` or `https://token@github.com/acme/orders.git` → `https://github.com/acme/orders`. */ function sourceUrl(remote) {
    const trimmed = remote.trim();
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(trimmed);
    if (scp) return `https://${scp[1]}/${scp[2]}`;
    try {
        const url = new URL(trimmed);
        if (![
            'https:',
            'http:',
            'ssh:',
            'git:'
        ].includes(url.protocol)) return undefined;
        // Credentials in a remote URL must never reach a label.
        return `https://${url.host}${url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '')}`;
    } catch  {
        return undefined;
    }
}

// What a git ref means for an image: its version and tags, by the rules docker/metadata-action users know
// (type=semver {{version}}, {{major}}.{{minor}}, {{major}}; type=sha; type=ref,event=pr|branch), except that
// `latest` goes only to the highest stable version, not to whatever tag was pushed last.
const MAX_TAG = 128;
const SHA = /^[0-9a-f]{40}$/;
/**
 * Parses `refs/tags/v1.4.0`, `refs/heads/main` or `refs/pull/12/merge` (GITHUB_REF). A bare name is not
 * accepted: `main` could be a branch or a tag, and guessing would tag the image wrongly.
 */ function parseGitRef(ref) {
    const subject = 'ref';
    const trimmed = ref.trim();
    const tag = /^refs\/tags\/(.+)$/.exec(trimmed);
    if (tag?.[1]) return {
        kind: 'tag',
        name: tag[1]
    };
    const branch = /^refs\/heads\/(.+)$/.exec(trimmed);
    if (branch?.[1]) return {
        kind: 'branch',
        name: branch[1]
    };
    const pull = /^refs\/pull\/([^/]+)\/(?:merge|head)$/.exec(trimmed);
    if (pull?.[1]) {
        if (!/^[1-9]\d*$/.test(pull[1])) {
            throw new InputError(subject, `"${ref}" has no pull request number`, 'use refs/pull/<number>/merge');
        }
        return {
            kind: 'pull-request',
            name: pull[1]
        };
    }
    throw new InputError(subject, `"${ref}" is not a tag, branch or pull request ref`, 'pass a full ref: refs/tags/v1.4.0, refs/heads/main or refs/pull/12/merge');
}
/**
 * A release tag as semver: `v1.4.0` or `1.4.0`. Anything else is an error, never a guess; so is build
 * metadata (`v1.5.0+build.7`), which would move 1.5.0's tags, build id and queue (see parseVersion).
 */ function releaseSemver(tag) {
    const parsed = /^v?\d/.test(tag) ? semver.parse(tag.replace(/^v/, '')) : null;
    if (!parsed) {
        throw new InputError(`tag "${tag}"`, 'is not a semantic version, so the image version and tags cannot be derived from it', 'tag releases like v1.4.0 or v1.4.0-rc.1');
    }
    return parseVersion(tag, `tag "${tag}"`);
}
/**
 * A string made into a valid image tag (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`): runs of other characters
 * become `-`, as metadata-action does (`feature/Login` → `feature-Login`).
 */ function sanitizeTag(value, subject) {
    const tag = value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '').slice(0, MAX_TAG).replace(/[.-]+$/, '');
    if (tag === '') {
        throw new InputError(subject, `"${value}" leaves nothing usable as an image tag`, 'use letters or digits');
    }
    return tag;
}
/** The highest stable (non-prerelease) semver among the repository's tags, ignoring tags that are not semver. */ function highestStable(tags) {
    let best;
    for (const tag of tags){
        const parsed = /^v?\d/.test(tag) ? semver.parse(tag.replace(/^v/, '')) : null;
        // A tag with build metadata is never released (releaseSemver refuses it), so it cannot hold `latest`.
        if (!parsed || parsed.prerelease.length > 0 || parsed.build.length > 0) continue;
        if (!best || semver.gt(parsed, best)) best = parsed;
    }
    return best;
}
function imageVersion(input) {
    if (!SHA.test(input.sha)) {
        throw new InputError('commit', `"${input.sha}" is not a full 40-character commit SHA`, 'pass git rev-parse HEAD');
    }
    const ref = parseGitRef(input.ref);
    const shaTag = `sha-${input.sha.slice(0, 7)}`;
    if (ref.kind === 'pull-request') {
        const version = `pr-${ref.name}`;
        return {
            ref,
            version,
            prerelease: false,
            tags: [
                version,
                shaTag
            ]
        };
    }
    if (ref.kind === 'branch') {
        const version = sanitizeTag(ref.name, `branch "${ref.name}"`);
        return {
            ref,
            version,
            prerelease: false,
            tags: [
                version,
                shaTag
            ]
        };
    }
    const v = releaseSemver(ref.name);
    const semverString = v.version;
    if (v.prerelease.length > 0) {
        return {
            ref,
            version: semverString,
            semver: semverString,
            prerelease: true,
            tags: [
                v.version,
                shaTag
            ]
        };
    }
    const tags = [
        v.version,
        `${v.major}.${v.minor}`,
        `${v.major}`
    ];
    const highest = highestStable([
        ...input.repoTags,
        ref.name
    ]);
    if (highest && semver.gte(v, highest)) tags.push('latest');
    tags.push(shaTag);
    return {
        ref,
        version: semverString,
        semver: semverString,
        prerelease: false,
        tags
    };
}
/**
 * The task queue an image version polls. A release uses its own semver; a branch or pull request build uses
 * the nearest release tag below it (`git describe`), since it becomes part of that major line. Undefined when
 * neither exists: such a build has no queue yet.
 */ function versionTaskQueue(template, base, version, nearestReleaseTag) {
    if (version.semver) return queueName(template, base, version.semver, `version "${version.semver}"`);
    if (!nearestReleaseTag) return undefined;
    const nearest = releaseSemver(nearestReleaseTag);
    return queueName(template, base, nearest.version, `tag "${nearestReleaseTag}"`);
}

// The build step: git ref → version and tags → staged context → image built, labelled and pushed → digest.
// Errors name options by their neutral fields (options/build.ts); each front end says its input or flag.
const IMAGE_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+|\/[a-z0-9]+|:[0-9]+)*(?:\/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$/;
function validateImage(image) {
    const trimmed = image.trim();
    const lastPart = trimmed.split('/').at(-1) ?? '';
    if (trimmed.includes('@') || lastPart.includes(':') || !IMAGE_NAME.test(trimmed)) {
        throw new InputError('image', `"${image}" is not an image repository`, 'give a lowercase repository without tag or digest, e.g. ghcr.io/acme/order-worker');
    }
    return trimmed;
}
async function readJson(path) {
    try {
        return JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
        throw new InputError(path, `cannot be read as JSON (${err.message})`, 'check the file');
    }
}
/** The `config` value that builds without rollout.yaml. */ const NO_CONFIG = 'none';
async function loadConfig(inputs) {
    if (inputs.configPath === NO_CONFIG) return undefined;
    if (inputs.configPath) return loadRolloutConfig(resolve(inputs.repoDir, inputs.configPath));
    const fallback = join(inputs.repoDir, 'rollout.yaml');
    return existsSync(fallback) ? loadRolloutConfig(fallback) : undefined;
}
/**
 * The dependencies of a minimal build context: the lockfile, the workspace's package.json, and its production
 * dependencies installed from the lockfile by `npm ci --omit=dev`, so the image build itself needs no network.
 * It needs nothing compiled, so it runs while the workspace compiles.
 */ async function stageDependencies(repoDir, workspace, dir, log) {
    for (const file of [
        'package.json',
        'package-lock.json'
    ]){
        if (!existsSync(join(repoDir, file))) {
            throw new InputError(`${file} in ${repoDir}`, 'is missing', 'commit package-lock.json: the image installs exactly what it pins');
        }
        await cp(join(repoDir, file), join(dir, file));
    }
    await mkdir(join(dir, workspace), {
        recursive: true
    });
    await cp(join(repoDir, workspace, 'package.json'), join(dir, workspace, 'package.json'));
    log(`staging production dependencies of ${workspace} (npm ci --omit=dev)`);
    const npm = await execa('npm', [
        'ci',
        '--omit=dev',
        `--workspace=${workspace}`,
        '--include-workspace-root=false',
        // Install scripts would run code from the registry on the build machine; the prebuilt
        // packages the worker uses need none.
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund'
    ], {
        cwd: dir,
        reject: false,
        all: true,
        ...childOptions()
    });
    if (npm.exitCode !== 0) {
        throw new ExternalError('npm', `npm ci --omit=dev failed:\n${(npm.all ?? '').split('\n').slice(-20).join('\n')}`);
    }
}
/** The workspace's compiled dist/, into the build context beside its staged dependencies. */ async function stageDist(repoDir, workspace, dir) {
    const dist = join(repoDir, workspace, 'dist');
    if (!existsSync(dist)) {
        throw new InputError(`${workspace}/dist`, 'does not exist', `run npm run build --workspace ${workspace} first`);
    }
    await cp(dist, join(dir, workspace, 'dist'), {
        recursive: true
    });
}
/**
 * Compiles the workspace (unless `compile` is false) while its dependencies are staged, then adds its dist/.
 * Both finish before this returns or throws (the context folder is removed after), compile errors first.
 */ async function stageContext(repoDir, workspace, dir, compile, log) {
    // Nothing to compile: a missing dist/ fails before anything is installed.
    if (!compile) await stageDist(repoDir, workspace, dir);
    const [compiled, staged] = await Promise.allSettled([
        compile ? compileWorkspace(repoDir, workspace, log) : Promise.resolve(),
        stageDependencies(repoDir, workspace, dir, log)
    ]);
    for (const settled of [
        compiled,
        staged
    ])if (settled.status === 'rejected') throw settled.reason;
    if (compile) await stageDist(repoDir, workspace, dir);
}
/** Reads rollout.yaml, git and the workspace's package.json into the plan; checks the inputs it uses. */ async function planBuild(inputs) {
    const repoDir = resolve(inputs.repoDir);
    const workspace = inputs.workspace ?? 'worker';
    const config = await loadConfig(inputs);
    const imageInput = inputs.image ?? config?.image;
    if (!imageInput) {
        throw new InputError('image', 'is not set and there is no rollout.yaml with `image`', 'pass ⟨image⟩');
    }
    const image = validateImage(imageInput);
    const sha = await resolveCommit(repoDir, inputs.sha ?? 'HEAD');
    const ref = inputs.ref ?? await currentRef(repoDir);
    if (!ref) {
        throw new InputError('ref', 'HEAD is detached and untagged', 'pass ⟨ref⟩, e.g. refs/tags/v1.4.0');
    }
    const [tagsInRepo, time, nearest, remote] = await Promise.all([
        listTags(repoDir),
        commitTime(repoDir, sha),
        nearestReleaseTag(repoDir, sha),
        inputs.sourceUrl ? undefined : remoteUrl(repoDir)
    ]);
    const version = imageVersion({
        ref,
        sha,
        repoTags: tagsInRepo
    });
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
        licenses: typeof workspacePackage.license === 'string' ? workspacePackage.license : undefined
    });
    const push = inputs.push === undefined || inputs.push === 'auto' ? version.ref.kind !== 'pull-request' : inputs.push;
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
        refs: version.tags.map((tag)=>`${image}:${tag}`),
        push
    };
}
/**
 * The digest of the image the registry already holds for this commit and version (its other tags moved onto
 * it); undefined when it must be built.
 */ async function alreadyPushed(plan, access, log) {
    const { image, refs, sha, version } = plan;
    const existing = await inspectImage(refs[0], access);
    if (!existing || existing.labels[OCI.revision] !== sha || existing.labels[OCI.version] !== version.version) return undefined;
    log(`${refs[0]} already holds commit ${sha.slice(0, 7)} as ${existing.digest}: not rebuilding`);
    for (const tag of version.tags.slice(1)){
        const current = await inspectImage(`${image}:${tag}`, access);
        if (current?.digest !== existing.digest) await tagDigest(image, existing.digest, tag, access);
    }
    return existing.digest;
}
/** `npm run build` of the workspace, so its dist/ is the commit's. */ async function compileWorkspace(repoDir, workspace, log) {
    log(`compiling ${workspace} (npm run build --workspace ${workspace} --if-present)`);
    const compiled = await execa('npm', [
        'run',
        'build',
        `--workspace=${workspace}`,
        '--if-present'
    ], {
        cwd: repoDir,
        reject: false,
        all: true,
        ...childOptions()
    });
    if (compiled.exitCode !== 0) {
        throw new ExternalError('npm', `building ${workspace} failed:\n${(compiled.all ?? '').slice(-3e3)}`);
    }
}
async function runBuild(inputs) {
    const started = Date.now();
    const log = inputs.log ?? (()=>{});
    const plan = await planBuild(inputs);
    const { repoDir, workspace, image, version, taskQueue, refs, push, labels } = plan;
    const chosen = await chooseBuilder(inputs.builder ?? 'auto');
    log(`builder: ${chosen.name} (${chosen.reason})`);
    log(`version ${version.version}; tags ${version.tags.join(', ')}${taskQueue ? `; task queue ${taskQueue}` : ''}`);
    const workDir = await mkdtemp(join(tmpdir(), 'tr-build-'));
    try {
        const authfile = inputs.credentials ? await writeAuthFile(join(workDir, 'auth.json'), registryHost(image), inputs.credentials.username, inputs.credentials.password) : undefined;
        const access = {
            tlsVerify: inputs.tlsVerify ?? true,
            authfile,
            skopeo: inputs.skopeo
        };
        const result = (digest, reused)=>({
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
                durationMs: Date.now() - started
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
        const buildPlan = {
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
            login: inputs.credentials ? {
                host: registryHost(image),
                ...inputs.credentials
            } : undefined,
            workDir,
            platform: inputs.platform,
            isolation: inputs.isolation,
            ...chosen.name === 'docker' ? dockerCache(image, inputs.actionsCache ?? false) : {}
        };
        log(`building ${refs[0]} from ${containerfile}${push ? ' and pushing' : ' (not pushing)'}`);
        const outcome = await buildImage(chosen.name, buildPlan, {
            log,
            ...inputs.builderOptions
        });
        return result(outcome.digest, false);
    } finally{
        await rm(workDir, {
            recursive: true,
            force: true
        });
    }
}

export { NO_CONFIG, runBuild };

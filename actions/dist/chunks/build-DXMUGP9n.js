import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { g as parseChoice, o as outputFlags, j as parseKeyValues, l as listOf, t as textOf, k as booleanOf, s as switchOf } from './table-BWLE4AEh.js';

/**
 * What a GitHub Actions job says about the build through its environment (GITHUB_*). Read by the front ends
 * only (the action, and the CLI when it runs in a job), so the build step itself reads no environment.
 */ function ciBuildContext(env) {
    return {
        ...env.GITHUB_SHA ? {
            sha: env.GITHUB_SHA
        } : {},
        ...env.GITHUB_REF ? {
            ref: env.GITHUB_REF
        } : {},
        ...env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? {
            sourceUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
        } : {},
        actionsCache: env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RUNTIME_TOKEN)
    };
}

// The builders a user may name, parsed where inputs are read (before the builders themselves are loaded).
const BUILDERS = [
    'auto',
    'buildah',
    'podman',
    'docker'
];
function parseBuilder(value, subject = 'builder') {
    return parseChoice(value, subject, BUILDERS);
}

// The build step's options, and what they become: the step's inputs. The action and the CLI differ only in
// where the repository is, how credentials arrive and how booleans are written (an input, or a switch).
const BUILD_OPTIONS = [
    {
        field: 'repo',
        input: false,
        arg: 'DIR',
        help: 'repository root (default .)',
        default: '.'
    },
    {
        field: 'config',
        description: "Path of rollout.yaml (image repository, task-queue template); none for an image that is not the rolled-out worker (the rollout controller's).",
        arg: 'FILE',
        help: "rollout.yaml (default <repo>/rollout.yaml when present): image, task-queue template; none: an image that is not the rolled-out worker (the controller's)"
    },
    {
        field: 'image',
        description: "Image repository without tag; overrides rollout.yaml's image.",
        arg: 'REPO',
        help: 'image repository without tag, e.g. ghcr.io/acme/order-worker'
    },
    {
        field: 'containerfile',
        description: 'Containerfile to build; default <workspace>/Containerfile.',
        arg: 'FILE',
        help: 'default <workspace>/Containerfile'
    },
    {
        field: 'workspace',
        description: 'The worker package directory.',
        arg: 'DIR',
        help: 'npm workspace that goes into the image (default worker)',
        default: 'worker'
    },
    {
        field: 'compile',
        flag: false,
        description: 'Compile the worker (npm run build) and stage production dependencies before building.',
        default: 'true'
    },
    {
        field: 'no-compile',
        kind: 'switch',
        input: false,
        help: "do not run the workspace's build script first"
    },
    {
        field: 'ref',
        description: 'Git ref the tags come from; default GITHUB_REF.',
        arg: 'REF',
        help: "refs/tags/v1.4.0 | refs/heads/main | refs/pull/12/merge (default GITHUB_REF, else HEAD's)"
    },
    {
        field: 'sha',
        description: 'Commit; default GITHUB_SHA.',
        arg: 'SHA',
        help: 'commit (default GITHUB_SHA, else HEAD)'
    },
    {
        field: 'push',
        description: 'auto (push except on pull requests) | true | false.',
        arg: 'auto|true|false',
        help: 'auto: push everything but pull requests (default auto)',
        default: 'auto'
    },
    {
        field: 'force',
        kind: 'switch',
        description: "Rebuild even when the registry already has this commit's image.",
        help: 'build and push even when the registry already has this commit',
        inputDefault: 'false'
    },
    {
        field: 'builder',
        description: 'auto | docker | buildah | podman (auto says which it picked).',
        arg: 'NAME',
        help: 'auto | buildah | podman | docker (default auto)',
        default: 'auto'
    },
    {
        field: 'build-args',
        kind: 'list',
        flag: 'build-arg',
        description: 'KEY=VALUE build arguments, one per line.',
        arg: 'K=V',
        help: 'repeatable, e.g. BASE_IMAGE=…'
    },
    {
        field: 'platform',
        description: 'Target platform, e.g. linux/amd64.',
        arg: 'OS/ARCH',
        help: 'target platform, e.g. linux/amd64'
    },
    {
        field: 'isolation',
        input: false,
        arg: 'MODE',
        help: 'buildah/podman isolation (chroot where user namespaces are not allowed)'
    },
    {
        field: 'tls-verify',
        flag: false,
        description: "Verify the registry's TLS certificate.",
        default: 'true'
    },
    {
        field: 'insecure-registry',
        kind: 'switch',
        input: false,
        help: 'plain HTTP / unverified TLS'
    },
    {
        field: 'registry-username',
        flag: 'username',
        description: 'Registry user.',
        arg: 'USER',
        help: 'registry user; the password comes from REGISTRY_PASSWORD, never from argv'
    },
    {
        field: 'registry-password',
        flag: false,
        secret: true,
        description: 'Registry password or token (masked).'
    },
    ...outputFlags()
];
/** The build step's inputs from the options, every one checked; the job's commit and ref unless options name others. */ function buildInputsOf(values, job, frontEnd) {
    const buildArgs = parseKeyValues(listOf(values, 'build-args'), 'build-args');
    const push = parseChoice(textOf(values, 'push') ?? 'auto', 'push', [
        'auto',
        'true',
        'false'
    ]);
    const image = textOf(values, 'image');
    const configPath = textOf(values, 'config');
    const containerfile = textOf(values, 'containerfile');
    const ref = textOf(values, 'ref') ?? job.ref;
    const sha = textOf(values, 'sha') ?? job.sha;
    const platform = textOf(values, 'platform');
    const isolation = textOf(values, 'isolation');
    return {
        ...frontEnd,
        ...configPath ? {
            configPath
        } : {},
        ...image ? {
            image
        } : {},
        ...containerfile ? {
            containerfile
        } : {},
        workspace: textOf(values, 'workspace') ?? 'worker',
        compile: booleanOf(values, 'compile', true) && !switchOf(values, 'no-compile'),
        ...ref ? {
            ref
        } : {},
        ...sha ? {
            sha
        } : {},
        ...job.sourceUrl ? {
            sourceUrl: job.sourceUrl
        } : {},
        actionsCache: job.actionsCache,
        push: push === 'auto' ? 'auto' : push === 'true',
        force: booleanOf(values, 'force', false),
        builder: parseBuilder(textOf(values, 'builder') ?? 'auto'),
        buildArgs,
        ...platform ? {
            platform
        } : {},
        ...isolation ? {
            isolation
        } : {},
        tlsVerify: booleanOf(values, 'tls-verify', true) && !switchOf(values, 'insecure-registry')
    };
}

export { BUILD_OPTIONS as B, buildInputsOf as b, ciBuildContext as c };

import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { c as ciBuildContext, p as parseBuilder } from './ci-env-DgtGLfaW.js';
import { l as loadStep } from './step-loader-CzJ_H5Dk.js';
import { I as InputError } from './errors-5XkxSMbp.js';
import { p as parseKeyValues, a as parseChoice } from './table-CAmxcAk9.js';
import { p as parseCommand, O as OUTPUT_SWITCHES } from './command-C7-RYSQS.js';
import './queues-BzXUQGIA.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'node:util';

const summary = 'build the worker image, tag it from the git ref, push it and report its digest';
const HELP = `usage: temporal-rollout build [options]

Tags come from the ref: v1.4.0 → 1.4.0, 1.4, 1 (+ latest when it is the highest stable tag); a prerelease gets
only its own version; a branch its sanitised name; a pull request pr-<n>; always sha-<7>. Labels and the
image's created time come from the commit. A re-run for a commit already in the registry is reported, not
rebuilt, unless --force.

  --repo DIR               repository root (default .)
  --config FILE            rollout.yaml (default <repo>/rollout.yaml when present): image, task-queue template;
                           none: an image that is not the rolled-out worker (the controller's)
  --image REPO             image repository without tag, e.g. ghcr.io/acme/order-worker
  --containerfile FILE     default <workspace>/Containerfile
  --workspace DIR          npm workspace that goes into the image (default worker)
  --no-compile             do not run the workspace's build script first
  --ref REF                refs/tags/v1.4.0 | refs/heads/main | refs/pull/12/merge (default GITHUB_REF, else HEAD's)
  --sha SHA                commit (default GITHUB_SHA, else HEAD)
  --push auto|true|false   auto: push everything but pull requests (default auto)
  --force                  build and push even when the registry already has this commit
  --builder NAME           auto | buildah | podman | docker (default auto)
  --build-arg K=V          repeatable, e.g. BASE_IMAGE=…
  --platform OS/ARCH
  --isolation MODE         buildah/podman isolation (chroot where user namespaces are not allowed)
  --insecure-registry      plain HTTP / unverified TLS
  --username USER          registry user; the password comes from REGISTRY_PASSWORD, never from argv
  --json                   print the result as JSON`;
function parsePush(value) {
    const push = parseChoice(value, '--push', [
        'auto',
        'true',
        'false'
    ]);
    return push === 'auto' ? 'auto' : push === 'true';
}
function renderBuild(result) {
    const lines = [
        result.reused ? `${result.image}: commit ${result.commit.slice(0, 7)} is already in the registry, not rebuilt` : `${result.image}: built with ${result.builder} (${result.builderReason})${result.pushed ? ' and pushed' : ', not pushed'}`,
        `  version     ${result.version}`,
        `  tags        ${result.tags.join(', ')}`,
        `  digest      ${result.digest ?? '(not pushed)'}`,
        `  image-ref   ${result.imageRef ?? '(not pushed)'}`,
        `  task queue  ${result.taskQueue ?? '(no release version yet)'}`,
        `  created     ${result.created} (commit time)`,
        `  took        ${(result.durationMs / 1000).toFixed(1)} s`
    ];
    return lines.join('\n');
}
const OPTIONS = {
    repo: {
        type: 'string',
        default: '.'
    },
    config: {
        type: 'string'
    },
    image: {
        type: 'string'
    },
    containerfile: {
        type: 'string'
    },
    workspace: {
        type: 'string',
        default: 'worker'
    },
    'no-compile': {
        type: 'boolean',
        default: false
    },
    ref: {
        type: 'string'
    },
    sha: {
        type: 'string'
    },
    push: {
        type: 'string',
        default: 'auto'
    },
    force: {
        type: 'boolean',
        default: false
    },
    builder: {
        type: 'string',
        default: 'auto'
    },
    'build-arg': {
        type: 'string',
        multiple: true,
        default: []
    },
    platform: {
        type: 'string'
    },
    isolation: {
        type: 'string'
    },
    'insecure-registry': {
        type: 'boolean',
        default: false
    },
    username: {
        type: 'string'
    },
    ...OUTPUT_SWITCHES
};
async function main(argv) {
    const values = parseCommand(argv, OPTIONS, HELP);
    if (!values) return 0;
    const password = process.env.REGISTRY_PASSWORD;
    if (values.username && !password) {
        throw new InputError('REGISTRY_PASSWORD', 'is not set but --username is', 'export REGISTRY_PASSWORD');
    }
    // Run in a GitHub job, the CLI builds what the job checked out, as the action does.
    const job = ciBuildContext(process.env);
    const inputs = {
        repoDir: values.repo,
        configPath: values.config,
        image: values.image,
        containerfile: values.containerfile,
        workspace: values.workspace,
        compile: !values['no-compile'],
        ref: values.ref ?? job.ref,
        sha: values.sha ?? job.sha,
        sourceUrl: job.sourceUrl,
        actionsCache: job.actionsCache,
        push: parsePush(values.push),
        force: values.force,
        builder: parseBuilder(values.builder, '--builder'),
        buildArgs: parseKeyValues(values['build-arg'], '--build-arg'),
        platform: values.platform,
        isolation: values.isolation,
        tlsVerify: !values['insecure-registry'],
        credentials: values.username && password ? {
            username: values.username,
            password
        } : undefined,
        log: values.json ? undefined : (line)=>console.error(line)
    };
    const { runBuild } = await loadStep(()=>import('./build-HyWYfb8y.js'));
    const result = await runBuild(inputs);
    console.log(values.json ? JSON.stringify(result, null, 2) : renderBuild(result));
    return 0;
}

export { main, renderBuild, summary };

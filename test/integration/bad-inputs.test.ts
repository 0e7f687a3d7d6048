// Every bundled action and every CLI command, fed bad input the way users and attackers write it, run as a
// runner runs them (Node 24, only INPUT_* and the runner's variables, an empty workspace). Each case must fail
// fast with the exit code of its kind, a message naming the input, file or field at fault, no output set, no
// file written in the workspace and no process left behind. Nothing here may reach a server: a case that tried
// to connect would show as "cannot connect" instead of its message.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';
import { runBundledAction } from '../support/run-action.js';

const ROLLOUT = `app: order-worker
image: registry.example.com/acme/order-worker
deployer: local
taskQueues:
  order: { base: order-task-queue, template: "{base}-v{major}" }
strategy:
  type: task-queue
  steps:
    - { weight: 10 }
    - { weight: 100 }
`;

type Setup = (workspace: string, outside: string) => Promise<void>;

const file =
  (path: string, text = ''): Setup =>
  async (ws) => {
    await mkdir(join(ws, path, '..'), { recursive: true });
    await writeFile(join(ws, path), text);
  };
const rollout: Setup = file('rollout.yaml', ROLLOUT);
const both =
  (...setups: Setup[]): Setup =>
  async (ws, outside) => {
    for (const setup of setups) await setup(ws, outside);
  };
const detach: Setup = async (ws) => {
  await promisify(execFile)('git', ['-C', ws, 'checkout', '-q', '--detach']);
};
const gitRepo: Setup = async (ws) => {
  const git = (...args: string[]) => promisify(execFile)('git', ['-C', ws, ...args]);
  await git('init', '-q', '-b', 'main');
  await writeFile(join(ws, 'README'), 'x\n');
  await git('add', 'README');
  await git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '-m', 'x');
};

interface Case {
  /** What the user did wrong, as the test's name. */
  name: string;
  door: 'action' | 'cli';
  /** The bundled action (actions/dist/<target>.js) or the CLI command. */
  target: string;
  inputs?: Record<string, string>;
  args?: string[];
  env?: Record<string, string>;
  setup?: Setup;
  /** Default: 1 for an action (the step fails), 2 for the CLI (bad usage or input). */
  exit?: number;
  message: RegExp;
  /** Text that must never appear in the output (file content, secrets). */
  never?: RegExp;
}

const V = { version: '1.0.0' };
const ADDRESS = { 'temporal-address': '127.0.0.1:9' };
const REPLAY = { histories: 'histories/*.json', 'workflows-path': 'workflows.ts' };
const PROM = { 'prometheus-url': 'http://127.0.0.1:9', canary: 'q-v2', baseline: 'q-v1' };

const action = (
  target: string,
  name: string,
  inputs: Record<string, string>,
  message: RegExp,
  extra: Partial<Case> = {},
): Case => ({
  door: 'action',
  target,
  name,
  inputs,
  message,
  ...extra,
});
const cli = (name: string, args: string[], message: RegExp, extra: Partial<Case> = {}): Case => ({
  door: 'cli',
  target: args[0] ?? '',
  name,
  args,
  message,
  ...extra,
});

/** The shared rollout inputs, each wrong in one way, for canary, promote and rollback alike. */
function rolloutActionCases(target: string, base: Record<string, string>): Case[] {
  const c = (name: string, inputs: Record<string, string>, message: RegExp, extra: Partial<Case> = {}) =>
    action(target, name, { ...base, ...inputs }, message, { setup: rollout, ...extra });
  return [
    c('no rollout.yaml', {}, /rollout\.yaml: does not exist/, { setup: undefined }),
    c(
      'config names a missing file',
      { config: 'deploy/missing.yaml' },
      /deploy\/missing\.yaml: does not exist/,
    ),
    c('rollout.yaml is not YAML', {}, /rollout\.yaml/, { setup: file('rollout.yaml', 'app: [unclosed\n') }),
    c('rollout.yaml has a wrong field', {}, /rollout\.yaml.*deployer/, {
      setup: file('rollout.yaml', ROLLOUT.replace('deployer: local', 'deployer: k8s')),
    }),
    c('replicas 1.5', { replicas: '1.5' }, /input "replicas": "1\.5" is not a whole number ≥ 1/),
    c('replicas 0', { replicas: '0' }, /input "replicas": "0" is not a whole number ≥ 1/),
    c('replicas 0x10', { replicas: '0x10' }, /input "replicas": "0x10"/),
    c('replicas 1e2', { replicas: '1e2' }, /input "replicas": "1e2"/),
    c('strategy blue-green', { strategy: 'blue-green' }, /input "strategy": "blue-green" is not one of/),
    c('deployer k8s', { deployer: 'k8s' }, /input "deployer": "k8s" is not one of local, helm/),
    c(
      'helm without a kubeconfig',
      { deployer: 'helm' },
      /input "kubeconfig": is required by the helm deployer/,
    ),
    c(
      'kubeconfig that does not exist',
      { deployer: 'helm', kubeconfig: 'kube/config' },
      /input "kubeconfig": kube\/config does not exist/,
    ),
    c(
      'drain-policy kill',
      { 'drain-policy': 'kill' },
      /input "drain-policy": "kill" is not one of wait, reset, terminate/,
    ),
    c('drain-timeout forever', { 'drain-timeout': 'forever' }, /input "drain-timeout"/),
    c(
      'versioning-behavior pinned',
      { 'versioning-behavior': 'pinned' },
      /input "versioning-behavior": "pinned"/,
    ),
    c(
      'worker-env without =',
      { 'worker-env': 'LOG_LEVEL=debug\nNOEQUALS' },
      /input "worker-env": "NOEQUALS" is not KEY=VALUE/,
    ),
    c('worker-env key not a name', { 'worker-env': '1BAD=x' }, /input "worker-env": "1BAD=…"/),
    c('state-dir is a file', { 'state-dir': 'state' }, /input "state-dir": state is not a directory/, {
      setup: both(rollout, file('state', 'x')),
    }),
    c(
      'state-dir under a file',
      { 'state-dir': 'state/sub' },
      /input "state-dir": state\/sub lies under .*state, which is not a directory/,
      {
        setup: both(rollout, file('state', 'x')),
      },
    ),
    c(
      'github-token without a repository',
      { 'github-token': 'ghs_x' },
      /GITHUB_REPOSITORY: is not set to owner\/repo/,
      {
        env: { GITHUB_REPOSITORY: '' },
      },
    ),
  ];
}

function rolloutCliCases(command: string, base: string[]): Case[] {
  const c = (name: string, args: string[], message: RegExp, extra: Partial<Case> = {}) =>
    cli(name, [command, ...base, ...args], message, { setup: rollout, ...extra });
  return [
    c('no rollout.yaml', [], /rollout\.yaml: does not exist/, { setup: undefined }),
    c('--replicas 1.5', ['--replicas', '1.5'], /--replicas: "1\.5" is not a whole number ≥ 1/),
    c('--replicas 0x10', ['--replicas', '0x10'], /--replicas: "0x10"/),
    c('--strategy blue-green', ['--strategy', 'blue-green'], /--strategy: "blue-green" is not one of/),
    c(
      '--deployer helm without --kubeconfig',
      ['--deployer', 'helm'],
      /--kubeconfig: is required by the helm deployer/,
    ),
    c(
      '--kubeconfig that does not exist',
      ['--deployer', 'helm', '--kubeconfig', 'nope'],
      /--kubeconfig: nope does not exist/,
    ),
    c('--drain-policy kill', ['--drain-policy', 'kill'], /--drain-policy: "kill"/),
    c('--drain-timeout forever', ['--drain-timeout', 'forever'], /--drain-timeout/),
    c('--worker-env without =', ['--worker-env', 'NOEQUALS'], /--worker-env: "NOEQUALS" is not KEY=VALUE/),
    c('--state-dir is a file', ['--state-dir', 'state'], /--state-dir: state is not a directory/, {
      setup: both(rollout, file('state', 'x')),
    }),
    c('an unknown flag', ['--bogus'], /--bogus/, { exit: 2 }),
  ];
}

const cases: Case[] = [
  // canary action
  action('canary', 'no version', {}, /input "version": is required/, { setup: rollout }),
  action(
    'canary',
    'version banana',
    { version: 'banana' },
    /input "version": "banana" is not a semantic version/,
    { setup: rollout },
  ),
  action(
    'canary',
    'version with build metadata',
    { version: '1.2.3+build.5' },
    /input "version": "1\.2\.3\+build\.5" carries build metadata/,
    { setup: rollout },
  ),
  action(
    'canary',
    'version v1.0',
    { version: 'v1.0' },
    /input "version": "v1\.0" is not a semantic version/,
    { setup: rollout },
  ),
  action(
    'canary',
    'weight 150',
    { ...V, weight: '150' },
    /input "weight": "150" is not a whole number ≥ 1 and ≤ 100/,
    { setup: rollout },
  ),
  action('canary', 'weight 0x10', { ...V, weight: '0x10' }, /input "weight": "0x10" is not a whole number/, {
    setup: rollout,
  }),
  action('canary', 'weight 50.5', { ...V, weight: '50.5' }, /input "weight": "50\.5" is not a whole number/, {
    setup: rollout,
  }),
  action('canary', 'weight 1e2', { ...V, weight: '1e2' }, /input "weight": "1e2" is not a whole number/, {
    setup: rollout,
  }),
  action('canary', 'weight 0', { ...V, weight: '0' }, /input "weight": "0"/, { setup: rollout }),
  action(
    'canary',
    'weight and ramp-step',
    { ...V, weight: '10', 'ramp-step': '2' },
    /input "weight": and input "ramp-step" are both set/,
    { setup: rollout },
  ),
  action('canary', 'ramp-step 9', { ...V, 'ramp-step': '9' }, /input "ramp-step": there is no ramp step 9/, {
    setup: rollout,
  }),
  action('canary', 'ramp-step 1.5', { ...V, 'ramp-step': '1.5' }, /input "ramp-step": "1\.5"/, {
    setup: rollout,
  }),
  action(
    'canary',
    'gate-args not JSON',
    { ...V, 'gate-workflow': 'Gate', 'gate-args': '{' },
    /input "gate-args": is not JSON/,
    { setup: rollout },
  ),
  action(
    'canary',
    'gate-args an object',
    { ...V, 'gate-workflow': 'Gate', 'gate-args': '{"a":1}' },
    /input "gate-args": is not a JSON array/,
    { setup: rollout },
  ),
  action(
    'canary',
    'gate-count 0',
    { ...V, 'gate-workflow': 'Gate', 'gate-count': '0' },
    /input "gate-count": "0"/,
    { setup: rollout },
  ),
  action(
    'canary',
    'gate-timeout soon',
    { ...V, 'gate-workflow': 'Gate', 'gate-timeout': 'soon' },
    /input "gate-timeout"/,
    { setup: rollout },
  ),
  ...rolloutActionCases('canary', V),
  // promote and rollback actions
  action(
    'promote',
    'version banana',
    { version: 'banana' },
    /input "version": "banana" is not a semantic version/,
    { setup: rollout },
  ),
  action(
    'promote',
    'version with build metadata',
    { version: '2.0.0+x' },
    /input "version": .*build metadata/,
    { setup: rollout },
  ),
  ...rolloutActionCases('promote', {}).filter((_, i) => i % 2 === 0),
  action('rollback', 'to banana', { to: 'banana' }, /input "to": "banana" is not a semantic version/, {
    setup: rollout,
  }),
  action('rollback', 'to with build metadata', { to: '1.0.0+x' }, /input "to": .*build metadata/, {
    setup: rollout,
  }),
  ...rolloutActionCases('rollback', {}).filter((_, i) => i % 2 === 1),
  // capture action
  action('capture', 'no temporal-address', {}, /input "temporal-address": is required/),
  action(
    'capture',
    'open-pull-request maybe',
    { ...ADDRESS, 'open-pull-request': 'maybe' },
    /input "open-pull-request": "maybe" is not a boolean — use true or false/,
  ),
  action(
    'capture',
    'open-pull-request yes',
    { ...ADDRESS, 'open-pull-request': 'yes' },
    /input "open-pull-request": "yes" is not a boolean/,
  ),
  action(
    'capture',
    'open-pull-request without a token',
    { ...ADDRESS, 'open-pull-request': 'true' },
    /input "github-token": is required when open-pull-request is true/,
  ),
  action(
    'capture',
    'open-per-type 1.5',
    { ...ADDRESS, 'open-per-type': '1.5' },
    /input "open-per-type": "1\.5"/,
  ),
  action(
    'capture',
    'open-per-type -1',
    { ...ADDRESS, 'open-per-type': '-1' },
    /input "open-per-type": "-1" is not a whole number ≥ 0/,
  ),
  action(
    'capture',
    'closed-per-status 0x3',
    { ...ADDRESS, 'closed-per-status': '0x3' },
    /input "closed-per-status": "0x3"/,
  ),
  action(
    'capture',
    'workflow type with a space',
    { ...ADDRESS, 'workflow-types': 'Order Workflow' },
    /input "workflow-types": "Order Workflow" is not a workflow type name/,
  ),
  action(
    'capture',
    'workflow type with a path',
    { ...ADDRESS, 'workflow-types': '../etc' },
    /input "workflow-types": "\.\.\/etc"/,
  ),
  action(
    'capture',
    'codec-key too short',
    { ...ADDRESS, 'codec-key': 'c2hvcnQ=' },
    /input "codec-key": must be a 256-bit key/,
    { never: /c2hvcnQ/ },
  ),
  action(
    'capture',
    'a client key without its certificate',
    { ...ADDRESS, 'temporal-tls-key': 'PEM' },
    /input "temporal-tls-cert" \/ input "temporal-tls-key": go together/,
  ),
  action(
    'capture',
    'out-dir is a file',
    { ...ADDRESS, 'out-dir': 'histories' },
    /input "out-dir": histories is not a directory/,
    { setup: file('histories', 'x') },
  ),
  // replay action
  action(
    'replay',
    'no histories and no live source',
    { 'workflows-path': 'workflows.ts' },
    /input "histories": is empty and no live source is set/,
  ),
  action(
    'replay',
    'allow-replay-errors maybe',
    { ...REPLAY, 'allow-replay-errors': 'maybe' },
    /input "allow-replay-errors": "maybe" is not a boolean/,
  ),
  action('replay', 'live-limit 0', { ...REPLAY, ...ADDRESS, 'live-limit': '0' }, /input "live-limit": "0"/),
  action(
    'replay',
    'live-limit 1e3',
    { ...REPLAY, ...ADDRESS, 'live-limit': '1e3' },
    /input "live-limit": "1e3"/,
  ),
  action(
    'replay',
    'api key without an address',
    { ...REPLAY, 'temporal-api-key': 'k' },
    /input "temporal-address": is required for a live source/,
  ),
  action(
    'replay',
    'codec-key too short',
    { ...REPLAY, 'codec-key': 'abcd' },
    /input "codec-key": must be a 256-bit key/,
  ),
  action(
    'replay',
    'neither workflows nor bundle',
    { histories: 'histories/*.json' },
    /input "workflows-path" \/ input "bundle-path": neither is set/,
  ),
  action(
    'replay',
    'both workflows and bundle',
    { ...REPLAY, 'bundle-path': 'bundle.js' },
    /input "workflows-path" \/ input "bundle-path": both are set — give the workflows module or a prebuilt bundle/,
  ),
  action(
    'replay',
    'history-timeout 500ms',
    { ...REPLAY, 'history-timeout': '500ms' },
    /input "history-timeout": 500 ms is too short — give at least 1s/,
  ),
  action(
    'replay',
    'history-timeout soon',
    { ...REPLAY, 'history-timeout': 'soon' },
    /input "history-timeout": "soon" is not a duration/,
  ),
  action(
    'replay',
    'concurrency 0',
    { ...REPLAY, concurrency: '0' },
    /input "concurrency": "0" is not a whole number ≥ 1/,
  ),
  action(
    'replay',
    'a client certificate without its key',
    { ...REPLAY, ...ADDRESS, 'temporal-tls-cert': 'PEM' },
    /input "temporal-tls-cert" \/ input "temporal-tls-key": go together — pass both/,
  ),
  action(
    'replay',
    'a glob outside the workspace',
    { ...REPLAY, histories: '../*/*.json' },
    /input "histories": \.\.\/\*\/\*\.json: reaches outside the workspace/,
  ),
  action(
    'replay',
    'an absolute glob',
    { ...REPLAY, histories: '/etc/*.json' },
    /input "histories": \/etc\/\*\.json: reaches outside the workspace/,
  ),
  action(
    'replay',
    'a glob matching nothing',
    REPLAY,
    /input "histories": histories\/\*\.json: matches no file/,
  ),
  action(
    'replay',
    'a history linking outside the workspace',
    REPLAY,
    /input "histories": histories\/link\.json: is a link to a file outside the workspace/,
    {
      setup: async (ws, outside) => {
        await writeFile(join(outside, 'secret.json'), '{"token":"s3cret-outside"}');
        await mkdir(join(ws, 'histories'));
        await symlink(join(outside, 'secret.json'), join(ws, 'histories', 'link.json'));
      },
      never: /s3cret-outside/,
    },
  ),
  action(
    'replay',
    'a history that is not JSON',
    REPLAY,
    /history file histories\/passwd\.json: is not valid JSON/,
    {
      setup: file('histories/passwd.json', 'root:x:0:0:root:/root:/bin/bash\n'),
      never: /root:x|\/bin\/bash/,
    },
  ),
  // analyze action
  action('analyze', 'no prometheus-url', {}, /input "prometheus-url": is required/),
  action(
    'analyze',
    'token and basic auth',
    { ...PROM, 'prometheus-token': 't', 'prometheus-username': 'u' },
    /input "prometheus-token": is set together with basic auth/,
  ),
  action(
    'analyze',
    'username without password',
    { ...PROM, 'prometheus-username': 'u' },
    /input "prometheus-username": and input "prometheus-password" go together — set both/,
  ),
  action('analyze', 'count 0', { ...PROM, count: '0' }, /input "count": "0"/),
  action('analyze', 'count 2.5', { ...PROM, count: '2.5' }, /input "count": "2\.5"/),
  action('analyze', 'interval soon', { ...PROM, interval: 'soon' }, /input "interval"/),
  action(
    'analyze',
    'deadline soon',
    { ...PROM, deadline: 'soon' },
    /input "deadline": "soon" is not a duration/,
  ),
  action(
    'analyze',
    'query-retries -1',
    { ...PROM, 'query-retries': '-1' },
    /input "query-retries": "-1" is not a whole number ≥ 0/,
  ),
  action(
    'analyze',
    'no baseline',
    { 'prometheus-url': 'http://127.0.0.1:9', canary: 'q-v2' },
    /input "baseline": is required — pass the stable version’s task queues, or its version as input "baseline-version"/,
  ),
  action(
    'analyze',
    'version banana',
    { 'prometheus-url': 'http://127.0.0.1:9', config: 'rollout.yaml', version: 'banana', baseline: 'q' },
    /input "version": "banana" is not a semantic version/,
    { setup: rollout },
  ),
  // build action
  action('build', 'push maybe', { push: 'maybe' }, /input "push": "maybe" is not one of auto, true, false/),
  action('build', 'builder kaniko', { builder: 'kaniko' }, /input "builder": "kaniko" is not one of/),
  action(
    'build',
    'build-args without =',
    { 'build-args': 'BASE_IMAGE=node:24\nNOEQUALS' },
    /input "build-args": "NOEQUALS" is not KEY=VALUE/,
  ),
  action('build', 'build-args with an empty key', { 'build-args': '=x' }, /input "build-args": "=…"/),
  action('build', 'compile maybe', { compile: 'maybe' }, /input "compile": "maybe" is not a boolean/),
  action('build', 'force yes', { force: 'yes' }, /input "force": "yes" is not a boolean/),
  action('build', 'tls-verify 1', { 'tls-verify': '1' }, /input "tls-verify": "1" is not a boolean/),
  action(
    'build',
    'username without password',
    { 'registry-username': 'bot' },
    /inputs "registry-username" \/ "registry-password": go together/,
  ),
  action(
    'build',
    'no image and no rollout.yaml',
    {},
    /input "image": is not set and there is no rollout\.yaml with `image` — pass input "image"/,
  ),
  action(
    'build',
    'image with a tag',
    { image: 'ghcr.io/acme/worker:1.0' },
    /input "image": "ghcr\.io\/acme\/worker:1\.0" is not an image repository/,
  ),
  action(
    'build',
    'a release tag with build metadata',
    { image: 'registry.example.com/acme/w', ref: 'refs/tags/v1.5.0+build.7', sha: 'HEAD' },
    /tag "v1\.5\.0\+build\.7".*build metadata/,
    { setup: gitRepo },
  ),
  action(
    'build',
    'a ref that is not a ref',
    { image: 'registry.example.com/acme/w', ref: 'main', sha: 'HEAD' },
    /input "ref": "main" is not a tag, branch or pull request ref/,
    { setup: gitRepo },
  ),
  action(
    'build',
    'a detached HEAD and no ref',
    { image: 'registry.example.com/acme/w', sha: 'HEAD' },
    /input "ref": HEAD is detached and untagged — pass input "ref", e\.g\. refs\/tags\/v1\.4\.0/,
    { setup: both(gitRepo, detach), env: { GITHUB_REF: '' } },
  ),
  // doctor action
  action('doctor', 'no rollout.yaml', {}, /rollout\.yaml: does not exist/),
  action(
    'doctor',
    'only nothing',
    { only: 'nothing' },
    /input "only": "nothing" is not one of temporal, prometheus, kubernetes, repository/,
    { setup: rollout },
  ),
  action(
    'doctor',
    'fail-on-warning maybe',
    { 'fail-on-warning': 'maybe' },
    /input "fail-on-warning": "maybe" is not a boolean/,
    { setup: rollout },
  ),
  action('doctor', 'deployer k8s', { deployer: 'k8s' }, /input "deployer": "k8s" is not one of local, helm/, {
    setup: rollout,
  }),
  action(
    'doctor',
    'histories-max-age soon',
    { 'histories-max-age': 'soon' },
    /input "histories-max-age": "soon" is not a duration/,
    { setup: rollout },
  ),
  action(
    'doctor',
    'a client certificate without its key',
    { 'temporal-tls-cert': 'PEM' },
    /input "temporal-tls-cert" \/ input "temporal-tls-key": go together — pass both/,
    { setup: rollout },
  ),
  // release action
  action('release', 'no version', {}, /input "version": is required — pass the release version/, {
    setup: rollout,
  }),
  action(
    'release',
    'version banana',
    { version: 'banana' },
    /input "version": "banana" is not a semantic version/,
    { setup: rollout },
  ),
  action(
    'release',
    'attach-timeout forever',
    { ...V, 'attach-timeout': 'forever' },
    /input "attach-timeout": "forever" is not a duration/,
    { setup: rollout },
  ),
  action(
    'release',
    'drain-poll soon',
    { ...V, 'drain-poll': 'soon' },
    /input "drain-poll": "soon" is not a duration/,
    { setup: rollout },
  ),
  action(
    'release',
    'replay-deploy maybe',
    { ...V, 'replay-deploy': 'maybe' },
    /input "replay-deploy": "maybe" is not a replay verdict — pass same-queue or new-queue/,
    { setup: rollout },
  ),
  action(
    'release',
    'prometheus-username without password',
    { ...V, 'prometheus-url': 'http://127.0.0.1:9', 'prometheus-username': 'u' },
    /input "prometheus-username": and input "prometheus-password" go together/,
    { setup: rollout },
  ),
  ...rolloutActionCases('release', V).filter((_, i) => i % 3 === 2),
  // the root action
  action('root', 'no step', {}, /input "step": is required/),
  action('root', 'step deploy', { step: 'deploy' }, /input "step": "deploy" is not a step/),
  action(
    'root',
    'step canary, version banana',
    { step: 'canary', version: 'banana' },
    /input "version": "banana"/,
    { setup: rollout },
  ),
  action('root', 'step capture, no address', { step: 'capture' }, /input "temporal-address": is required/),
  action('root', 'step build, push maybe', { step: 'build', push: 'maybe' }, /input "push": "maybe"/),

  // the CLI
  cli('no step', [], /usage: temporal-rollout <step>/, { exit: 2, target: '' }),
  cli('an unknown step', ['deploy'], /unknown step "deploy"/, { exit: 2 }),
  cli('canary without --version', ['canary'], /--version: is required/, { setup: rollout }),
  cli(
    'canary --version banana',
    ['canary', '--version', 'banana'],
    /--version: "banana" is not a semantic version/,
    { setup: rollout },
  ),
  cli(
    'canary --version with build metadata',
    ['canary', '--version', '1.2.3+build.5'],
    /--version: .*build metadata/,
    { setup: rollout },
  ),
  cli(
    'canary --weight 150',
    ['canary', '--version', '1.0.0', '--weight', '150'],
    /--weight: "150" is not a whole number ≥ 1 and ≤ 100/,
    { setup: rollout },
  ),
  cli('canary --weight 0x10', ['canary', '--version', '1.0.0', '--weight', '0x10'], /--weight: "0x10"/, {
    setup: rollout,
  }),
  cli('canary --weight 50.5', ['canary', '--version', '1.0.0', '--weight', '50.5'], /--weight: "50\.5"/, {
    setup: rollout,
  }),
  cli('canary --weight 1e2', ['canary', '--version', '1.0.0', '--weight', '1e2'], /--weight: "1e2"/, {
    setup: rollout,
  }),
  cli(
    'canary --weight and --step',
    ['canary', '--version', '1.0.0', '--weight', '10', '--step', '2'],
    /--weight: and --step are both set — set one of them/,
    { setup: rollout },
  ),
  cli('canary --step 1.5', ['canary', '--version', '1.0.0', '--step', '1.5'], /--step: "1\.5"/, {
    setup: rollout,
  }),
  cli(
    'canary --gate-args not JSON',
    ['canary', '--version', '1.0.0', '--gate-workflow', 'G', '--gate-args', '{'],
    /--gate-args: is not JSON/,
    { setup: rollout },
  ),
  cli(
    'canary --gate-count 0',
    ['canary', '--version', '1.0.0', '--gate-workflow', 'G', '--gate-count', '0'],
    /--gate-count: "0"/,
    { setup: rollout },
  ),
  ...rolloutCliCases('canary', ['--version', '1.0.0']),
  cli('promote --version banana', ['promote', '--version', 'banana'], /--version: "banana"/, {
    setup: rollout,
  }),
  ...rolloutCliCases('promote', []).filter((_, i) => i % 3 === 0),
  cli('rollback --to banana', ['rollback', '--to', 'banana'], /--to: "banana" is not a semantic version/, {
    setup: rollout,
  }),
  cli('rollback --to with build metadata', ['rollback', '--to', 'v1.0.0+x'], /--to: .*build metadata/, {
    setup: rollout,
  }),
  ...rolloutCliCases('rollback', []).filter((_, i) => i % 3 === 1),
  cli('capture without --address', ['capture'], /--address: is required/),
  cli(
    'capture --open-per-type 1.5',
    ['capture', '--address', '127.0.0.1:9', '--open-per-type', '1.5'],
    /--open-per-type: "1\.5"/,
  ),
  cli(
    'capture --closed-per-status -1',
    ['capture', '--address', '127.0.0.1:9', '--closed-per-status=-1'],
    /--closed-per-status: "-1"/,
  ),
  cli(
    'capture --type with a space',
    ['capture', '--address', '127.0.0.1:9', '--type', 'Order Workflow'],
    /--type: "Order Workflow" is not a workflow type name/,
  ),
  cli(
    'capture --codec-key-env unset',
    ['capture', '--address', '127.0.0.1:9', '--codec-key-env', 'NO_SUCH_KEY'],
    /--codec-key-env NO_SUCH_KEY: names an unset variable/,
  ),
  cli(
    'capture --tls-cert missing',
    ['capture', '--address', '127.0.0.1:9', '--tls-cert', 'missing.pem'],
    /--tls-cert: cannot read missing\.pem \(it does not exist\)/,
  ),
  cli(
    'capture --tls-cert without --tls-key',
    ['capture', '--address', '127.0.0.1:9', '--tls-cert', 'c.pem'],
    /--tls-cert \/ --tls-key: go together/,
    { setup: file('c.pem', 'PEM') },
  ),
  cli(
    'capture a codec key that is too short',
    ['capture', '--address', '127.0.0.1:9', '--codec-key-env', 'SHORT_KEY'],
    /env SHORT_KEY: must be a 256-bit key/,
    { env: { SHORT_KEY: 'c2hvcnQ=' }, never: /c2hvcnQ/ },
  ),
  cli(
    'capture --out is a file',
    ['capture', '--address', '127.0.0.1:9', '--out', 'histories'],
    /--out: histories is not a directory/,
    { setup: file('histories', 'x') },
  ),
  cli(
    'replay without --histories',
    ['replay', '--workflows', 'w.ts'],
    /--histories: is empty and no live source is set — give history globs, or --address to replay open runs/,
  ),
  cli(
    'replay --workflows and --bundle',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--bundle', 'b.js'],
    /--workflows \/ --bundle: both are set/,
  ),
  cli(
    'replay --history-timeout 500ms',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--history-timeout', '500ms'],
    /--history-timeout: 500 ms is too short/,
  ),
  cli(
    'replay --tls-cert without --tls-key',
    [
      'replay',
      '--histories',
      'h/*.json',
      '--workflows',
      'w.ts',
      '--address',
      '127.0.0.1:9',
      '--tls-cert',
      'c.pem',
    ],
    /--tls-cert \/ --tls-key: go together — pass both/,
    { setup: file('c.pem', 'PEM') },
  ),
  cli(
    'replay a glob matching nothing',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts'],
    /--histories: h\/\*\.json: matches no file/,
  ),
  cli(
    'replay a codec key that is too short',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--codec-key-env', 'SHORT_KEY'],
    /env SHORT_KEY: must be a 256-bit key/,
    { env: { SHORT_KEY: 'c2hvcnQ=' }, never: /c2hvcnQ/ },
  ),
  cli(
    'replay --concurrency 0',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--concurrency', '0'],
    /--concurrency: "0"/,
  ),
  cli(
    'replay --concurrency 1.5',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--concurrency', '1.5'],
    /--concurrency: "1\.5"/,
  ),
  cli(
    'replay --limit 0',
    ['replay', '--histories', 'h/*.json', '--workflows', 'w.ts', '--address', '127.0.0.1:9', '--limit', '0'],
    /--limit: "0"/,
  ),
  cli(
    'replay --tls-cert missing',
    [
      'replay',
      '--histories',
      'h/*.json',
      '--workflows',
      'w.ts',
      '--address',
      '127.0.0.1:9',
      '--tls-cert',
      'c.pem',
    ],
    /--tls-cert: cannot read c\.pem/,
  ),
  cli(
    'replay a glob outside the workspace',
    ['replay', '--histories', '../../etc/*.json', '--workflows', 'w.ts'],
    /histories.*reaches outside the workspace/,
  ),
  cli(
    'replay an unknown flag',
    ['replay', '--histories=h', '--workflows', 'w.ts', '--frobnicate'],
    /--frobnicate/,
    { exit: 2 },
  ),
  cli('analyze without --prometheus-url', ['analyze'], /--prometheus-url: is required/),
  cli(
    'analyze --interval soon',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9', '--interval', 'soon'],
    /--interval: "soon" is not a duration/,
  ),
  cli(
    'analyze --query-retries -1',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9', '--query-retries=-1'],
    /--query-retries: "-1" is not a whole number ≥ 0/,
  ),
  cli(
    'analyze a token and basic auth in the environment',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9'],
    /PROMETHEUS_TOKEN: is set together with basic auth/,
    { env: { PROMETHEUS_TOKEN: 't', PROMETHEUS_USERNAME: 'u' } },
  ),
  cli(
    'analyze a username without a password in the environment',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9'],
    /PROMETHEUS_USERNAME: and PROMETHEUS_PASSWORD go together/,
    { env: { PROMETHEUS_USERNAME: 'u' } },
  ),
  cli(
    'analyze --count 0',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9', '--count', '0'],
    /--count: "0"/,
  ),
  cli(
    'analyze --count 1e2',
    ['analyze', '--prometheus-url', 'http://127.0.0.1:9', '--count', '1e2'],
    /--count: "1e2"/,
  ),
  cli('doctor without rollout.yaml', ['doctor'], /rollout\.yaml: does not exist/),
  cli(
    'doctor --deployer k8s',
    ['doctor', '--deployer', 'k8s'],
    /--deployer: "k8s" is not one of local, helm/,
    {
      setup: rollout,
    },
  ),
  cli(
    'doctor --tls-cert without --tls-key',
    ['doctor', '--tls-cert', 'c.pem'],
    /--tls-cert \/ --tls-key: go together — pass both/,
    { setup: both(rollout, file('c.pem', 'PEM')) },
  ),
  cli(
    'doctor --histories-max-age soon',
    ['doctor', '--histories-max-age', 'soon'],
    /--histories-max-age: "soon" is not a duration/,
    { setup: rollout },
  ),
  cli('release without --version', ['release'], /--version: is required — pass the release version/, {
    setup: rollout,
  }),
  cli(
    'release --version banana',
    ['release', '--version', 'banana'],
    /--version: "banana" is not a semantic version/,
    { setup: rollout },
  ),
  cli(
    'release --max-wait forever',
    ['release', '--version', '1.0.0', '--max-wait', 'forever'],
    /--max-wait: "forever" is not a duration/,
    { setup: rollout },
  ),
  cli(
    'release --history-limit 0',
    ['release', '--version', '1.0.0', '--history-limit', '0'],
    /--history-limit: "0" is not a whole number ≥ 1/,
    { setup: rollout },
  ),
  cli(
    'release --env without =',
    ['release', '--version', '1.0.0', '--env', 'NOEQUALS'],
    /--env: "NOEQUALS" is not KEY=VALUE/,
    { setup: rollout },
  ),
  cli(
    'release --replay-deploy maybe',
    ['release', '--version', '1.0.0', '--replay-deploy', 'maybe'],
    /--replay-deploy: "maybe" is not a replay verdict/,
    { setup: rollout },
  ),
  ...rolloutCliCases('release', ['--version', '1.0.0']).filter((_, i) => i % 3 === 2),
  cli('doctor --timeout soon', ['doctor', '--timeout', 'soon'], /--timeout: "soon" is not a duration/, {
    setup: rollout,
  }),
  cli('doctor --only nothing', ['doctor', '--only', 'nothing'], /--only: "nothing" is not one of/, {
    setup: rollout,
  }),
  cli(
    'build without --image and rollout.yaml',
    ['build'],
    /--image: is not set and there is no rollout\.yaml with `image` — pass --image/,
  ),
  cli(
    'build --image with a tag',
    ['build', '--image', 'ghcr.io/acme/worker:1.0'],
    /--image: "ghcr\.io\/acme\/worker:1\.0" is not an image repository/,
  ),
  cli(
    'build --ref main',
    ['build', '--image', 'registry.example.com/acme/w', '--ref', 'main'],
    /--ref: "main" is not a tag, branch or pull request ref/,
    { setup: gitRepo },
  ),
  cli(
    'build a detached HEAD and no --ref',
    ['build', '--image', 'registry.example.com/acme/w'],
    /--ref: HEAD is detached and untagged — pass --ref, e\.g\. refs\/tags\/v1\.4\.0/,
    { setup: both(gitRepo, detach) },
  ),
  cli('build --push maybe', ['build', '--push', 'maybe'], /--push: "maybe" is not one of auto, true, false/),
  cli('build --builder kaniko', ['build', '--builder', 'kaniko'], /--builder: "kaniko" is not one of/),
  cli(
    'build --build-arg without =',
    ['build', '--build-arg', 'NOEQUALS'],
    /--build-arg: "NOEQUALS" is not KEY=VALUE/,
  ),
  cli(
    'build --username without REGISTRY_PASSWORD',
    ['build', '--username', 'bot'],
    /REGISTRY_PASSWORD: is not set but --username is/,
  ),
  cli(
    'build a tag with build metadata',
    ['build', '--image', 'registry.example.com/acme/w', '--ref', 'refs/tags/v1.5.0+build.7'],
    /tag "v1\.5\.0\+build\.7".*build metadata/,
    { setup: gitRepo },
  ),
];

/** Every file and directory under `dir`, relative, sorted (links as links). */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

/** Processes whose working directory is inside `dir` (a step's children start there). */
async function processesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd === dir || cwd.startsWith(`${dir}/`)) found.push(pid);
  }
  return found;
}

describe('bad input through every bundled action and CLI command', () => {
  let root: TempDir;
  let counter = 0;
  beforeAll(async () => {
    root = await tempDir('bad-inputs');
  });
  afterAll(async () => {
    await root?.remove();
  });

  it('covers at least 100 cases across every action and command', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const actions = new Set(cases.filter((c) => c.door === 'action').map((c) => c.target));
    const commands = new Set(cases.filter((c) => c.door === 'cli').map((c) => c.target));
    expect([...actions].sort()).toEqual([
      'analyze',
      'build',
      'canary',
      'capture',
      'doctor',
      'promote',
      'release',
      'replay',
      'rollback',
      'root',
    ]);
    expect([...commands].sort()).toEqual([
      '',
      'analyze',
      'build',
      'canary',
      'capture',
      'deploy',
      'doctor',
      'promote',
      'release',
      'replay',
      'rollback',
    ]);
    expect(new Set(cases.map((c) => `${c.door} ${c.target} ${c.name}`)).size).toBe(cases.length);
  });

  it.concurrent.each(cases.map((c) => [`${c.door} ${c.target || '(none)'}: ${c.name}`, c] as const))(
    '%s',
    async (_, c) => {
      const base = join(root.path, String(counter++));
      const workspace = join(base, 'workspace');
      const outside = join(base, 'outside');
      await mkdir(workspace, { recursive: true });
      await mkdir(outside);
      await c.setup?.(workspace, outside);
      const before = await listing(workspace);
      let exitCode: number;
      let text: string;
      if (c.door === 'action') {
        const run = await runBundledAction(c.target, {
          workspace,
          inputs: c.inputs ?? {},
          env: c.env ?? {},
          timeoutMs: 30_000,
        });
        exitCode = run.exitCode;
        text = `${run.stdout}\n${run.stderr}`;
        expect(run.outputs, 'no output is set').toEqual({});
        expect(
          run.annotations
            .filter((a) => a.level === 'error')
            .map((a) => a.message)
            .join('\n'),
        ).toMatch(c.message);
        expect(
          run.annotations.map((a) => a.message).join('\n'),
          'the action names inputs, never CLI flags',
        ).not.toMatch(/(?:^|[\s(])--[a-z]/m);
      } else {
        const run = await execa(
          tool('node24'),
          [join(repoRoot, 'actions', 'dist', 'cli.js'), ...(c.args ?? [])],
          {
            cwd: workspace,
            reject: false,
            timeout: 30_000,
            extendEnv: false,
            env: { PATH: process.env.PATH, HOME: process.env.HOME, ...c.env },
          },
        );
        exitCode = run.exitCode ?? -1;
        text = `${run.stdout}\n${run.stderr}`;
        // Usage goes to stdout when asked for with no step; every error to stderr.
        expect(c.exit === 2 ? text : run.stderr).toMatch(c.message);
        expect(run.stderr, 'the CLI names flags, never action inputs').not.toMatch(/\binputs? "/);
      }
      // The CLI's rule: 2 for bad usage or input, found before anything changed; an action fails with 1.
      expect(exitCode, text).toBe(c.exit ?? (c.door === 'cli' ? 2 : 1));
      expect(text).not.toMatch(/cannot connect|unexpected error|ENOENT|ENOTDIR|EACCES| {4}at /);
      // ::add-mask:: hands a secret to the runner to hide; it is never shown.
      const shown = text
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      if (c.never) expect(shown).not.toMatch(c.never);
      expect(await listing(workspace), 'nothing is written in the workspace').toEqual(before);
      expect(await processesIn(base), 'no process is left').toEqual([]);
    },
  );
});

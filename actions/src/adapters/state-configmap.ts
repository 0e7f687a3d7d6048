import { execa } from 'execa';
import { ExternalError, InputError } from '../core/errors.js';
import type { RolloutState } from '../core/rollout/state.js';
import { childOptions } from './child-env.js';
import type { StateStore } from './deployer.js';
import { parseState } from './state-file.js';

/** Where and as whom kubectl runs (the same kubeconfig and namespace as helm). */
export interface KubectlTarget {
  kubectl: string;
  kubeconfig: string;
  namespace: string;
  kubeContext?: string;
}

export interface KubectlOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl; injected so the argument building and error mapping are tested without a cluster. */
export type KubectlRunner = (args: string[], input?: string) => Promise<KubectlOutput>;

export function kubectlRunner(target: KubectlTarget): KubectlRunner {
  return async (args, input) => {
    const result = await execa(
      target.kubectl,
      [
        '--kubeconfig',
        target.kubeconfig,
        '--namespace',
        target.namespace,
        ...(target.kubeContext ? ['--context', target.kubeContext] : []),
        ...args,
      ],
      // stdin always given and closed: kubectl asks for a username on a terminal when credentials fail.
      { reject: false, input: input ?? '', timeout: 60_000, ...childOptions() },
    );
    if (result.timedOut) {
      throw new ExternalError('kubectl', `${target.kubectl} ${args.join(' ')} did not finish within 60 s`);
    }
    if (result.failed && result.exitCode === undefined) {
      throw new ExternalError('kubectl', `could not run ${target.kubectl}: ${result.shortMessage}`);
    }
    return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
  };
}

const STATE_KEY = 'state.json';

interface ConfigMapObject {
  metadata: { resourceVersion?: string };
  data?: Record<string, string>;
}

/**
 * The rollout state in a ConfigMap beside the releases, so every workflow run (a release, a manual rollback
 * days later) reads the same state without passing files around. Writes are conditional on the
 * resourceVersion last read: two pipelines changing the same rollout at once cannot overwrite each other;
 * the second gets a clear error instead.
 */
export class ConfigMapStateStore implements StateStore {
  readonly where: string;
  private resourceVersion: string | undefined;

  constructor(
    private readonly run: KubectlRunner,
    readonly name: string,
    namespace: string,
  ) {
    if (name.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
      throw new InputError(
        'helm.stateConfigMap',
        `"${name}" is not a valid ConfigMap name`,
        'use lowercase letters, digits, dashes and dots',
      );
    }
    this.where = `ConfigMap ${namespace}/${name}`;
  }

  async load(): Promise<RolloutState | undefined> {
    const got = await this.run(['get', 'configmap', this.name, '--ignore-not-found', '-o', 'json']);
    if (got.exitCode !== 0) throw this.failure('read', got);
    if (got.stdout.trim() === '') {
      this.resourceVersion = undefined;
      return undefined;
    }
    const object = JSON.parse(got.stdout) as ConfigMapObject;
    this.resourceVersion = object.metadata.resourceVersion;
    const text = object.data?.[STATE_KEY];
    return text === undefined ? undefined : parseState(text, `${this.where} (key ${STATE_KEY})`);
  }

  async save(state: RolloutState): Promise<void> {
    const object = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: this.name,
        labels: {
          'app.kubernetes.io/managed-by': 'temporal-rollout',
          'app.kubernetes.io/part-of': state.app,
        },
        ...(this.resourceVersion ? { resourceVersion: this.resourceVersion } : {}),
      },
      data: { [STATE_KEY]: `${JSON.stringify(state, null, 2)}\n` },
    };
    // create fails if someone created it since our read; replace fails if it changed since our read.
    const verb = this.resourceVersion ? 'replace' : 'create';
    const saved = await this.run([verb, '-f', '-', '-o', 'json'], JSON.stringify(object));
    if (saved.exitCode !== 0) throw this.failure('write', saved);
    this.resourceVersion = (JSON.parse(saved.stdout) as ConfigMapObject).metadata.resourceVersion;
  }

  private failure(action: 'read' | 'write', output: KubectlOutput): ExternalError {
    const detail = output.stderr.trim().split('\n').at(-1) ?? `exit ${output.exitCode}`;
    if (/\b(Conflict|AlreadyExists)\b|the object has been modified|already exists/.test(output.stderr)) {
      return new ExternalError(
        'rollout state',
        `${this.where} changed since this step read it (another pipeline run is changing this rollout?): ${detail}. The state was not written; wait for the other run to finish, then re-run this step (steps are idempotent)`,
      );
    }
    if (/Please enter Username/.test(output.stdout + output.stderr)) {
      return new ExternalError(
        'rollout state',
        `cannot ${action} ${this.where}: the kubeconfig has no usable credentials (kubectl asked for a username). Give the deploy identity's kubeconfig (input "kubeconfig", --kubeconfig)`,
      );
    }
    if (/\bForbidden\b|forbidden/.test(output.stderr)) {
      return new ExternalError(
        'rollout state',
        `cannot ${action} ${this.where}: ${detail}. The deploy identity needs get, create and update on configmaps in this namespace (the chart's deployRbac Role has them)`,
      );
    }
    return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}`);
  }
}

import { ExternalError, InputError } from '../core/errors.js';
import type { RolloutState } from '../core/rollout/state.js';
import type { StateStore } from './deployer.js';
import { isKubernetesFailure, type KubernetesApi, KubernetesApiError } from './kubernetes-api.js';
import { parseState } from './state-file.js';

const STATE_KEY = 'state.json';

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
    private readonly api: KubernetesApi,
    readonly name: string,
  ) {
    if (name.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
      throw new InputError(
        'helm.stateConfigMap',
        `"${name}" is not a valid ConfigMap name`,
        'use lowercase letters, digits, dashes and dots',
      );
    }
    this.where = `ConfigMap ${api.namespace}/${name}`;
  }

  async load(): Promise<RolloutState | undefined> {
    const found = await this.api.readConfigMap(this.name).catch((error: unknown) => {
      throw this.failure('read', error);
    });
    this.resourceVersion = found?.resourceVersion;
    const text = found?.data[STATE_KEY];
    return text === undefined ? undefined : parseState(text, `${this.where} (key ${STATE_KEY})`);
  }

  async save(state: RolloutState): Promise<void> {
    this.resourceVersion = await this.api
      .writeConfigMap({
        name: this.name,
        labels: {
          'app.kubernetes.io/managed-by': 'temporal-rollout',
          'app.kubernetes.io/part-of': state.app,
        },
        ...(this.resourceVersion ? { resourceVersion: this.resourceVersion } : {}),
        data: { [STATE_KEY]: `${JSON.stringify(state, null, 2)}\n` },
      })
      .catch((error: unknown) => {
        throw this.failure('write', error);
      });
  }

  private failure(action: 'read' | 'write', error: unknown): Error {
    // A cancelled rollout activity's reason goes on as it is, so Temporal records a cancellation.
    if (!isKubernetesFailure(error)) return error as Error;
    const detail = (error as Error).message;
    if (!(error instanceof KubernetesApiError)) {
      return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}`, {
        cause: error,
      });
    }
    if (error.conflict) {
      return new ExternalError(
        'rollout state',
        `${this.where} changed since this step read it (another pipeline run is changing this rollout?): ${detail}. The state was not written; wait for the other run to finish, then re-run this step (steps are idempotent)`,
        { cause: error },
      );
    }
    // No credentials at all: 401, or 403 as the anonymous user when the API server allows anonymous requests.
    if (error.status === 401 || (error.status === 403 && /system:anonymous/.test(detail))) {
      return new ExternalError(
        'rollout state',
        `cannot ${action} ${this.where}: the kubeconfig has no usable credentials (${detail}). Give the deploy identity's kubeconfig (input "kubeconfig", --kubeconfig)`,
        { cause: error },
      );
    }
    if (error.status === 403) {
      return new ExternalError(
        'rollout state',
        `cannot ${action} ${this.where}: ${detail}. The deploy identity needs get, create and update on configmaps in this namespace (the chart's deployRbac Role has them)`,
        { cause: error },
      );
    }
    return new ExternalError('rollout state', `cannot ${action} ${this.where}: ${detail}`, { cause: error });
  }
}

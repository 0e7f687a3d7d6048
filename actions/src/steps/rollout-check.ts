// What a rollout step can check about its options before it loads the Temporal client, connects or writes:
// the deployer's needs and the state directory. The action and the CLI name their own inputs in errors.
import { existsSync } from 'node:fs';
import { checkWritableDirectory } from '../adapters/state-dir.js';
import { InputError } from '../core/errors.js';
import type { OpenRolloutOptions } from './rollout-open.js';

/** How the front end calls the inputs an error may name. */
export interface RolloutInputNames {
  stateDir: string;
  kubeconfig: string;
}

export async function checkRolloutOptions(
  options: OpenRolloutOptions,
  names: RolloutInputNames,
): Promise<void> {
  const kind = options.deployer ?? options.config.deployer;
  if (kind === 'helm') {
    if (!options.helm)
      throw new InputError(names.kubeconfig, 'is required by the helm deployer', 'pass the kubeconfig file');
    if (!existsSync(options.helm.kubeconfig)) {
      throw new InputError(
        names.kubeconfig,
        `${options.helm.kubeconfig} does not exist`,
        'pass the kubeconfig file',
      );
    }
  }
  // The helm deployer with state in a ConfigMap writes nothing locally.
  if (kind !== 'helm' || options.config.helm.state !== 'configmap') {
    await checkWritableDirectory(options.stateDir ?? '.rollout', names.stateDir);
  }
}

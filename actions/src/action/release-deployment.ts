// The release as one GitHub deployment of the commit, whose status follows the rollout: in_progress through
// the ramp and the drain, success once promoted (or installed), failure when rolled back, aborted or failed,
// inactive when a newer release superseded it. A status is written only when it says something new.
import type { DeploymentState, GitHubApi } from '../adapters/github.js';
import type { ReleaseOutcome, RolloutStatus } from '../controller/api.js';
import type { RecordedStatus } from './release-summary.js';

const OUTCOME_STATE: Record<ReleaseOutcome['result'], DeploymentState> = {
  installed: 'success',
  promoted: 'success',
  unchanged: 'success',
  restored: 'success',
  'rolled-back': 'failure',
  aborted: 'failure',
  failed: 'failure',
  superseded: 'inactive',
};

/** The status a rollout's state maps to, for `version`. */
export function deploymentStatusOf(
  status: RolloutStatus,
  version: string,
  outcome: ReleaseOutcome | undefined,
): { state: DeploymentState; description: string } {
  if (outcome)
    return {
      state: OUTCOME_STATE[outcome.result],
      description: `${outcome.result}: ${outcome.reasons.join('; ')}`,
    };
  const step = status.step ? ` (step ${status.step.index}/${status.step.of})` : '';
  switch (status.phase) {
    case 'canary':
    case 'analyzing':
    case 'paused':
      return {
        state: 'in_progress',
        description: `${version}: ${status.phase} at ${status.canary?.weight ?? status.step?.weight ?? 0}%${step}`,
      };
    case 'held':
      return {
        state: 'in_progress',
        description: `${version}: held for a person — ${status.hold?.reasons.join('; ') ?? ''}`,
      };
    case 'promoting':
    case 'rolling-back':
      return {
        state: 'in_progress',
        description: `${version}: ${status.phase}, ${status.drain?.openRuns ?? '?'} open run(s) on ${status.drain?.leaving ?? 'the old release'} draining`,
      };
    default:
      return { state: 'in_progress', description: `${version}: ${status.phase}` };
  }
}

export class ReleaseDeployment {
  readonly recorded: RecordedStatus[] = [];
  private id: number | undefined;
  private last = '';

  constructor(
    private readonly github: GitHubApi | undefined,
    private readonly deployment: { ref: string; environment: string; version: string; logUrl?: string },
  ) {}

  /** Writes the status `status` maps to, when it differs from the last one written. */
  async follow(status: RolloutStatus, outcome: ReleaseOutcome | undefined): Promise<void> {
    const { state, description } = deploymentStatusOf(status, this.deployment.version, outcome);
    await this.record(state, description);
  }

  async record(state: DeploymentState, description: string): Promise<void> {
    const key = `${state} ${description}`;
    if (key === this.last) return;
    this.last = key;
    this.recorded.push({ environment: this.deployment.environment, state, description });
    if (!this.github) return;
    if (this.id === undefined) {
      const { environment, version, ref } = this.deployment;
      this.id = (
        await this.github.createDeployment({
          ref,
          environment,
          description: `release ${version}`,
          payload: { step: 'release', version },
          productionEnvironment: environment === 'production',
        })
      ).id;
    }
    await this.github.setDeploymentStatus(this.id, state, {
      description,
      ...(this.deployment.logUrl ? { logUrl: this.deployment.logUrl } : {}),
    });
  }
}

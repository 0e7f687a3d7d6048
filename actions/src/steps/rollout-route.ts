// The single-shot steps (canary, promote, rollback) when a rollout workflow may own the app: while
// `rollout/<app>` runs, the workflow is the only writer, so the request goes to it as an Update (an immediate
// yes, or a no with the reason); with none running, the step runs directly, as before.
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { rolloutWorkflowId, type UpdateAnswer } from '../controller/api.js';
import { sendAction, sendRollback, startOrAttachRelease } from '../controller/client.js';
import type { DrainPolicy, RolloutConfig } from '../core/rollout-config.js';
import { type CanaryInput, canary } from './canary.js';
import { promote } from './promote.js';
import { rollback } from './rollback.js';
import type { GateSpec, RolloutContext, StepResult } from './rollout.js';

export type Routed = { via: 'workflow'; answer: UpdateAnswer } | { via: 'step'; result: StepResult };

/** Whether the app's rollout workflow is running now. */
export async function rolloutIsOpen(client: Client, app: string): Promise<boolean> {
  try {
    const description = await client.workflow.getHandle(rolloutWorkflowId(app)).describe();
    return description.status.name === 'RUNNING';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

export async function routeRollback(
  ctx: RolloutContext,
  config: RolloutConfig,
  request: { to?: string; reason?: string; drainPolicy?: DrainPolicy; requestedBy: string },
): Promise<Routed> {
  if (await rolloutIsOpen(ctx.client, config.app)) {
    const answer = await sendRollback(ctx.client, {
      config,
      reason: request.reason ?? `manual rollback (${request.requestedBy})`,
      requestedBy: request.requestedBy,
      ...(request.to ? { to: request.to } : {}),
      ...(request.drainPolicy ? { drainPolicy: request.drainPolicy } : {}),
    });
    return { via: 'workflow', answer };
  }
  const result = await rollback(ctx, {
    ...(request.to ? { to: request.to } : {}),
    ...(request.reason ? { reason: request.reason } : {}),
  });
  return { via: 'step', result };
}

export async function routePromote(
  ctx: RolloutContext,
  config: RolloutConfig,
  request: { version?: string; requestedBy: string },
): Promise<Routed> {
  if (await rolloutIsOpen(ctx.client, config.app)) {
    const answer = await sendAction(ctx.client, config.app, 'promote-now', {
      requestedBy: request.requestedBy,
      reason: request.version ? `promote ${request.version} now` : 'promote now',
    });
    return { via: 'workflow', answer };
  }
  return { via: 'step', result: await promote(ctx, request.version ? { version: request.version } : {}) };
}

/**
 * A canary while a rollout runs is a release of that version to the workflow: it places the canary at the
 * weights of rollout.yaml's steps (a given weight is not applied; the answer says so).
 */
export async function routeCanary(
  ctx: RolloutContext,
  config: RolloutConfig,
  request: {
    version: string;
    image: string;
    weight: number;
    env?: Record<string, string>;
    gate?: GateSpec;
    replayDeploy?: CanaryInput['replayDeploy'];
    requestedBy: string;
  },
): Promise<Routed> {
  if (await rolloutIsOpen(ctx.client, config.app)) {
    const answer = await startOrAttachRelease(ctx.client, {
      config,
      version: request.version,
      image: request.image,
      requestedBy: request.requestedBy,
      ...(request.env ? { env: request.env } : {}),
      ...(request.replayDeploy ? { replayDeploy: request.replayDeploy } : {}),
    });
    return {
      via: 'workflow',
      answer: {
        ...answer,
        message: `${answer.message} (a rollout is running: it sets the weights from rollout.yaml's steps, not ${request.weight}%)`,
      },
    };
  }
  const { requestedBy: _by, ...step } = request;
  return { via: 'step', result: await canary(ctx, step) };
}

// Who finishes a rollout once the attached release job leaves. The job's own worker polls the rollout task
// queue too, so it never counts; a poller only counts while its last poll is recent (the server keeps a
// poller in DescribeTaskQueue for a while after it stops).

export interface RolloutPoller {
  identity: string;
  /** When the server last saw it poll (ms since epoch); undefined when the server did not say. */
  lastAccessMs: number | undefined;
}

/** A poller whose last poll is older than this is gone (a worker long-polls about once a minute). */
export const POLLER_FRESH_MS = 2 * 60_000;

/** The pollers other than `own` that polled within `freshMs` of `nowMs`: the controllers. */
export function controllersOf(
  pollers: readonly RolloutPoller[],
  own: ReadonlySet<string>,
  nowMs: number,
  freshMs = POLLER_FRESH_MS,
): RolloutPoller[] {
  return pollers.filter(
    (p) => !own.has(p.identity) && p.lastAccessMs !== undefined && nowMs - p.lastAccessMs <= freshMs,
  );
}

export interface HandoverAdvice {
  /** true: a controller is there; the job may leave. */
  handedOver: boolean;
  message: string;
}

/** What the job says when it leaves (or may not leave) a rollout that is not finished. */
export function handoverAdvice(
  workflowId: string,
  taskQueue: string,
  controllers: readonly RolloutPoller[],
  how: { namespace: string; config: string },
): HandoverAdvice {
  if (controllers.length > 0) {
    return {
      handedOver: true,
      message: `${workflowId} continues on the controller polling ${taskQueue} (${controllers.map((c) => c.identity).join(', ')}); no job needs to stay attached`,
    };
  }
  return {
    handedOver: false,
    message:
      `${workflowId} is not finished and no controller polls task queue ${taskQueue}: it waits on the server until a worker runs. ` +
      `Run \`temporal-rollout controller --config ${how.config} --namespace ${how.namespace} --task-queue ${taskQueue}\` ` +
      '(or install the chart with controller.enabled=true, or enable the rollout-controller workflow), or re-run this job to attach again',
  };
}

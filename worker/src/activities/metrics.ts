import type { Context } from '@temporalio/activity';
import type { MetricMeter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

function isCancellation(err: unknown): boolean {
  return err instanceof Error && (err.name === 'CancelledFailure' || err.name === 'AbortError');
}

/**
 * Counts every activity attempt (`order_activity_attempts`, by activity type and outcome) and every
 * retry (`order_activity_retries`, attempts after the first). Labels are snake_case like Core's own.
 */
export function activityMetricsInterceptor(meter: MetricMeter): ActivityInterceptorsFactory {
  const attempts = meter.createCounter(
    'order_activity_attempts',
    'attempts',
    'Activity attempts by type and outcome',
  );
  const retries = meter.createCounter(
    'order_activity_retries',
    'attempts',
    'Activity attempts after the first',
  );
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const { activityType, taskQueue, attempt } = ctx.info;
        const tags = {
          activity_type: activityType,
          task_queue: taskQueue,
          namespace: ctx.info.activityNamespace,
        };
        if (attempt > 1) retries.add(1, tags);
        try {
          const result = await next(input);
          attempts.add(1, { ...tags, outcome: 'success' });
          return result;
        } catch (err) {
          attempts.add(1, { ...tags, outcome: isCancellation(err) ? 'cancelled' : 'failure' });
          throw err;
        }
      },
    },
  });
}

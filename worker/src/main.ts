import { makeTelemetryFilterString, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { ConfigError, loadWorkerConfig, type WorkerConfig } from './config.js';
import { connectionSettings, explainConnectionError } from './connection.js';
import { startHealthServer } from './health.js';
import { JsonLogger } from './logging.js';
import { simulatedServices } from './services/simulated.js';
import { createTracing, type Tracing } from './tracing.js';
import { createOrderWorkers, type OrderWorkers } from './workers.js';

const EXIT_CONFIG = 2;
/** The label the rollout's analysis compares builds by (`BUILD_ID_LABEL` in actions/src/core/analysis/sides.ts). */
const BUILD_ID_METRIC_LABEL = 'temporal_rollout_build_id';
const EXIT_RUNTIME = 1;

function readConfig(): WorkerConfig | undefined {
  try {
    return loadWorkerConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `order-worker: invalid configuration:\n${err.problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}\n`,
    );
    return undefined;
  }
}

function describeWorkers(workers: OrderWorkers | undefined): Record<string, string> {
  return {
    orderWorker: workers?.order.getState() ?? 'STARTING',
    paymentWorker: workers?.payment.getState() ?? 'STARTING',
  };
}

/** The SDK's runtime: logs through our logger, metrics on the Prometheus port (unless 0), no signal handling. */
function installRuntime(
  config: WorkerConfig,
  logger: JsonLogger,
): { runtime: Runtime; metricsAddress?: string } {
  const metricsAddress = config.metricsPort !== 0 ? `${config.listenHost}:${config.metricsPort}` : undefined;
  const runtime = Runtime.install({
    logger,
    // Signals are handled in main, so the health endpoint can report the shutdown.
    shutdownSignals: [],
    telemetryOptions: {
      logging: {
        forward: {},
        filter: makeTelemetryFilterString({ core: config.logLevel === 'TRACE' ? 'DEBUG' : 'WARN' }),
      },
      ...(metricsAddress
        ? {
            metrics: {
              prometheus: { bindAddress: metricsAddress },
              // Canary and stable may poll one task queue: the analysis tells their metrics apart by build.
              ...(config.buildId ? { globalTags: { [BUILD_ID_METRIC_LABEL]: config.buildId } } : {}),
            },
          }
        : {}),
    },
  });
  return { runtime, ...(metricsAddress ? { metricsAddress } : {}) };
}

function startTracing(config: WorkerConfig): Tracing | undefined {
  if (!config.tracing.enabled) return undefined;
  return createTracing({
    serviceName: 'order-worker',
    ...(config.tracing.otlpEndpoint ? { endpoint: config.tracing.otlpEndpoint } : {}),
    attributes: { 'temporal.task_queue': config.orderTaskQueue },
  });
}

function stopRunning(workers: OrderWorkers | undefined): void {
  for (const w of [workers?.order, workers?.payment]) if (w?.getState() === 'RUNNING') w.shutdown();
}

/** Runs both workers until they stop; one failing stops the other, so the process never half-serves. */
async function runBoth(workers: OrderWorkers, logger: JsonLogger): Promise<number> {
  const run = (worker: Worker, other: Worker) =>
    worker.run().catch((err: unknown) => {
      if (other.getState() === 'RUNNING') other.shutdown();
      throw err;
    });
  const results = await Promise.allSettled([
    run(workers.order, workers.payment),
    run(workers.payment, workers.order),
  ]);
  let exitCode = 0;
  for (const result of results) {
    if (result.status === 'rejected') {
      exitCode = EXIT_RUNTIME;
      logger.error('worker stopped with an error', { error: result.reason });
    }
  }
  logger.info('order worker stopped', { exitCode });
  return exitCode;
}

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return EXIT_CONFIG;
  const logger = new JsonLogger(config.logLevel, undefined, { service: 'order-worker' });
  const { runtime, metricsAddress } = installRuntime(config, logger);

  let workers: OrderWorkers | undefined;
  let stopping = false;
  // Registered first, so a signal during start-up also ends in an orderly exit 0.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown requested: polling stops, in-flight tasks get the grace period', {
      signal,
      graceMs: config.shutdownGraceMs,
    });
    stopRunning(workers);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  const health =
    config.healthPort === 0
      ? undefined
      : await startHealthServer(config.listenHost, config.healthPort, () => {
          const detail = describeWorkers(workers);
          const running =
            workers !== undefined && !stopping && Object.values(detail).every((s) => s === 'RUNNING');
          return { ready: running, detail };
        });
  const tracing = startTracing(config);

  const settings = connectionSettings(config.temporal);
  let connection: NativeConnection;
  try {
    connection = await NativeConnection.connect(settings);
  } catch (err) {
    logger.error(explainConnectionError(err, settings), { address: config.temporal.address });
    await health?.close();
    await tracing?.shutdown();
    return EXIT_RUNTIME;
  }

  try {
    workers = await createOrderWorkers(config, {
      connection,
      services: simulatedServices(config.simulation),
      meter: runtime.metricMeter,
      ...(tracing ? { plugins: [tracing.plugin] } : {}),
    });
    if (stopping) {
      logger.info('shutdown requested before polling started');
      return 0;
    }
    logger.info('order worker started', {
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      orderTaskQueue: config.orderTaskQueue,
      paymentTaskQueue: config.paymentTaskQueue,
      metrics: metricsAddress ?? 'off',
      healthPort: health?.port ?? 'off',
      deployment: config.deployment
        ? `${config.deployment.deploymentName}:${config.deployment.buildId}`
        : 'none',
      tracing: config.tracing.enabled,
    });
    return await runBoth(workers, logger);
  } catch (err) {
    logger.error('order worker failed to start', { error: err });
    stopRunning(workers);
    return EXIT_RUNTIME;
  } finally {
    await connection.close().catch(() => undefined);
    await tracing?.shutdown().catch(() => undefined);
    await health?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `order-worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(EXIT_RUNTIME);
  },
);

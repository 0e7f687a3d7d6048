import { makeTelemetryFilterString, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { ConfigError, loadWorkerConfig, type WorkerConfig } from './config.js';
import { connectionSettings, explainConnectionError } from './connection.js';
import { type HealthServer, startHealthServer } from './health.js';
import { JsonLogger } from './logging.js';
import { simulatedServices } from './services/simulated.js';
import { createTracing, type Tracing } from './tracing.js';
import { createOrderWorkers, type OrderWorkers } from './workers.js';

const EXIT_CONFIG = 2;
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

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return EXIT_CONFIG;
  const logger = new JsonLogger(config.logLevel, undefined, { service: 'order-worker' });
  const metricsAddress = config.metricsPort !== 0 ? `${config.listenHost}:${config.metricsPort}` : undefined;
  const runtime = Runtime.install({
    logger,
    // Signals are handled below, so the health endpoint can report the shutdown.
    shutdownSignals: [],
    telemetryOptions: {
      logging: {
        forward: {},
        filter: makeTelemetryFilterString({ core: config.logLevel === 'TRACE' ? 'DEBUG' : 'WARN' }),
      },
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });

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
    for (const w of [workers?.order, workers?.payment]) if (w?.getState() === 'RUNNING') w.shutdown();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  let health: HealthServer | undefined;
  if (config.healthPort !== 0) {
    health = await startHealthServer(config.listenHost, config.healthPort, () => {
      const detail = describeWorkers(workers);
      const running =
        workers !== undefined && !stopping && Object.values(detail).every((s) => s === 'RUNNING');
      return { ready: running, detail };
    });
  }

  let tracing: Tracing | undefined;
  if (config.tracing.enabled) {
    tracing = createTracing({
      serviceName: 'order-worker',
      ...(config.tracing.otlpEndpoint ? { endpoint: config.tracing.otlpEndpoint } : {}),
      attributes: { 'temporal.task_queue': config.orderTaskQueue },
    });
  }

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

  let exitCode = 0;
  try {
    workers = await createOrderWorkers(config, {
      connection,
      services: simulatedServices(config.simulation),
      meter: runtime.metricMeter,
      ...(tracing ? { plugins: [tracing.plugin] } : {}),
    });
    const running = workers;
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
    // One worker failing stops the other, so the process never half-serves.
    const run = (worker: Worker, other: Worker) =>
      worker.run().catch((err: unknown) => {
        if (other.getState() === 'RUNNING') other.shutdown();
        throw err;
      });
    const results = await Promise.allSettled([
      run(running.order, running.payment),
      run(running.payment, running.order),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') {
        exitCode = EXIT_RUNTIME;
        logger.error('worker stopped with an error', { error: result.reason });
      }
    }
    logger.info('order worker stopped', { exitCode });
  } catch (err) {
    exitCode = EXIT_RUNTIME;
    logger.error('order worker failed to start', { error: err });
    for (const w of [workers?.order, workers?.payment]) if (w?.getState() === 'RUNNING') w.shutdown();
  } finally {
    await connection.close().catch(() => undefined);
    await tracing?.shutdown().catch(() => undefined);
    await health?.close();
  }
  return exitCode;
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

import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadStarterConfig, type StarterConfig } from '../config.js';
import { connectionSettings, explainConnectionError } from '../connection.js';
import { JsonLogger } from '../logging.js';
import { createStarterServer } from './http.js';
import { formatRoutingWeights } from './routing.js';
import {
  defaultRoutingSource,
  fileRoutingSource,
  type RoutingSource,
  staticRoutingSource,
} from './routing-source.js';

function readConfig(): StarterConfig | undefined {
  try {
    return loadStarterConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `order-starter: invalid configuration:\n${err.problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}\n`,
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  const config = readConfig();
  if (!config) return 2;
  const logger = new JsonLogger(config.logLevel, undefined, { service: 'order-starter' });
  let routing: RoutingSource;
  try {
    routing = config.routingFile
      ? fileRoutingSource(config.routingFile, (err) =>
          logger.error('routing file rejected; keeping the last good table', { error: err.message }),
        )
      : config.routingWeights
        ? staticRoutingSource(
            config.routingWeights,
            `ROUTING_WEIGHTS ${formatRoutingWeights(config.routingWeights)}`,
          )
        : defaultRoutingSource(config.orderTaskQueue);
  } catch (err) {
    process.stderr.write(
      `order-starter: ROUTING_FILE: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 2;
  }
  const settings = connectionSettings(config.temporal);
  let connection: Connection;
  try {
    connection = await Connection.connect(settings);
  } catch (err) {
    logger.error(explainConnectionError(err, settings));
    return 1;
  }
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const server = createStarterServer({ client, routing, logger });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.listenHost, () => resolve());
  });
  const address = server.address();
  logger.info('order starter listening', {
    port: typeof address === 'object' && address ? address.port : config.port,
    routing: routing.description,
    namespace: config.temporal.namespace,
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await connection.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `order-starter: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);

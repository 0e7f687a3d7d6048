import { describe, expect, it } from 'vitest';
import { ConfigError, loadStarterConfig, loadWorkerConfig } from '../../src/config.js';

function problems(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError)
      return Object.fromEntries(err.problems.map((p) => [p.variable, p.problem]));
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadWorkerConfig', () => {
  it('has working defaults for an empty env', () => {
    const config = loadWorkerConfig({});
    expect(config.temporal).toEqual({ address: 'localhost:7233', namespace: 'default' });
    expect(config.orderTaskQueue).toBe('order-task-queue');
    expect(config.paymentTaskQueue).toBe('payment-task-queue');
    expect(config.settings.paymentTaskQueue).toBe('payment-task-queue');
    expect(config.metricsPort).toBe(9464);
    expect(config.healthPort).toBe(8080);
    expect(config.listenHost).toBe('0.0.0.0');
    expect(config.logLevel).toBe('INFO');
    expect(config.deployment).toBeUndefined();
    expect(config.tracing).toEqual({ enabled: false });
  });

  it('reads every documented variable', () => {
    const config = loadWorkerConfig({
      TEMPORAL_HOST: 'temporal-frontend',
      TEMPORAL_NAMESPACE: 'orders',
      ORDER_TASK_QUEUE: 'order-task-queue-v2',
      PAYMENT_TASK_QUEUE: 'payment-task-queue-v2',
      LOG_LEVEL: 'debug',
      ENABLE_TRACING: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      RETRY_MAX_ATTEMPTS: '7',
      MAX_CONCURRENT_ACTIVITIES: '50',
      MAX_CONCURRENT_WORKFLOW_TASKS: '20',
      METRICS_PORT: '9000',
      HEALTH_PORT: '9001',
      LISTEN_HOST: '127.0.0.1',
      DEPLOYMENT_NAME: 'order-worker',
      BUILD_ID: 'v2.0.0',
      DEFAULT_VERSIONING_BEHAVIOR: 'auto_upgrade',
      SHUTDOWN_GRACE_MS: '45000',
      WORKFLOW_BUNDLE_PATH: '/app/bundle.js',
      WORKFLOW_BUNDLE_PATH_TRACING: '/app/bundle-tracing.js',
      FAULT_PAYMENT_RATE: '0.25',
      LATENCY_MS_SHIPPING: '150',
      APPROVAL_THRESHOLD_CENTS: '1000',
      APPROVAL_TIMEOUT: '15m',
    });
    expect(config.temporal).toEqual({ address: 'temporal-frontend:7233', namespace: 'orders' });
    expect(config.logLevel).toBe('DEBUG');
    expect(config.tracing).toEqual({ enabled: true, otlpEndpoint: 'http://collector:4318' });
    expect(config.settings).toMatchObject({
      paymentTaskQueue: 'payment-task-queue-v2',
      retryMaxAttempts: 7,
      approvalThresholdCents: 1000,
      approvalTimeoutMs: 15 * 60_000,
    });
    expect(config.maxConcurrentActivities).toBe(50);
    expect(config.maxConcurrentWorkflowTasks).toBe(20);
    expect(config.deployment).toEqual({
      deploymentName: 'order-worker',
      buildId: 'v2.0.0',
      defaultVersioningBehavior: 'AUTO_UPGRADE',
    });
    expect(config.buildId).toBe('v2.0.0');
    expect(config.shutdownGraceMs).toBe(45_000);
    expect(config.workflowBundlePath).toBe('/app/bundle.js');
    expect(config.tracingWorkflowBundlePath).toBe('/app/bundle-tracing.js');
    expect(config.simulation.payment).toEqual({ failureRate: 0.25, latencyMs: 0 });
    expect(config.simulation.shipping).toEqual({ failureRate: 0, latencyMs: 150 });
  });

  it('prefers TEMPORAL_ADDRESS over TEMPORAL_HOST and keeps an explicit port', () => {
    expect(loadWorkerConfig({ TEMPORAL_ADDRESS: 'a:1234', TEMPORAL_HOST: 'b' }).temporal.address).toBe(
      'a:1234',
    );
  });

  it('names every bad variable at once', () => {
    expect(
      problems(() =>
        loadWorkerConfig({
          TEMPORAL_ADDRESS: 'http://x:7233',
          LOG_LEVEL: 'loud',
          RETRY_MAX_ATTEMPTS: '0',
          METRICS_PORT: '70000',
          FAULT_SHIPPING_RATE: 'sometimes',
          APPROVAL_TIMEOUT: 'soon',
          ENABLE_TRACING: 'maybe',
          ORDER_TASK_QUEUE: 'same',
          PAYMENT_TASK_QUEUE: 'same',
        }),
      ),
    ).toEqual({
      TEMPORAL_ADDRESS: 'must be host:port (e.g. temporal-frontend:7233), got "http://x:7233"',
      LOG_LEVEL: 'must be one of TRACE, DEBUG, INFO, WARN, ERROR, got "LOUD"',
      RETRY_MAX_ATTEMPTS: 'must be an integer from 1 to 1000, got "0"',
      METRICS_PORT: 'must be an integer from 0 to 65535, got "70000"',
      FAULT_SHIPPING_RATE: 'must be a number from 0 to 1, got "sometimes"',
      APPROVAL_TIMEOUT: 'must be a duration like 30s, 15m or 24h, got "soon"',
      ENABLE_TRACING: 'must be true or false, got "maybe"',
      PAYMENT_TASK_QUEUE: 'must differ from ORDER_TASK_QUEUE ("same")',
    });
  });

  it('reads durations in the shared grammar and refuses a bare number, saying it meant milliseconds', () => {
    expect(
      loadWorkerConfig({ APPROVAL_TIMEOUT: '1h30m', RETRY_INITIAL_INTERVAL: '250ms' }).settings,
    ).toMatchObject({ approvalTimeoutMs: 5_400_000, retryInitialIntervalMs: 250 });
    expect(problems(() => loadWorkerConfig({ RETRY_INITIAL_INTERVAL: '500' }))).toEqual({
      RETRY_INITIAL_INTERVAL:
        '500 has no unit: write 500ms: a bare number here used to mean milliseconds, and durations now always carry a unit',
    });
  });

  it('needs the TLS cert and key together, and enables TLS for a CA or server name alone', () => {
    expect(problems(() => loadWorkerConfig({ TEMPORAL_TLS_CERT: '/c.pem' }))).toHaveProperty(
      'TEMPORAL_TLS_KEY',
    );
    expect(problems(() => loadWorkerConfig({ TEMPORAL_TLS_KEY: '/k.pem' }))).toHaveProperty(
      'TEMPORAL_TLS_CERT',
    );
    expect(loadWorkerConfig({ TEMPORAL_TLS_CA: '/ca.pem' }).temporal.tls).toEqual({ ca: '/ca.pem' });
    expect(loadWorkerConfig({ TEMPORAL_TLS_SERVER_NAME: 'temporal' }).temporal.tls).toEqual({
      serverName: 'temporal',
    });
    expect(loadWorkerConfig({ TEMPORAL_TLS: 'true' }).temporal.tls).toEqual({});
    expect(loadWorkerConfig({ TEMPORAL_API_KEY: 'k' }).temporal).toEqual({
      address: 'localhost:7233',
      namespace: 'default',
      apiKey: 'k',
    });
  });

  it('reads BUILD_ID without worker versioning: it labels the metrics of an unversioned worker too', () => {
    const config = loadWorkerConfig({ BUILD_ID: '1.1.0' });
    expect(config.buildId).toBe('1.1.0');
    expect(config.deployment).toBeUndefined();
    expect(loadWorkerConfig({}).buildId).toBeUndefined();
  });

  it('requires BUILD_ID with DEPLOYMENT_NAME and DEPLOYMENT_NAME with a versioning behavior', () => {
    expect(problems(() => loadWorkerConfig({ DEPLOYMENT_NAME: 'order-worker' }))).toEqual({
      BUILD_ID: 'DEPLOYMENT_NAME is "order-worker", so BUILD_ID must name this build',
    });
    expect(problems(() => loadWorkerConfig({ DEFAULT_VERSIONING_BEHAVIOR: 'PINNED' }))).toHaveProperty(
      'DEPLOYMENT_NAME',
    );
    expect(
      problems(() =>
        loadWorkerConfig({ DEPLOYMENT_NAME: 'd', BUILD_ID: 'b', DEFAULT_VERSIONING_BEHAVIOR: 'x' }),
      ),
    ).toHaveProperty('DEFAULT_VERSIONING_BEHAVIOR');
    expect(
      loadWorkerConfig({ DEPLOYMENT_NAME: 'd', BUILD_ID: 'b' }).deployment?.defaultVersioningBehavior,
    ).toBe('PINNED');
  });
});

describe('loadStarterConfig', () => {
  it('parses ROUTING_WEIGHTS and names it when it is wrong', () => {
    const config = loadStarterConfig({ ROUTING_WEIGHTS: 'order-task-queue-v1=90,order-task-queue-v2=10' });
    expect(config.routingWeights?.routes).toEqual([
      { taskQueue: 'order-task-queue-v1', weight: 90 },
      { taskQueue: 'order-task-queue-v2', weight: 10 },
    ]);
    expect(config.port).toBe(8081);
    expect(problems(() => loadStarterConfig({ ROUTING_WEIGHTS: 'a=1,b=x' }))).toEqual({
      ROUTING_WEIGHTS: 'routes[1].weight must be an integer ≥ 0, got null',
    });
  });
});

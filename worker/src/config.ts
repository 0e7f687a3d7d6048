import type { LogLevel } from '@temporalio/common';
import { DEFAULT_ORDER_SETTINGS, type OrderSettings } from './domain.js';
import { readDuration, unitFix } from './duration.js';
import type { SimulationOptions } from './services/simulated.js';
import { parseRoutingWeights, RoutingError, type RoutingTable } from './starter/routing.js';

/** One or more environment variables are wrong; each problem names its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(problems.map((p) => `${p.variable}: ${p.problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export type VersioningBehavior = 'PINNED' | 'AUTO_UPGRADE';

export interface TlsSettings {
  /** PEM text or a file path, as given in the env. */
  cert?: string;
  key?: string;
  ca?: string;
  serverName?: string;
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  /** undefined: plain TCP unless an API key is set. */
  tls?: TlsSettings;
  apiKey?: string;
}

export interface WorkerConfig {
  temporal: TemporalSettings;
  orderTaskQueue: string;
  paymentTaskQueue: string;
  logLevel: LogLevel;
  tracing: { enabled: boolean; otlpEndpoint?: string };
  maxConcurrentActivities?: number;
  maxConcurrentWorkflowTasks?: number;
  /** 0 turns the endpoint off. */
  metricsPort: number;
  healthPort: number;
  listenHost: string;
  /** BUILD_ID: this build, put on every metric as `temporal_rollout_build_id` (the analysis compares builds by it). */
  buildId?: string;
  /** Worker Deployment versioning; absent means an unversioned worker. */
  deployment?: { deploymentName: string; buildId: string; defaultVersioningBehavior: VersioningBehavior };
  shutdownGraceMs: number;
  workflowBundlePath?: string;
  /** Used instead of workflowBundlePath when tracing is on: a bundle with the OTel workflow interceptors. */
  tracingWorkflowBundlePath?: string;
  simulation: SimulationOptions;
  settings: OrderSettings;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const TASK_QUEUE = /^[A-Za-z0-9._\-/:]{1,200}$/;

/** Reads env values, collecting every problem instead of stopping at the first. */
class EnvReader {
  readonly problems: { variable: string; problem: string }[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  fail(variable: string, problem: string): undefined {
    this.problems.push({ variable, problem });
    return undefined;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number;
  int(name: string, fallback: undefined, min: number, max: number): number | undefined;
  int(name: string, fallback: number | undefined, min: number, max: number): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      return this.fail(name, `must be an integer from ${min} to ${max}, got "${value}"`) ?? fallback;
    }
    return n;
  }

  rate(name: string): number {
    const value = this.raw(name);
    if (value === undefined) return 0;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      return this.fail(name, `must be a number from 0 to 1, got "${value}"`) ?? 0;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    return this.fail(name, `must be true or false, got "${value}"`) ?? fallback;
  }

  durationMs(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const read = readDuration(value);
    if ('ms' in read) return read.ms;
    if (read.problem === 'no-unit')
      return this.fail(name, `${value} has no unit: ${unitFix(value, 'ms')}`) ?? fallback;
    return this.fail(name, `must be a duration like 30s, 15m or 24h, got "${value}"`) ?? fallback;
  }

  taskQueue(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (!TASK_QUEUE.test(value)) {
      return this.fail(name, `is not a usable task queue name: "${value}"`) ?? fallback;
    }
    return value;
  }
}

function hostPort(reader: EnvReader): string {
  const name = reader.raw('TEMPORAL_ADDRESS') !== undefined ? 'TEMPORAL_ADDRESS' : 'TEMPORAL_HOST';
  const value = reader.string(name, 'localhost:7233');
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  const port = Number(match?.[2] ?? 7233);
  if (!match || port < 1 || port > 65535) {
    return reader.fail(name, `must be host:port (e.g. temporal-frontend:7233), got "${value}"`) ?? value;
  }
  return match[2] ? value : `${value}:7233`;
}

function tls(reader: EnvReader): TlsSettings | undefined {
  const cert = reader.raw('TEMPORAL_TLS_CERT');
  const key = reader.raw('TEMPORAL_TLS_KEY');
  const ca = reader.raw('TEMPORAL_TLS_CA');
  const serverName = reader.raw('TEMPORAL_TLS_SERVER_NAME');
  const enabled = reader.bool(
    'TEMPORAL_TLS',
    cert !== undefined || ca !== undefined || serverName !== undefined,
  );
  if ((cert === undefined) !== (key === undefined)) {
    const missing = cert === undefined ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY';
    reader.fail(missing, 'mTLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY (PEM text or file paths)');
  }
  if (!enabled) return undefined;
  return {
    ...(cert !== undefined ? { cert } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(ca !== undefined ? { ca } : {}),
    ...(serverName !== undefined ? { serverName } : {}),
  };
}

function deployment(reader: EnvReader): WorkerConfig['deployment'] {
  const deploymentName = reader.raw('DEPLOYMENT_NAME');
  const buildId = reader.raw('BUILD_ID');
  const behavior = reader.raw('DEFAULT_VERSIONING_BEHAVIOR')?.toUpperCase();
  if (behavior !== undefined && behavior !== 'PINNED' && behavior !== 'AUTO_UPGRADE') {
    reader.fail('DEFAULT_VERSIONING_BEHAVIOR', `must be PINNED or AUTO_UPGRADE, got "${behavior}"`);
  }
  if (deploymentName === undefined) {
    if (behavior !== undefined) {
      reader.fail('DEPLOYMENT_NAME', 'DEFAULT_VERSIONING_BEHAVIOR is set but DEPLOYMENT_NAME is not');
    }
    return undefined;
  }
  if (buildId === undefined) {
    return reader.fail(
      'BUILD_ID',
      `DEPLOYMENT_NAME is "${deploymentName}", so BUILD_ID must name this build`,
    );
  }
  return {
    deploymentName,
    buildId,
    defaultVersioningBehavior: behavior === 'AUTO_UPGRADE' ? 'AUTO_UPGRADE' : 'PINNED',
  };
}

function temporalSettings(reader: EnvReader): TemporalSettings {
  const address = hostPort(reader);
  const namespace = reader.string('TEMPORAL_NAMESPACE', 'default');
  if (!/^[A-Za-z0-9._-]{2,255}$/.test(namespace)) {
    reader.fail('TEMPORAL_NAMESPACE', `is not a valid namespace name: "${namespace}"`);
  }
  const apiKey = reader.raw('TEMPORAL_API_KEY');
  const tlsSettings = tls(reader);
  return {
    address,
    namespace,
    ...(tlsSettings ? { tls: tlsSettings } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}

function logLevel(reader: EnvReader): LogLevel {
  const level = reader.string('LOG_LEVEL', 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    reader.fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
    return 'INFO';
  }
  return level as LogLevel;
}

/** Reads and validates the worker's environment. Throws ConfigError listing every bad variable. */
export function loadWorkerConfig(env: Env = process.env): WorkerConfig {
  const reader = new EnvReader(env);
  const temporal = temporalSettings(reader);
  const orderTaskQueue = reader.taskQueue('ORDER_TASK_QUEUE', 'order-task-queue');
  const paymentTaskQueue = reader.taskQueue('PAYMENT_TASK_QUEUE', 'payment-task-queue');
  if (orderTaskQueue === paymentTaskQueue) {
    reader.fail('PAYMENT_TASK_QUEUE', `must differ from ORDER_TASK_QUEUE ("${orderTaskQueue}")`);
  }
  const tracingEnabled = reader.bool('ENABLE_TRACING', false);
  const otlpEndpoint = reader.raw('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otlpEndpoint !== undefined && !URL.canParse(otlpEndpoint)) {
    reader.fail(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      `must be a URL like http://collector:4318, got "${otlpEndpoint}"`,
    );
  }
  const metricsPort = reader.int('METRICS_PORT', 9464, 0, 65535);
  const healthPort = reader.int('HEALTH_PORT', 8080, 0, 65535);
  if (metricsPort !== 0 && metricsPort === healthPort) {
    reader.fail('HEALTH_PORT', `must differ from METRICS_PORT (${metricsPort})`);
  }
  const settings: OrderSettings = {
    paymentTaskQueue,
    retryMaxAttempts: reader.int('RETRY_MAX_ATTEMPTS', DEFAULT_ORDER_SETTINGS.retryMaxAttempts, 1, 1000),
    retryInitialIntervalMs: reader.durationMs(
      'RETRY_INITIAL_INTERVAL',
      DEFAULT_ORDER_SETTINGS.retryInitialIntervalMs,
    ),
    approvalThresholdCents: reader.int(
      'APPROVAL_THRESHOLD_CENTS',
      DEFAULT_ORDER_SETTINGS.approvalThresholdCents,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    approvalTimeoutMs: reader.durationMs('APPROVAL_TIMEOUT', DEFAULT_ORDER_SETTINGS.approvalTimeoutMs),
    compensationMaxAttempts: reader.int(
      'COMPENSATION_MAX_ATTEMPTS',
      DEFAULT_ORDER_SETTINGS.compensationMaxAttempts,
      1,
      1000,
    ),
    compensationRounds: reader.int('COMPENSATION_ROUNDS', DEFAULT_ORDER_SETTINGS.compensationRounds, 1, 100),
    compensationRoundDelayMs: reader.durationMs(
      'COMPENSATION_ROUND_DELAY',
      DEFAULT_ORDER_SETTINGS.compensationRoundDelayMs,
    ),
  };
  const stageAttribute = reader.raw('STAGE_SEARCH_ATTRIBUTE');
  if (stageAttribute !== undefined) {
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(stageAttribute)) settings.stageSearchAttribute = stageAttribute;
    else reader.fail('STAGE_SEARCH_ATTRIBUTE', `is not a search attribute name: "${stageAttribute}"`);
  }
  const config: WorkerConfig = {
    temporal,
    orderTaskQueue,
    paymentTaskQueue,
    logLevel: logLevel(reader),
    tracing: { enabled: tracingEnabled, ...(otlpEndpoint ? { otlpEndpoint } : {}) },
    metricsPort,
    healthPort,
    listenHost: reader.string('LISTEN_HOST', '0.0.0.0'),
    shutdownGraceMs: reader.int('SHUTDOWN_GRACE_MS', 30_000, 0, 3_600_000),
    simulation: {
      inventory: {
        failureRate: reader.rate('FAULT_INVENTORY_RATE'),
        latencyMs: reader.int('LATENCY_MS_INVENTORY', 0, 0, 3_600_000),
      },
      payment: {
        failureRate: reader.rate('FAULT_PAYMENT_RATE'),
        latencyMs: reader.int('LATENCY_MS_PAYMENT', 0, 0, 3_600_000),
      },
      shipping: {
        failureRate: reader.rate('FAULT_SHIPPING_RATE'),
        latencyMs: reader.int('LATENCY_MS_SHIPPING', 0, 0, 3_600_000),
      },
      compensationFailureRate: reader.rate('FAULT_COMPENSATION_RATE'),
    },
    settings,
  };
  const maxActivities = reader.int('MAX_CONCURRENT_ACTIVITIES', undefined, 1, 10_000);
  if (maxActivities !== undefined) config.maxConcurrentActivities = maxActivities;
  const maxWorkflowTasks = reader.int('MAX_CONCURRENT_WORKFLOW_TASKS', undefined, 2, 10_000);
  if (maxWorkflowTasks !== undefined) config.maxConcurrentWorkflowTasks = maxWorkflowTasks;
  const buildId = reader.raw('BUILD_ID');
  if (buildId !== undefined) config.buildId = buildId;
  const deploy = deployment(reader);
  if (deploy) config.deployment = deploy;
  const bundle = reader.raw('WORKFLOW_BUNDLE_PATH');
  if (bundle) config.workflowBundlePath = bundle;
  const tracingBundle = reader.raw('WORKFLOW_BUNDLE_PATH_TRACING');
  if (tracingBundle) config.tracingWorkflowBundlePath = tracingBundle;
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

export interface StarterConfig {
  temporal: TemporalSettings;
  /** Where everything goes when no routing is configured. */
  orderTaskQueue: string;
  /** A routing file re-read when it changes; wins over `routingWeights`. */
  routingFile?: string;
  routingWeights?: RoutingTable;
  port: number;
  listenHost: string;
  logLevel: LogLevel;
}

/** Reads and validates the starter service's environment. Throws ConfigError listing every bad variable. */
export function loadStarterConfig(env: Env = process.env): StarterConfig {
  const reader = new EnvReader(env);
  const config: StarterConfig = {
    temporal: temporalSettings(reader),
    orderTaskQueue: reader.taskQueue('ORDER_TASK_QUEUE', 'order-task-queue'),
    port: reader.int('STARTER_PORT', 8081, 0, 65535),
    listenHost: reader.string('LISTEN_HOST', '0.0.0.0'),
    logLevel: logLevel(reader),
  };
  const file = reader.raw('ROUTING_FILE');
  if (file !== undefined) config.routingFile = file;
  const weights = reader.raw('ROUTING_WEIGHTS');
  if (weights !== undefined) {
    try {
      config.routingWeights = parseRoutingWeights(weights);
    } catch (err) {
      if (!(err instanceof RoutingError)) throw err;
      reader.fail('ROUTING_WEIGHTS', err.message.replace(/^ROUTING_WEIGHTS: /, ''));
    }
  }
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

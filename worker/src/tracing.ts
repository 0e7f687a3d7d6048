import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';

export interface Tracing {
  plugin: OpenTelemetryPlugin;
  /** Flushes buffered spans; call once at shutdown. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing through the SDK's interceptors (client, workflow, activity), exported over
 * OTLP/HTTP to `endpoint` (`<endpoint>/v1/traces`), or to `exporter` when given (tests).
 */
export function createTracing(options: {
  serviceName: string;
  endpoint?: string;
  attributes?: Record<string, string>;
  exporter?: SpanExporter;
}): Tracing {
  const resource = new Resource({ 'service.name': options.serviceName, ...(options.attributes ?? {}) });
  const exporter =
    options.exporter ??
    new OTLPTraceExporter(
      options.endpoint ? { url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` } : undefined,
    );
  const spanProcessor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 });
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  const plugin = new OpenTelemetryPlugin({
    resource,
    spanProcessor,
    tracer: provider.getTracer(options.serviceName),
  });
  return {
    plugin,
    async shutdown() {
      await provider.shutdown();
    },
  };
}

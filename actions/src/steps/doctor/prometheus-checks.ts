import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PrometheusClient } from '../../adapters/prometheus.js';
import { alertNamesInTemplates, compareAlertRules } from '../../core/doctor/alert-rules.js';
import { type CheckOutcome, fail, pass, skip, warn } from '../../core/doctor/checklist.js';
import { formatDuration } from '../../core/duration.js';
import { escapeRegExp } from '../../core/escape-regexp.js';
import { type DoctorContext, once } from './context.js';
import { type Check, needing } from './run-check.js';

const NOT_REACHED = 'not checked: Prometheus did not answer (see prometheus.reachable)';

/** The runbook alert names: rollout.yaml `doctor.alerts`, else every `alert:` in the chart's templates. */
async function expectedAlerts(ctx: DoctorContext): Promise<{ names: string[]; from: string }> {
  if (ctx.alerts) return { names: ctx.alerts, from: 'rollout.yaml doctor.alerts' };
  const dir = join(resolve(ctx.root, ctx.config.chart), 'templates');
  const files = await readdir(dir).catch(() => []);
  const texts = await Promise.all(
    files.filter((f) => /\.ya?ml$/.test(f)).map((f) => readFile(join(dir, f), 'utf8')),
  );
  return { names: alertNamesInTemplates(texts), from: `${ctx.config.chart}/templates` };
}

export function prometheusChecks(ctx: DoctorContext, timeoutMs: number): Check[] {
  const settings = ctx.prometheus;
  const client = settings
    ? new PrometheusClient({
        url: settings.url,
        ...(settings.auth ? { auth: settings.auth } : {}),
        // Under the check's own limit, so the check reports Prometheus's error rather than a timeout.
        timeoutMs: Math.max(1_000, timeoutMs - 1_000),
        retries: 0,
      })
    : undefined;
  const reach = once(async () => {
    if (!client) throw new Error('no Prometheus URL');
    await client.instant('vector(1)');
    return client;
  });
  const withClient = (body: (c: PrometheusClient) => Promise<CheckOutcome>) =>
    needing(reach, NOT_REACHED, body);
  const rules = once(async () => {
    const c = await reach();
    const expected = await expectedAlerts(ctx);
    return { expected, comparison: compareAlertRules(expected.names, await c.alertingRules()) };
  });

  return [
    {
      id: 'prometheus.reachable',
      group: 'prometheus',
      title: 'Prometheus answers queries',
      async run() {
        if (!client)
          return fail('no Prometheus URL is configured', `pass ${ctx.optionName('prometheus-url')}`);
        try {
          await reach();
        } catch (err) {
          return fail((err as Error).message, 'check the URL, the credentials and that Prometheus is up');
        }
        return pass(`${client.baseUrl} answered a query`);
      },
    },
    {
      id: 'prometheus.sdk-metrics',
      group: 'prometheus',
      title: "the stable release's SDK metrics are scraped and fresh",
      run: withClient(async (c) => {
        const stable = (await ctx.rolloutState())?.stable;
        if (!stable)
          return warn(
            `no stable release is recorded in ${ctx.state.where}`,
            'nothing to check until the first release is installed',
          );
        // The SDK labels its metrics with the task queue, whatever label the analysis tells tracks apart by.
        const label = 'task_queue';
        const queues = [stable.orderQueue, ...(ctx.config.taskQueues.payment ? [stable.paymentQueue] : [])];
        // timestamp() drops the metric name; the name is kept in a label first so series of different metrics
        // with the same other labels stay apart.
        const series = `{__name__=~"temporal_.+", ${label}=~"${queues.map(escapeRegExp).join('|')}"}`;
        const query = `max by (${label}) (timestamp(label_replace(${series}, "metric", "$1", "__name__", "(.+)")))`;
        const samples = await c.instant(query);
        const nowSeconds = ctx.now().getTime() / 1000;
        const ages = queues.map((queue) => {
          const sample = samples.find((s) => s.labels[label] === queue);
          return { queue, ageMs: sample ? Math.max(0, (nowSeconds - sample.value) * 1000) : undefined };
        });
        const describe = ({ queue, ageMs }: { queue: string; ageMs: number | undefined }) =>
          ageMs === undefined
            ? `${queue}: no temporal_* series`
            : `${queue}: last sample ${Math.round(ageMs / 1000)} s ago`;
        const bad = ages.filter((a) => a.ageMs === undefined || a.ageMs > ctx.metricsMaxAgeMs);
        if (bad.length > 0)
          return fail(
            `stable ${stable.version}: ${ages.map(describe).join(', ')}`,
            `Prometheus does not scrape the stable workers' SDK metrics (${label}=${bad.map((b) => b.queue).join('|')}) within ${formatDuration(ctx.metricsMaxAgeMs)}: check the PodMonitor (chart monitoring.podMonitor) or the scrape config, and that the workers expose /metrics`,
          );
        return pass(`stable ${stable.version}: ${ages.map(describe).join(', ')}`);
      }),
    },
    {
      id: 'prometheus.alert-rules',
      group: 'prometheus',
      title: 'the runbook alert rules are loaded',
      run: withClient(async () => {
        const { expected, comparison } = await rules();
        if (expected.names.length === 0)
          return warn(
            `no alert names found in ${expected.from}`,
            'list the runbook alerts in rollout.yaml doctor.alerts',
          );
        if (comparison.missing.length > 0)
          return fail(
            `${comparison.missing.length} of ${expected.names.length} runbook alerts are not loaded: ${comparison.missing.join(', ')}`,
            'load the rules: install the chart with monitoring.prometheusRule.enabled (the Prometheus Operator must select the PrometheusRule), or add the rendered rules to rule_files and reload Prometheus',
          );
        const files = [...new Set(comparison.loaded.map((r) => r.file).filter(Boolean))];
        return pass(
          `all ${expected.names.length} runbook alerts loaded (from ${expected.from})${files.length ? ` in ${files.join(', ')}` : ''}`,
        );
      }),
    },
    {
      id: 'prometheus.alerts-firing',
      group: 'prometheus',
      title: 'no runbook alert is firing now',
      run: withClient(async () => {
        const { comparison } = await rules();
        if (comparison.loaded.length === 0)
          return skip('no runbook alert is loaded (see prometheus.alert-rules)');
        if (comparison.firing.length > 0)
          return fail(
            `firing: ${comparison.firing.map((r) => `${r.name} (${r.firing} alert(s))`).join(', ')}`,
            'follow the runbook row of each alert (README Runbook) before releasing',
          );
        const pending = comparison.loaded.filter((r) => r.state === 'pending');
        if (pending.length > 0)
          return warn(
            `pending (not yet firing): ${pending.map((r) => r.name).join(', ')}`,
            'look at these before releasing: they fire if the condition holds for their `for:` period',
          );
        return pass(`none of the ${comparison.loaded.length} loaded runbook alerts is pending or firing`);
      }),
    },
  ];
}

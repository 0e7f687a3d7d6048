import { writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { DEFAULTS } from '../core/defaults.js';
import { renderMarkdown } from '../core/doctor/checklist.js';
import { doctor } from '../steps/doctor/doctor.js';
import { doctorOptions } from '../steps/doctor/options.js';
import { booleanInput, optionalInput, runAction, secretInput, setOutputs, writeSummary } from './io.js';
import { prometheusAuthInputs } from './prometheus-inputs.js';

/**
 * Inputs: config, only (groups), deployer, strategy, temporal-address, namespace, temporal-api-key and
 * temporal-tls-* (secrets), prometheus-url (+ auth, secrets), kubeconfig, kube-context, helm-namespace, helm,
 * state-dir, workspace, workflows-path, histories-dir, histories-max-age, report-path, fail-on-warning.
 * Outputs: status (pass | warn | fail), failed and warnings (check ids, one per line), report (JSON path).
 * The step fails when a check fails (and on warnings with fail-on-warning); warnings become annotations.
 */
export async function runDoctorAction(): Promise<void> {
  await runAction(async () => {
    const cert = secretInput('temporal-tls-cert');
    const key = secretInput('temporal-tls-key');
    const ca = optionalInput('temporal-tls-ca');
    const serverName = optionalInput('temporal-tls-server-name');
    const options = await doctorOptions({
      configPath: optionalInput('config') ?? DEFAULTS.configFile,
      only: optionalInput('only'),
      subject: (name) => `input "${name === 'tls-cert' || name === 'tls-key' ? `temporal-${name}` : name}"`,
      deployer: optionalInput('deployer'),
      strategy: optionalInput('strategy'),
      temporalAddress: optionalInput('temporal-address'),
      namespace: optionalInput('namespace'),
      tls: { cert, key, ca, serverName },
      apiKey: secretInput('temporal-api-key'),
      prometheusUrl: secretInput('prometheus-url'),
      prometheusAuth: prometheusAuthInputs(),
      kubeconfig: optionalInput('kubeconfig'),
      kubeContext: optionalInput('kube-context'),
      helmNamespace: optionalInput('helm-namespace'),
      helm: optionalInput('helm'),
      stateDir: optionalInput('state-dir'),
      workflowsPath: optionalInput('workflows-path'),
      historiesDir: optionalInput('histories-dir'),
      historiesMaxAge: optionalInput('histories-max-age'),
    });
    options.root = optionalInput('workspace') ?? '.';
    const failOnWarning = booleanInput('fail-on-warning', false);
    const report = await doctor(options);
    const reportPath = optionalInput('report-path') ?? 'doctor-report.json';
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const ids = (status: string) =>
      report.checks
        .filter((c) => c.status === status)
        .map((c) => c.id)
        .join('\n');
    setOutputs({ status: report.status, failed: ids('fail'), warnings: ids('warn'), report: reportPath });
    for (const check of report.checks) {
      const line = `${check.id}: ${check.seen}${check.fix ? ` — fix: ${check.fix}` : ''}`;
      if (check.status === 'fail') core.error(line, { title: `doctor: ${check.title}` });
      else if (check.status === 'warn') core.warning(line, { title: `doctor: ${check.title}` });
      else core.info(`${check.status.toUpperCase()} ${check.id}: ${check.seen}`);
    }
    await writeSummary((summary) => summary.addRaw(renderMarkdown(report)));
    const { fail, warn } = report.counts;
    if (fail > 0) core.setFailed(`doctor: ${fail} check(s) failed: ${ids('fail').replace(/\n/g, ', ')}`);
    else if (warn > 0 && failOnWarning)
      core.setFailed(`doctor: ${warn} warning(s) (fail-on-warning): ${ids('warn').replace(/\n/g, ', ')}`);
  });
}

import { writeFile } from 'node:fs/promises';
import { exitCodeOf, renderMarkdown, renderText } from '../core/doctor/checklist.js';
import { DOCTOR_OPTIONS, doctorOptionsOf } from '../options/doctor.js';
import { flagSubject, helpLines, switchOf, textOf } from '../options/table.js';
import { doctor } from '../steps/doctor/doctor.js';
import { runTableCommand } from './command.js';
import { flagSecrets } from './secrets.js';

export const summary =
  'check the environment a rollout runs in: Temporal, Prometheus, Kubernetes/Helm, histories';

const HELP = `usage: temporal-rollout doctor [options]

Reads rollout.yaml and checks the real environment: the Temporal frontend, namespace, search attributes, worker
versioning and the stable release's pollers; Prometheus, the stable release's SDK metrics and the runbook
alerts; the Helm releases, the rollout state, Pod Security and the deploy identity (deployer helm); histories/,
their age, replay on this code and the patch audit. Prints a checklist: each check passes, warns or fails with
what it saw and the fix. Exit code: 0 all pass, 1 any fail, 3 warnings only, 2 usage.

${helpLines(DOCTOR_OPTIONS)}
Secrets come from the environment only: TEMPORAL_API_KEY, PROMETHEUS_TOKEN or PROMETHEUS_USERNAME +
PROMETHEUS_PASSWORD.`;

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, DOCTOR_OPTIONS, HELP, async (values) => {
    const options = await doctorOptionsOf(values, await flagSecrets(values, false));
    const flagName = flagSubject(DOCTOR_OPTIONS);
    options.optionName = (field) => flagName(field) ?? field;
    const report = await doctor(options);
    const summaryPath = textOf(values, 'summary');
    if (summaryPath) await writeFile(summaryPath, renderMarkdown(report));
    console.log(switchOf(values, 'json') ? JSON.stringify(report, null, 2) : renderText(report));
    return exitCodeOf(report.status);
  });
}

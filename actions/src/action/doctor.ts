import { writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { renderMarkdown } from '../core/doctor/checklist.js';
import { DOCTOR_OPTIONS, doctorOptionsOf } from '../options/doctor.js';
import { inputSecrets } from '../options/histories.js';
import { booleanOf, inputSubject, textOf } from '../options/table.js';
import { doctor } from '../steps/doctor/doctor.js';
import { readInputs, runAction, setOutputs, writeSummary } from './io.js';

/**
 * Inputs: see DOCTOR_OPTIONS (actions/doctor/action.yml).
 * Outputs: status (pass | warn | fail), failed and warnings (check ids, one per line), report (JSON path).
 * The step fails when a check fails (and on warnings with fail-on-warning); warnings become annotations.
 */
export async function runDoctorAction(): Promise<void> {
  await runAction(async () => {
    const values = readInputs(DOCTOR_OPTIONS);
    const options = await doctorOptionsOf(values, inputSecrets(values));
    const inputName = inputSubject(DOCTOR_OPTIONS);
    options.optionName = (field) => inputName(field) ?? field;
    const failOnWarning = booleanOf(values, 'fail-on-warning', false);
    const report = await doctor(options);
    const reportPath = textOf(values, 'report-path') ?? 'doctor-report.json';
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
  }, DOCTOR_OPTIONS);
}

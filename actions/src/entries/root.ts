// The root action (`uses: owner/temporal-rollout@v1` with `step: replay|build|…`): one entry reaching every step.
import * as core from '@actions/core';
import { InputError } from '../core/errors.js';

const steps: Record<string, () => Promise<void>> = {
  analyze: async () => (await import('../action/analyze.js')).runAnalyzeAction(),
  build: async () => (await import('../action/build.js')).runBuildAction(),
  canary: async () => (await import('../action/canary.js')).runCanaryAction(),
  capture: async () => (await import('../action/capture.js')).runCaptureAction(),
  doctor: async () => (await import('../action/doctor.js')).runDoctorAction(),
  promote: async () => (await import('../action/promote.js')).runPromoteAction(),
  release: async () => (await import('../action/release.js')).runReleaseAction(),
  replay: async () => (await import('../action/replay.js')).runReplayAction(),
  rollback: async () => (await import('../action/rollback.js')).runRollbackAction(),
};

const step = core.getInput('step').trim();
const run = steps[step];
if (run) {
  await run();
} else {
  const problem = step === '' ? 'is required' : `"${step}" is not a step`;
  core.setFailed(
    new InputError('input "step"', problem, `use one of ${Object.keys(steps).join(', ')}`).message,
  );
}

import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Integration files run side by side: most of their time is spent waiting (analysis intervals, drains, helm
// --wait, timers), and each starts its own servers on free ports in its own temp folders, so they share nothing.
// Two at a time on a 2-core machine: many files keep orders flowing through real workers and wait on that work
// (drains, analyses), and three at once fell behind on a busy machine. `vitest run --maxWorkers=N` overrides it.
const WORKERS = 2;

/**
 * Files that must have the machine to themselves, run one at a time after every other file by the
 * `integration-serial` project (moving a file here is a one-line change):
 * - files that keep several cores busy for most of their run: buildah image builds, act running whole workflows
 *   with npm and the bundled actions;
 * - controller-faults, whose controller SIGKILLed inside placeCanary can leave a worker the local deployer never
 *   recorded when the kill lands between spawn and record, which a loaded machine makes likelier.
 * controller-workflow and release-action left this list: their order streams hold back while 20 orders are open
 * (orderBacklog in controller-support), so the backlog a drain waits for stays bounded on a loaded machine
 * (they fell behind beside other files on exactly that), and both passed at load 11–16.
 */
const SERIAL = [
  'test/integration/build.test.ts',
  'test/integration/controller-image.test.ts',
  'test/e2e/act-workflows.test.ts',
  'test/e2e/act-rollback.test.ts',
  'test/e2e/act-release.test.ts',
  'test/integration/controller-faults.test.ts',
];

/**
 * The files that take minutes, longest first: started before the rest, so the run does not end waiting on one
 * of them alone. (vitest otherwise orders by the last run's durations, which a fresh clone does not have.)
 */
const LONGEST = [
  'test/integration/controller-workflow.test.ts',
  'test/integration/controller-faults.test.ts',
  'test/integration/kubernetes-controller.test.ts',
  'test/integration/kubernetes-faults.test.ts',
  'test/e2e/release-action.test.ts',
  'test/integration/rollout-task-queue.test.ts',
  'test/integration/controller-queue-rules.test.ts',
  'test/integration/kubernetes-rollout.test.ts',
  'test/integration/controller-update-replay.test.ts',
  'test/integration/rollout-route.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return at < 0 ? LONGEST.length : at;
    };
    // Array.prototype.sort is stable: the others keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const INTEGRATION = [
  'test/integration/**/*.test.ts',
  'worker/test/integration/**/*.test.ts',
  'test/e2e/**/*.test.ts',
];
const SLOW_TEST_TIMEOUTS = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default'],
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['actions/src/**/*.test.ts', 'worker/test/unit/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...configDefaults.exclude, ...SERIAL],
          ...SLOW_TEST_TIMEOUTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-serial',
          include: SERIAL,
          ...SLOW_TEST_TIMEOUTS,
          // One fork runs these files one after another, once the other projects are done.
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

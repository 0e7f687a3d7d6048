import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Integration files run side by side: most of their time is spent waiting (analysis intervals, drains, helm
// --wait, timers), and each starts its own servers on free ports in its own temp folders, so they share nothing.
// Two at a time: the longest files keep a stream of orders flowing through real workers, and their drains and
// analyses need that work done in time; three of them at once on a 2-core machine starved each other when the
// machine was busy. `vitest run --maxWorkers=N` overrides it.
const WORKERS = 2;

/**
 * Files that keep several cores busy for most of their run (buildah image builds, act running whole workflows
 * with npm and the bundled actions): the `integration-serial` project runs them one at a time, after every other
 * file, so two never compete for the cores. Moving a file here is a one-line change.
 */
const CPU_HEAVY = [
  'test/integration/build.test.ts',
  'test/integration/controller-image.test.ts',
  'test/e2e/act-workflows.test.ts',
  'test/e2e/act-rollback.test.ts',
  'test/e2e/act-release.test.ts',
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
          exclude: [...configDefaults.exclude, ...CPU_HEAVY],
          ...SLOW_TEST_TIMEOUTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-serial',
          include: CPU_HEAVY,
          ...SLOW_TEST_TIMEOUTS,
          // One fork runs these files one after another, once the other projects are done.
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

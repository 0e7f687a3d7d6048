import { describe, expect, it } from 'vitest';
import { parseRolloutConfig } from '../rollout-config.js';

const minimal =
  'app: shop\nimage: registry.example.com/acme/shop\ntaskQueues: { order: { base: shop-order } }\n';

describe('rollout.yaml doctor: section', () => {
  it('is optional, and read into durations and typed search attributes', () => {
    expect(parseRolloutConfig(minimal, 'r.yaml').doctor).toBeUndefined();
    const config = parseRolloutConfig(
      `${minimal}doctor:\n  workflowsPath: src/workflows.ts\n  historiesDir: recorded\n  historiesMaxAge: 168h\n  metricsMaxAge: 90s\n  searchAttributes: { OrderID: Keyword, Amount: Double }\n  alerts: [A, B]\n`,
      'r.yaml',
    );
    expect(config.doctor).toEqual({
      workflowsPath: 'src/workflows.ts',
      historiesDir: 'recorded',
      historiesMaxAgeMs: 168 * 3_600_000,
      metricsMaxAgeMs: 90_000,
      searchAttributes: [
        { name: 'OrderID', type: 'Keyword' },
        { name: 'Amount', type: 'Double' },
      ],
      alerts: ['A', 'B'],
    });
  });

  it('refuses an unknown setting, a bad duration and a type Temporal does not have, each by its field', () => {
    expect(() => parseRolloutConfig(`${minimal}doctor: { maxAge: 1h }\n`, 'r.yaml')).toThrow(
      /r\.yaml: doctor\.maxAge is not a known setting/,
    );
    // `30d` was the bad example before days joined the one duration grammar (the worker's env had them).
    expect(() => parseRolloutConfig(`${minimal}doctor: { historiesMaxAge: 30 days }\n`, 'r.yaml')).toThrow(
      /doctor\.historiesMaxAge/,
    );
    expect(() => parseRolloutConfig(`${minimal}doctor: { historiesMaxAge: 720 }\n`, 'r.yaml')).toThrow(
      /doctor\.historiesMaxAge: 720 has no unit — write 720s/,
    );
    expect(() =>
      parseRolloutConfig(`${minimal}doctor: { searchAttributes: { OrderID: String } }\n`, 'r.yaml'),
    ).toThrow(/doctor\.searchAttributes\.OrderID must be one of "Text", "Keyword"/);
  });
});

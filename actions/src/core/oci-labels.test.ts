import { describe, expect, it } from 'vitest';
import { OCI, ociLabels, rfc3339, sourceUrl } from './oci-labels.js';

describe('ociLabels', () => {
  it('takes created from the commit time and leaves out empty values', () => {
    const labels = ociLabels({
      revision: 'abc',
      version: '1.4.0',
      commitTime: 1_700_000_000,
      title: 'order-worker',
      description: '',
      licenses: 'MIT',
      source: 'https://github.com/acme/orders',
    });
    expect(labels).toEqual({
      [OCI.created]: '2023-11-14T22:13:20Z',
      [OCI.licenses]: 'MIT',
      [OCI.revision]: 'abc',
      [OCI.source]: 'https://github.com/acme/orders',
      [OCI.title]: 'order-worker',
      [OCI.version]: '1.4.0',
    });
  });

  it('formats epoch 0', () => {
    expect(rfc3339(0)).toBe('1970-01-01T00:00:00Z');
  });
});

describe('sourceUrl', () => {
  it.each([
    ['git@github.com:acme/orders.git', 'https://github.com/acme/orders'],
    ['https://x-access-token:secret@github.com/acme/orders.git', 'https://github.com/acme/orders'],
    ['https://github.com/acme/orders', 'https://github.com/acme/orders'],
    ['ssh://git@gitlab.example.com/team/orders.git', 'https://gitlab.example.com/team/orders'],
    ['/srv/git/orders', undefined],
  ])('%s → %s', (remote, expected) => {
    expect(sourceUrl(remote)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { highestStable, imageVersion, parseGitRef, sanitizeTag, versionTaskQueue } from './versions.js';

const sha = '0123456789abcdef0123456789abcdef01234567';
const repoTags = ['v0.9.0', 'v1.3.2', 'v1.4.0', 'v1.5.0-rc.1', 'nightly', 'release-2024'];

describe('imageVersion', () => {
  it.each([
    ['refs/tags/v1.4.0', repoTags, '1.4.0', ['1.4.0', '1.4', '1', 'latest', 'sha-0123456']],
    ['refs/tags/1.4.0', repoTags, '1.4.0', ['1.4.0', '1.4', '1', 'latest', 'sha-0123456']],
    ['refs/tags/v1.3.3', repoTags, '1.3.3', ['1.3.3', '1.3', '1', 'sha-0123456']],
    ['refs/tags/v2.0.0', repoTags, '2.0.0', ['2.0.0', '2.0', '2', 'latest', 'sha-0123456']],
    ['refs/tags/v1.4.0-rc.1', repoTags, '1.4.0-rc.1', ['1.4.0-rc.1', 'sha-0123456']],
    ['refs/tags/v1.6.0-beta.2', repoTags, '1.6.0-beta.2', ['1.6.0-beta.2', 'sha-0123456']],
    // A tag with build metadata in the repository is never a release, so it does not hold `latest`.
    [
      'refs/tags/v1.4.0',
      [...repoTags, 'v9.0.0+nightly'],
      '1.4.0',
      ['1.4.0', '1.4', '1', 'latest', 'sha-0123456'],
    ],
    ['refs/tags/v0.1.0', [], '0.1.0', ['0.1.0', '0.1', '0', 'latest', 'sha-0123456']],
    ['refs/heads/main', repoTags, 'main', ['main', 'sha-0123456']],
    ['refs/heads/feature/Login_page', repoTags, 'feature-Login_page', ['feature-Login_page', 'sha-0123456']],
    ['refs/heads/releases/v1', repoTags, 'releases-v1', ['releases-v1', 'sha-0123456']],
    ['refs/pull/12/merge', repoTags, 'pr-12', ['pr-12', 'sha-0123456']],
    ['refs/pull/7/head', repoTags, 'pr-7', ['pr-7', 'sha-0123456']],
  ])('%s → %s', (ref, tags, version, expected) => {
    const result = imageVersion({ ref, sha, repoTags: tags });
    expect(result.version).toBe(version);
    expect(result.tags).toEqual(expected);
  });

  it('marks prereleases and keeps the semver only for tags', () => {
    expect(imageVersion({ ref: 'refs/tags/v2.0.0-rc.1', sha, repoTags }).prerelease).toBe(true);
    expect(imageVersion({ ref: 'refs/heads/main', sha, repoTags }).semver).toBeUndefined();
  });

  it.each([
    ['refs/tags/release-2024', /tag "release-2024".*not a semantic version/],
    ['refs/tags/v1.4', /tag "v1.4".*not a semantic version/],
    ['refs/tags/latest', /not a semantic version/],
    ['refs/tags/v01.4.0', /not a semantic version/],
    ['main', /not a tag, branch or pull request ref/],
    ['refs/remotes/origin/main', /not a tag, branch or pull request ref/],
    ['refs/pull/abc/merge', /no pull request number/],
    ['refs/pull/12', /not a tag, branch or pull request ref/],
    ['', /not a tag, branch or pull request ref/],
    ['refs/heads/---', /nothing usable as an image tag/],
    // Build metadata would push 1.5.0, 1.5, 1 and latest over the real 1.5.0 image: refused.
    ['refs/tags/v1.5.0+build.7', /tag "v1.5.0\+build.7".*build metadata.*1\.5\.0-build\.7/],
    ['refs/tags/v1.5.0-rc.1+sha.abc', /build metadata/],
  ])('rejects %j', (ref, message) => {
    expect(() => imageVersion({ ref, sha, repoTags })).toThrow(InputError);
    expect(() => imageVersion({ ref, sha, repoTags })).toThrow(message);
  });

  it('rejects a short or malformed commit', () => {
    expect(() => imageVersion({ ref: 'refs/heads/main', sha: '0123456', repoTags })).toThrow(/40-character/);
  });
});

describe('parseGitRef', () => {
  it('keeps slashes in branch and tag names', () => {
    expect(parseGitRef('refs/heads/a/b')).toEqual({ kind: 'branch', name: 'a/b' });
    expect(parseGitRef('refs/tags/v1.0.0')).toEqual({ kind: 'tag', name: 'v1.0.0' });
    expect(parseGitRef('refs/pull/3/merge')).toEqual({ kind: 'pull-request', name: '3' });
  });
});

describe('sanitizeTag', () => {
  it('keeps tags within 128 characters and never starting with . or -', () => {
    expect(sanitizeTag('x'.repeat(200), 'b')).toHaveLength(128);
    expect(sanitizeTag('.hidden/--name', 'b')).toBe('hidden---name');
    expect(sanitizeTag('dependabot/npm_and_yarn/semver-7.7.3', 'b')).toBe(
      'dependabot-npm_and_yarn-semver-7.7.3',
    );
  });
});

describe('highestStable', () => {
  it('ignores prereleases and tags that are not semver', () => {
    expect(highestStable(repoTags)?.version).toBe('1.4.0');
    expect(highestStable(['nightly', 'v2.0.0-rc.1'])).toBeUndefined();
  });
});

describe('versionTaskQueue', () => {
  const template = '{base}-v{major}';
  it('maps a release to its major line', () => {
    const v = imageVersion({ ref: 'refs/tags/v1.4.0', sha, repoTags });
    expect(versionTaskQueue(template, 'order-task-queue', v)).toBe('order-task-queue-v1');
  });
  it('maps a branch build to the nearest release below it, or to nothing', () => {
    const v = imageVersion({ ref: 'refs/heads/main', sha, repoTags });
    expect(versionTaskQueue(template, 'order-task-queue', v, 'v2.3.1')).toBe('order-task-queue-v2');
    expect(versionTaskQueue(template, 'order-task-queue', v)).toBeUndefined();
  });
  it('rejects an unknown placeholder', () => {
    const v = imageVersion({ ref: 'refs/tags/v1.4.0', sha, repoTags });
    expect(() => versionTaskQueue('{base}-{sha}', 'q', v)).toThrow(/unknown placeholder \{sha\}/);
  });
});

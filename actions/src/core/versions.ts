// What a git ref means for an image: its version and tags, by the rules docker/metadata-action users know
// (type=semver {{version}}, {{major}}.{{minor}}, {{major}}; type=sha; type=ref,event=pr|branch), except that
// `latest` goes only to the highest stable version, not to whatever tag was pushed last.
import semver from 'semver';
import { InputError } from './errors.js';
import { parseVersion, queueName } from './rollout/queues.js';

export type RefKind = 'tag' | 'branch' | 'pull-request';

export interface GitRef {
  kind: RefKind;
  /** The tag, the branch or the pull request number, as written in the ref. */
  name: string;
}

export interface ImageVersion {
  ref: GitRef;
  /** `1.4.0` for a tag, the sanitised branch for a branch, `pr-12` for a pull request. */
  version: string;
  /** The semver when the ref is a release tag, otherwise undefined. */
  semver?: string;
  prerelease: boolean;
  /** Tags in order: the version first, then the shorter semver aliases, `latest`, `sha-<7>`. */
  tags: string[];
}

const MAX_TAG = 128;
const SHA = /^[0-9a-f]{40}$/;

/**
 * Parses `refs/tags/v1.4.0`, `refs/heads/main` or `refs/pull/12/merge` (GITHUB_REF). A bare name is not
 * accepted: `main` could be a branch or a tag, and guessing would tag the image wrongly.
 */
export function parseGitRef(ref: string): GitRef {
  const subject = 'ref';
  const trimmed = ref.trim();
  const tag = /^refs\/tags\/(.+)$/.exec(trimmed);
  if (tag?.[1]) return { kind: 'tag', name: tag[1] };
  const branch = /^refs\/heads\/(.+)$/.exec(trimmed);
  if (branch?.[1]) return { kind: 'branch', name: branch[1] };
  const pull = /^refs\/pull\/([^/]+)\/(?:merge|head)$/.exec(trimmed);
  if (pull?.[1]) {
    if (!/^[1-9]\d*$/.test(pull[1])) {
      throw new InputError(subject, `"${ref}" has no pull request number`, 'use refs/pull/<number>/merge');
    }
    return { kind: 'pull-request', name: pull[1] };
  }
  throw new InputError(
    subject,
    `"${ref}" is not a tag, branch or pull request ref`,
    'pass a full ref: refs/tags/v1.4.0, refs/heads/main or refs/pull/12/merge',
  );
}

/**
 * A release tag as semver: `v1.4.0` or `1.4.0`. Anything else is an error, never a guess; so is build
 * metadata (`v1.5.0+build.7`), which would move 1.5.0's tags, build id and queue (see parseVersion).
 */
export function releaseSemver(tag: string): semver.SemVer {
  const parsed = /^v?\d/.test(tag) ? semver.parse(tag.replace(/^v/, '')) : null;
  if (!parsed) {
    throw new InputError(
      `tag "${tag}"`,
      'is not a semantic version, so the image version and tags cannot be derived from it',
      'tag releases like v1.4.0 or v1.4.0-rc.1',
    );
  }
  return parseVersion(tag, `tag "${tag}"`);
}

/**
 * A string made into a valid image tag (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`): runs of other characters
 * become `-`, as metadata-action does (`feature/Login` → `feature-Login`).
 */
export function sanitizeTag(value: string, subject: string): string {
  const tag = value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG)
    .replace(/[.-]+$/, '');
  if (tag === '') {
    throw new InputError(
      subject,
      `"${value}" leaves nothing usable as an image tag`,
      'use letters or digits',
    );
  }
  return tag;
}

/** The highest stable (non-prerelease) semver among the repository's tags, ignoring tags that are not semver. */
export function highestStable(tags: readonly string[]): semver.SemVer | undefined {
  let best: semver.SemVer | undefined;
  for (const tag of tags) {
    const parsed = /^v?\d/.test(tag) ? semver.parse(tag.replace(/^v/, '')) : null;
    // A tag with build metadata is never released (releaseSemver refuses it), so it cannot hold `latest`.
    if (!parsed || parsed.prerelease.length > 0 || parsed.build.length > 0) continue;
    if (!best || semver.gt(parsed, best)) best = parsed;
  }
  return best;
}

export interface VersionInput {
  ref: string;
  /** The full 40-character commit. */
  sha: string;
  /** Every tag in the repository (`git tag --list`); decides `latest`. */
  repoTags: readonly string[];
}

export function imageVersion(input: VersionInput): ImageVersion {
  if (!SHA.test(input.sha)) {
    throw new InputError(
      'commit',
      `"${input.sha}" is not a full 40-character commit SHA`,
      'pass git rev-parse HEAD',
    );
  }
  const ref = parseGitRef(input.ref);
  const shaTag = `sha-${input.sha.slice(0, 7)}`;
  if (ref.kind === 'pull-request') {
    const version = `pr-${ref.name}`;
    return { ref, version, prerelease: false, tags: [version, shaTag] };
  }
  if (ref.kind === 'branch') {
    const version = sanitizeTag(ref.name, `branch "${ref.name}"`);
    return { ref, version, prerelease: false, tags: [version, shaTag] };
  }
  const v = releaseSemver(ref.name);
  const semverString = v.version;
  if (v.prerelease.length > 0) {
    return { ref, version: semverString, semver: semverString, prerelease: true, tags: [v.version, shaTag] };
  }
  const tags = [v.version, `${v.major}.${v.minor}`, `${v.major}`];
  const highest = highestStable([...input.repoTags, ref.name]);
  if (highest && semver.gte(v, highest)) tags.push('latest');
  tags.push(shaTag);
  return { ref, version: semverString, semver: semverString, prerelease: false, tags };
}

/**
 * The task queue an image version polls. A release uses its own semver; a branch or pull request build uses
 * the nearest release tag below it (`git describe`), since it becomes part of that major line. Undefined when
 * neither exists: such a build has no queue yet.
 */
export function versionTaskQueue(
  template: string,
  base: string,
  version: ImageVersion,
  nearestReleaseTag?: string,
): string | undefined {
  if (version.semver) return queueName(template, base, version.semver, `version "${version.semver}"`);
  if (!nearestReleaseTag) return undefined;
  const nearest = releaseSemver(nearestReleaseTag);
  return queueName(template, base, nearest.version, `tag "${nearestReleaseTag}"`);
}

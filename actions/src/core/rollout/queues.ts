import semver from 'semver';
import { InputError } from '../errors.js';

/**
 * A release version as the pipeline names it: a semver, with or without a leading `v` (`v1.4.0`). Build
 * metadata (`1.4.0+build.7`) is refused: semver ignores it when comparing, so such a release would share
 * 1.4.0's image tags, build id and task queue, overwriting or impersonating it.
 */
export function parseVersion(version: string, subject: string): semver.SemVer {
  const parsed = semver.parse(version.trim().replace(/^v/, ''));
  if (!parsed) {
    throw new InputError(subject, `"${version}" is not a semantic version`, 'pass a version like v1.4.0');
  }
  if (parsed.build.length > 0) {
    const metadata = parsed.build.join('.');
    throw new InputError(
      subject,
      `"${version}" carries build metadata (+${metadata}), which would share ${parsed.version}'s image tags, build id and task queue`,
      `release it under a version of its own, e.g. ${parsed.version}-${metadata} or the next patch`,
    );
  }
  return parsed;
}

/** The version every step stores and compares: the semver without a leading `v` (`v1.4.0` → `1.4.0`). */
export function canonicalVersion(version: string, subject = 'version'): string {
  return parseVersion(version, subject).version;
}

/** Whether two written versions name one release (`v1.0.0` and `1.0.0` do); false when either is not semver. */
export function sameVersion(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = semver.parse(a.trim().replace(/^v/, ''));
  const y = semver.parse(b.trim().replace(/^v/, ''));
  return x && y ? x.version === y.version && x.build.join('.') === y.build.join('.') : a === b;
}

/**
 * The queue a task-queue release polls when its template gives stable's queue but the replay verdict says it must
 * not share it (`new-queue`): one of its own.
 */
export const OWN_QUEUE_TEMPLATE = '{base}-v{version}';

/**
 * The task queue a release polls, from a template such as `{base}-v{major}`. Placeholders: {base}, {major},
 * {minor}, {patch}, {version}.
 */
export function queueName(template: string, base: string, version: string, subject = 'version'): string {
  const v = parseVersion(version, subject);
  const name = template
    .replaceAll('{base}', base)
    .replaceAll('{major}', String(v.major))
    .replaceAll('{minor}', String(v.minor))
    .replaceAll('{patch}', String(v.patch))
    .replaceAll('{version}', v.version);
  const unknown = /\{[^}]*\}/.exec(name);
  if (unknown) {
    throw new InputError(
      `queue template "${template}"`,
      `has an unknown placeholder ${unknown[0]}`,
      'use {base}, {major}, {minor}, {patch} or {version}',
    );
  }
  return name;
}

/** The worker build id for a version: the semver without its `v` (`v1.4.0` → `1.4.0`). */
export function buildIdFor(version: string): string {
  return canonicalVersion(version);
}

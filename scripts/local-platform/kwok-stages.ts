// How kwok moves the pods of a cluster whose pods the stand-in kubelet (kwok-pods.ts) runs. kwok's own
// pod-ready Stage reports a pod Running and Ready the moment it is scheduled, before anything runs it. Here a
// pod goes Running with its container started but not ready, and its container status then follows what the
// stand-in kubelet annotates on the pod — as a kubelet reports it: Ready once its process passed the container's
// readiness probe; not ready, waiting in CrashLoopBackOff with its restart count and last exit code, when the
// process exited and waits for its restart; started again (not ready) once restarted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tool } from './tools.js';

/** "true" once the pod's process passed its readiness probe; "false" while it is down or starting. */
export const CONTAINER_READY_ANNOTATION = 'temporal-rollout/stand-in-ready';
/** How often the pod's process was restarted after it exited (the container's restartCount). */
export const CONTAINER_RESTARTS_ANNOTATION = 'temporal-rollout/stand-in-restarts';
/** The reason the container waits (CrashLoopBackOff while a restart backs off); empty while a process runs. */
export const CONTAINER_WAITING_ANNOTATION = 'temporal-rollout/stand-in-waiting';
/** The exit code of the pod's last exited process (the container's lastState.terminated.exitCode). */
export const CONTAINER_LAST_EXIT_ANNOTATION = 'temporal-rollout/stand-in-last-exit';

/** The waiting reason while a restart backs off. */
export const CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';

const podStage = (name: string, selector: object, statusTemplate: string) => ({
  apiVersion: 'kwok.x-k8s.io/v1alpha1',
  kind: 'Stage',
  metadata: { name },
  spec: { resourceRef: { apiGroup: 'v1', kind: 'Pod' }, selector, next: { statusTemplate } },
});

const notDeleting = { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' };
const running = { key: '.status.phase', operator: 'In', values: ['Running'] };

const annotation = (name: string, absent: string) => `.metadata.annotations["${name}"] // "${absent}"`;
/** A jq string of what the jq `expressions` give, joined by "/". */
const joined = (expressions: string[]) => `"${expressions.map((e) => `\\(${e})`).join('/')}"`;
/**
 * A jq test, true while the pod's status does not yet show what the stand-in kubelet annotated: ready, waiting
 * reason and restart count of its (first) container. Each container Stage fires on it, so a crash while the
 * pod is already not ready (a restart count of 2 after 1) moves the status too.
 */
const statusBehind = {
  key: `${joined([
    '.status.containerStatuses[0].ready // false',
    '.status.containerStatuses[0].state.waiting.reason // ""',
    '.status.containerStatuses[0].restartCount // 0',
  ])} != ${joined([
    annotation(CONTAINER_READY_ANNOTATION, 'false'),
    annotation(CONTAINER_WAITING_ANNOTATION, ''),
    annotation(CONTAINER_RESTARTS_ANNOTATION, '0'),
  ])}`,
  operator: 'In',
  values: ['true'],
};

/** An annotation's value in a status template ($root is the pod), `absent` when it is not set or empty. */
const annotated = (name: string, absent: string) =>
  `{{ or (dig "metadata" "annotations" "${name}" "" $root) "${absent}" }}`;

type ContainerState = 'running' | 'waiting';

/**
 * One status entry per container: `ready` as given, running since `$started` or waiting in CrashLoopBackOff,
 * with the annotated restart count and last exit (template variables $root and $started).
 */
const containerStatuses = (ready: boolean, state: ContainerState) => `containerStatuses:
{{ range .spec.containers }}
- name: {{ .name | Quote }}
  image: {{ .image | Quote }}
  ready: ${ready}
  started: ${state === 'running'}
  restartCount: ${annotated(CONTAINER_RESTARTS_ANNOTATION, '0')}
  state:
${
  state === 'running'
    ? `    running:
      startedAt: {{ $started | Quote }}`
    : `    waiting:
      reason: ${CRASH_LOOP_BACK_OFF}
      message: back-off restarting failed container`
}
  {{ with dig "metadata" "annotations" "${CONTAINER_LAST_EXIT_ANNOTATION}" "" $root }}
  lastState:
    terminated:
      exitCode: {{ . }}
      reason: {{ if eq . "0" }}Completed{{ else }}Error{{ end }}
  {{ end }}
{{ end }}`;

/** Kubernetes' condition pair for the containers' readiness, at `$now`. */
const readiness = (ready: boolean) => `- type: ContainersReady
  status: "${ready ? 'True' : 'False'}"${ready ? '' : '\n  reason: ContainersNotReady'}
  lastTransitionTime: {{ $now | Quote }}
- type: Ready
  status: "${ready ? 'True' : 'False'}"${ready ? '' : '\n  reason: ContainersNotReady'}
  lastTransitionTime: {{ $now | Quote }}`;

/** Scheduled → Running: addresses, start time, containers started, not ready. Init containers are not supported. */
const podStart = podStage(
  'stand-in-pod-start',
  {
    matchExpressions: [notDeleting, { key: '.status.phase', operator: 'In', values: ['Pending'] }],
  },
  `{{ $now := Now }}
{{ $started := $now }}
{{ $root := . }}
conditions:
- type: Initialized
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
${readiness(false)}
${containerStatuses(false, 'running')}
{{ with NodeIPWith .spec.nodeName }}
hostIP: {{ . | Quote }}
{{ end }}
{{ with PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
podIP: {{ . | Quote }}
{{ end }}
phase: Running
startTime: {{ $now | Quote }}`,
);

/** The container's running state's start, kept from the status when it has one (else now). */
const startedSoFar = `{{ $started := $now }}
{{ with .status.containerStatuses }}{{ with (index . 0).state.running }}{{ $started = .startedAt }}{{ end }}{{ end }}`;

/** Running, annotated ready by the stand-in kubelet → Ready. */
const podReady = podStage(
  'stand-in-pod-ready',
  {
    matchAnnotations: { [CONTAINER_READY_ANNOTATION]: 'true' },
    matchExpressions: [notDeleting, running, statusBehind],
  },
  `{{ $now := Now }}
{{ $root := . }}
${startedSoFar}
conditions:
${readiness(true)}
${containerStatuses(true, 'running')}`,
);

/** The pod's process exited and its restart backs off → not Ready, waiting in CrashLoopBackOff. */
const containerWaiting = podStage(
  'stand-in-container-waiting',
  {
    matchAnnotations: { [CONTAINER_WAITING_ANNOTATION]: CRASH_LOOP_BACK_OFF },
    matchExpressions: [notDeleting, running, statusBehind],
  },
  `{{ $now := Now }}
{{ $root := . }}
conditions:
${readiness(false)}
${containerStatuses(false, 'waiting')}`,
);

/** A restarted process runs, not ready yet (its readiness probe has not passed) → running since now, not Ready. */
const containerRestarted = podStage(
  'stand-in-container-restarted',
  {
    matchAnnotations: { [CONTAINER_READY_ANNOTATION]: 'false', [CONTAINER_WAITING_ANNOTATION]: '' },
    matchExpressions: [notDeleting, running, statusBehind],
  },
  `{{ $now := Now }}
{{ $root := . }}
${startedSoFar}
conditions:
${readiness(false)}
${containerStatuses(false, 'running')}`,
);

/**
 * The Stages for kwokctl's configuration: kwok's own node Stages and pod completion and deletion (the files
 * the bootstrap copied from the kwok module, as kwokctl would use them), with the pod Stages above in place
 * of kwok's pod-ready. kwokctl uses no default Stage at all once its configuration names one.
 */
export function standInKubeletStages(): string[] {
  const dir = tool('kwokStages');
  const kwokDefaults = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
  // JSON is YAML: each Stage is one document of the configuration.
  return [
    ...kwokDefaults,
    ...[podStart, podReady, containerWaiting, containerRestarted].map((stage) => JSON.stringify(stage)),
  ];
}

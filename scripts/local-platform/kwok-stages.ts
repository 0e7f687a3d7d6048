// How kwok moves the pods of a cluster whose pods the stand-in kubelet (kwok-pods.ts) runs. kwok's own
// pod-ready Stage reports a pod Running and Ready the moment it is scheduled, before anything runs it. Here a
// pod goes Running with its container started but not ready, and turns Ready only once the stand-in kubelet
// annotates it after its process passed the container's readiness probe — as a kubelet reports it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tool } from './tools.js';

/** Set to "true" on a pod by the stand-in kubelet once the pod's process passed its readiness probe. */
export const CONTAINER_READY_ANNOTATION = 'temporal-rollout/stand-in-ready';

const podStage = (name: string, selector: object, statusTemplate: string) => ({
  apiVersion: 'kwok.x-k8s.io/v1alpha1',
  kind: 'Stage',
  metadata: { name },
  spec: { resourceRef: { apiGroup: 'v1', kind: 'Pod' }, selector, next: { statusTemplate } },
});

const notDeleting = { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' };
const readyStatus = '.status.conditions.[] | select( .type == "Ready" ) | .status';

/** One status entry per container, `ready` as given, started at `$started` (a template variable). */
const containerStatuses = (ready: boolean) => `containerStatuses:
{{ range .spec.containers }}
- name: {{ .name | Quote }}
  image: {{ .image | Quote }}
  ready: ${ready}
  started: true
  restartCount: 0
  state:
    running:
      startedAt: {{ $started | Quote }}
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
conditions:
- type: Initialized
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
${readiness(false)}
${containerStatuses(false)}
{{ with NodeIPWith .spec.nodeName }}
hostIP: {{ . | Quote }}
{{ end }}
{{ with PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
podIP: {{ . | Quote }}
{{ end }}
phase: Running
startTime: {{ $now | Quote }}`,
);

/** Running and annotated by the stand-in kubelet → Ready. */
const podReady = podStage(
  'stand-in-pod-ready',
  {
    matchAnnotations: { [CONTAINER_READY_ANNOTATION]: 'true' },
    matchExpressions: [
      notDeleting,
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      { key: readyStatus, operator: 'NotIn', values: ['True'] },
    ],
  },
  `{{ $now := Now }}
{{ $started := or .status.startTime $now }}
conditions:
${readiness(true)}
${containerStatuses(true)}`,
);

/**
 * The Stages for kwokctl's configuration: kwok's own node Stages and pod completion and deletion (the files
 * the bootstrap copied from the kwok module, as kwokctl would use them), with the two pod Stages above in
 * place of kwok's pod-ready. kwokctl uses no default Stage at all once its configuration names one.
 */
export function standInKubeletStages(): string[] {
  const dir = tool('kwokStages');
  const kwokDefaults = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
  // JSON is YAML: each Stage is one document of the configuration.
  return [...kwokDefaults, ...[podStart, podReady].map((stage) => JSON.stringify(stage))];
}

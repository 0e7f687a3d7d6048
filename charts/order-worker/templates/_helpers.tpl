{{/* Chart name, overridable. */}}
{{- define "order-worker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Object names: the release name (stable: "order-worker", canary: "order-worker-canary"), so a stable and a
canary release of this chart never share an object.
*/}}
{{- define "order-worker.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "order-worker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels: stable and canary pods never match each other's selector. */}}
{{- define "order-worker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "order-worker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: worker
temporal-rollout/track: {{ .Values.track }}
{{- end }}

{{- define "order-worker.labels" -}}
helm.sh/chart: {{ include "order-worker.chart" . }}
{{ include "order-worker.selectorLabels" . }}
app.kubernetes.io/version: {{ include "order-worker.version" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ .Values.partOf }}
{{- with .Values.worker.buildId }}
temporal-rollout/build-id: {{ . | quote }}
{{- end }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The version label: the build id, else the image tag, else the chart's appVersion (label-safe). */}}
{{- define "order-worker.version" -}}
{{- $v := .Values.worker.buildId | default .Values.image.tag | default .Chart.AppVersion -}}
{{- regexReplaceAll "[^A-Za-z0-9._-]" $v "_" | trunc 63 | trimSuffix "-" | trimSuffix "_" | trimSuffix "." -}}
{{- end }}

{{/* The image, by digest when one is given (the pipeline always gives one). */}}
{{- define "order-worker.image" -}}
{{- $repo := required "image.repository is required" .Values.image.repository -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else if .Values.image.tag -}}
{{- printf "%s:%s" $repo .Values.image.tag -}}
{{- else -}}
{{- fail "set image.digest (sha256:…) or image.tag: the worker image has no version" -}}
{{- end -}}
{{- end }}

{{- define "order-worker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "order-worker.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "order-worker.routingConfigMapName" -}}
{{- default (printf "%s-routing" .Values.partOf) .Values.routing.configMapName | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Grace arithmetic: the worker gets SHUTDOWN_GRACE_MS = shutdownGraceSeconds to finish in-flight activities after
SIGTERM; Kubernetes must wait at least preStop + grace + margin before SIGKILL, and the grace must exceed the
longest activity, or a deploy kills a payment mid-flight.
*/}}
{{- define "order-worker.terminationGracePeriodSeconds" -}}
{{- $w := .Values.worker -}}
{{- if le (int $w.shutdownGraceSeconds) (int $w.longestActivitySeconds) -}}
{{- fail (printf "worker.shutdownGraceSeconds (%d) must be greater than worker.longestActivitySeconds (%d): a rollout would kill activities in flight" (int $w.shutdownGraceSeconds) (int $w.longestActivitySeconds)) -}}
{{- end -}}
{{- add (int .Values.preStopSleepSeconds) (int $w.shutdownGraceSeconds) (int .Values.terminationGraceMarginSeconds) -}}
{{- end }}

{{/* True when this release renders only the pipeline's deploy RBAC (installed once by an admin). */}}
{{- define "order-worker.workload" -}}
{{- if not .Values.deployRbac.only }}true{{ end -}}
{{- end }}

{{/* How a pod reaches Temporal: address, namespace, TLS files, API key. Shared by the worker and the starter. */}}
{{- define "order-worker.temporalEnv" -}}
- { name: TEMPORAL_ADDRESS, value: {{ .Values.temporal.address | quote }} }
- { name: TEMPORAL_NAMESPACE, value: {{ .Values.temporal.namespace | quote }} }
{{- if .Values.temporal.tls.enabled }}
- { name: TEMPORAL_TLS_CERT, value: {{ printf "%s/tls.crt" .Values.temporal.tls.mountPath | quote }} }
- { name: TEMPORAL_TLS_KEY, value: {{ printf "%s/tls.key" .Values.temporal.tls.mountPath | quote }} }
- { name: TEMPORAL_TLS_CA, value: {{ printf "%s/ca.crt" .Values.temporal.tls.mountPath | quote }} }
{{- with .Values.temporal.tls.serverName }}
- { name: TEMPORAL_TLS_SERVER_NAME, value: {{ . | quote }} }
{{- end }}
{{- end }}
{{- if .Values.temporal.apiKey.secretName }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef: { name: {{ .Values.temporal.apiKey.secretName | quote }}, key: {{ .Values.temporal.apiKey.key | quote }} }
{{- end }}
{{- end }}

{{- define "order-worker.tlsMount" -}}
- { name: temporal-tls, mountPath: {{ .Values.temporal.tls.mountPath | quote }}, readOnly: true }
{{- end }}

{{- define "order-worker.tlsVolume" -}}
- name: temporal-tls
  secret:
    secretName: {{ required "temporal.tls.secretName is required when temporal.tls.enabled" .Values.temporal.tls.secretName | quote }}
    defaultMode: 288 # = 0440, owner and group read
{{- end }}

{{/* The rollout controller's labels (its own component; not part of the worker's selectors). */}}
{{- define "order-worker.controllerLabels" -}}
helm.sh/chart: {{ include "order-worker.chart" . }}
app.kubernetes.io/name: {{ include "order-worker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: rollout-controller
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ .Values.partOf }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The controller's image (temporal-rollout's CLI with helm), by digest when one is given. */}}
{{- define "order-worker.controllerImage" -}}
{{- $i := .Values.controller.image -}}
{{- $repo := required "controller.image.repository is required when controller.enabled" $i.repository -}}
{{- if $i.digest -}}
{{- printf "%s@%s" $repo $i.digest -}}
{{- else if $i.tag -}}
{{- printf "%s:%s" $repo $i.tag -}}
{{- else -}}
{{- fail "set controller.image.digest (sha256:…) or controller.image.tag: the controller image has no version" -}}
{{- end -}}
{{- end }}

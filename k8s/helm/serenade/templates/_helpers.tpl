{{/*
Names and labels shared by every template.
*/}}

{{/* The release's base name: the release name, or <release>-serenade when it does not say serenade. */}}
{{- define "serenade.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A component's object name: serenade-gateway, serenade-profile-service, ... (ctx: root, name). */}}
{{- define "serenade.name" -}}
{{- printf "%s-%s" (include "serenade.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels a selector uses; never change them on upgrade (Deployment selectors are immutable). */}}
{{- define "serenade.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "serenade.labels" -}}
{{ include "serenade.selectorLabels" . }}
app.kubernetes.io/part-of: serenade
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- if .root.Values.renderForKustomize }}
app.kubernetes.io/managed-by: kustomize
{{- else }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end }}
{{- end -}}

{{/* An image reference: a digest when one is given for the service, else the tag. (ctx: root, name) */}}
{{- define "serenade.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.repository .name -}}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $repo }}{{ end -}}
{{- $digest := get $img.digests .name -}}
{{- if $digest -}}
{{- printf "%s@%s" $repo $digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}
{{- end -}}

{{/* Where the services find Kafka: the Strimzi cluster when the chart runs one, else kafka.bootstrapServers. */}}
{{- define "serenade.kafkaBootstrap" -}}
{{- $k := .Values.kafka -}}
{{- if $k.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" $k.strimzi.name -}}
{{- else -}}
{{- required "kafka.bootstrapServers is empty: set it, or enable kafka.strimzi" $k.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "serenade.postgresHost" -}}
{{- $pg := .Values.postgresql -}}
{{- if $pg.cloudnativepg.enabled -}}
{{- printf "%s-rw" $pg.cloudnativepg.name -}}
{{- else -}}
{{- required "postgresql.host is empty: set it, or enable postgresql.cloudnativepg" $pg.host -}}
{{- end -}}
{{- end -}}

{{- define "serenade.postgresPort" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}5432{{ else }}{{ int .Values.postgresql.port }}{{ end -}}
{{- end -}}

{{/* The Secret with the PostgreSQL server's CA (key ca.crt), or nothing. CloudNativePG keeps its CA in <name>-ca. */}}
{{- define "serenade.postgresCaSecret" -}}
{{- $pg := .Values.postgresql -}}
{{- if $pg.caSecret -}}
{{- $pg.caSecret -}}
{{- else if $pg.cloudnativepg.enabled -}}
{{- printf "%s-ca" $pg.cloudnativepg.name -}}
{{- else if has $pg.sslMode (list "verify-ca" "verify-full") -}}
{{- fail (printf "postgresql.sslMode %s verifies the server: set postgresql.caSecret to a Secret holding its CA as ca.crt" $pg.sslMode) -}}
{{- end -}}
{{- end -}}

{{- define "serenade.redisHosts" -}}
{{- $r := .Values.redis -}}
{{- if $r.inCluster.enabled -}}
{{- printf "redis://%s:6379" (include "serenade.name" (dict "root" . "name" "redis")) -}}
{{- else -}}
{{- required "redis.hosts is empty: set it, or enable redis.inCluster" $r.hosts -}}
{{- end -}}
{{- end -}}

{{/* The port of every host:port in a comma-separated list, or of a URL (its scheme's default if it names none). */}}
{{- define "serenade.portsOf" -}}
{{- $ports := list -}}
{{- range $address := splitList "," .addresses -}}
{{- $address = trim $address -}}
{{- if contains "://" $address -}}
{{- $url := urlParse $address -}}
{{- $port := regexFind ":[0-9]+$" $url.host | trimPrefix ":" -}}
{{- if not $port -}}{{- $port = get (dict "https" "443" "http" "80" "redis" "6379" "rediss" "6379") $url.scheme -}}{{- end -}}
{{- $ports = append $ports (atoi $port) -}}
{{- else -}}
{{- $ports = append $ports (atoi (regexFind "[0-9]+$" $address)) -}}
{{- end -}}
{{- end -}}
{{- toYaml (uniq $ports) -}}
{{- end -}}

{{/* The ports a service dials for a dependency (ctx: root, dep): networkPolicy.egress.<dep>.ports if given,
else those of the address the services are configured with, so policy and configuration cannot disagree. */}}
{{- define "serenade.egressPorts" -}}
{{- $ := .root -}}
{{- $given := (get $.Values.networkPolicy.egress .dep).ports -}}
{{- if $given -}}
{{- toYaml $given -}}
{{- else if eq .dep "kafka" -}}
{{- include "serenade.portsOf" (dict "addresses" (include "serenade.kafkaBootstrap" $)) -}}
{{- else if eq .dep "postgresql" -}}
{{- toYaml (list (atoi (include "serenade.postgresPort" $))) -}}
{{- else if eq .dep "redis" -}}
{{- include "serenade.portsOf" (dict "addresses" (include "serenade.redisHosts" $)) -}}
{{- else if eq .dep "oidc" -}}
{{- include "serenade.portsOf" (dict "addresses" $.Values.oidc.authServerUrl) -}}
{{- end -}}
{{- end -}}

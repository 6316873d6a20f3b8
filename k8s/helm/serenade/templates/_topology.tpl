{{/*
Who calls whom, what each service uses and which Kafka topics it reads and writes. This is a fact of the
code, not a setting: the gateway is the only public door; consent-service asks the three data-holding
services for transparency, export and erasure; every service uses Kafka and checks OIDC tokens.
NetworkPolicies, environment, rest-client URLs, OIDC clients and Kafka ACLs are derived from it.
  key: the values key under .Values.services;  name: the object and image name.
  callers / calls: other services (by key); a callee is reached through QUARKUS_REST_CLIENT_<KEY>_URL.
    Every internal call carries the caller's OAuth2 client-credentials token (audience serenade-internal),
    and the callee checks its client id (azp) against a per-route allow-list (@RolesAllowed with
    io.serenade.kit.identity.Callers). A service with calls is a caller with its own OIDC client,
    serenade-svc-<key> (serenade.oidcClientId): serenade-svc-gateway and serenade-svc-consent.
  tools: identities that are not services of the release: serenade-svc-operator, operators' tools (the
    propensity-log export for offline evaluation, the consent-view probes), reaching a pod through
    kubectl port-forward, so no NetworkPolicy rule is made for them.
    `callers` plus `tools` is exactly the allow-list a service enforces: the union of its routes' lists.
  uses: kafka, postgresql, redis, oidc (checks tokens; a caller also obtains them), signing-key
    (mints or verifies purpose tokens) and pseudonym-key (names users by a keyed pseudonym where their id
    must not be kept: erasure records and markers, the gateway's Redis keys).
  group / consumes / produces: the Kafka consumer group and topics (the channel names in the service's
    application.properties, events/Topics.java). With Strimzi on, each service's KafkaUser may do exactly
    this: Read+Describe on consumed topics, Write+Describe on produced ones, Read on its group.
*/}}
{{- define "serenade.topology" -}}
gateway:
  name: gateway
  callers: []
  tools: []
  calls: [profile, ranking, consent, artwork]
  uses: [kafka, redis, oidc, signing-key, pseudonym-key]
  group: gateway
  consumes: [consent-changes, erasure-requests]
  produces: [interactions, data-use, erasure-receipts, dead-letters]
profile:
  name: profile-service
  callers: [gateway, consent]
  tools: [operator]
  calls: []
  uses: [kafka, postgresql, oidc, pseudonym-key]
  group: profile-service
  consumes: [interactions, consent-changes, erasure-requests]
  produces: [interactions-forgotten, erasure-receipts, data-use, dead-letters]
ranking:
  name: ranking-service
  callers: [gateway, consent]
  tools: [operator]
  calls: []
  uses: [kafka, postgresql, redis, oidc, signing-key, pseudonym-key]
  group: ranking-service
  consumes: [interactions, interactions-forgotten, consent-changes, erasure-requests]
  produces: [catalog, erasure-receipts, dead-letters]
artwork:
  name: artwork-service
  callers: [gateway, consent]
  tools: [operator]
  calls: []
  uses: [kafka, postgresql, redis, oidc, signing-key]
  group: artwork-service
  consumes: [catalog, interactions, consent-changes, erasure-requests]
  produces: [erasure-receipts, dead-letters]
consent:
  name: consent-service
  callers: [gateway]
  tools: []
  calls: [profile, ranking, artwork]
  uses: [kafka, postgresql, oidc, pseudonym-key]
  group: consent-service
  consumes: [data-use, erasure-receipts]
  produces: [consent-changes, erasure-requests, dead-letters]
{{- end -}}

{{/* The service keys in a fixed order, so rendered output is stable. */}}
{{- define "serenade.serviceKeys" -}}
[gateway, profile, ranking, artwork, consent]
{{- end -}}

{{/* The OIDC client id of a caller (ctx: its service key) or of a tool identity (ctx: operator). */}}
{{- define "serenade.oidcClientId" -}}
{{- printf "serenade-svc-%s" . -}}
{{- end -}}

{{/* The Secret (name, key) holding a caller's OIDC client secret (ctx: root, key):
services.<key>.oidcClientSecret, its name defaulting to <release>-<service>-oidc-client. */}}
{{- define "serenade.oidcClientSecret" -}}
{{- $ := .root -}}
{{- $topology := include "serenade.topology" $ | fromYaml -}}
{{- $ref := (get $.Values.services .key).oidcClientSecret | default dict -}}
{{- $name := $ref.name | default (printf "%s-oidc-client" (include "serenade.name" (dict "root" $ "name" (get $topology .key).name))) -}}
{{- toYaml (dict "name" $name "key" ($ref.key | default "client-secret")) -}}
{{- end -}}

{{/* The KafkaUser of a service, also the name of the Secret Strimzi writes its credentials to (ctx: root, key). */}}
{{- define "serenade.kafkaUser" -}}
{{- $topology := include "serenade.topology" .root | fromYaml -}}
{{- include "serenade.name" (dict "root" .root "name" (get $topology .key).name) -}}
{{- end -}}

{{/* The callers' object names, for messages: "gateway, consent-service". */}}
{{- define "serenade.callerNames" -}}
{{- $topology := include "serenade.topology" . | fromYaml -}}
{{- $names := list -}}
{{- range $key := include "serenade.serviceKeys" . | fromYamlArray -}}
{{- if (get $topology $key).calls }}{{ $names = append $names (get $topology $key).name }}{{ end -}}
{{- end -}}
{{- join ", " $names -}}
{{- end -}}

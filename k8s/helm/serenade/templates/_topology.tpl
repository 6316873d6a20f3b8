{{/*
Who calls whom and what each service uses. This is a fact of the code, not a setting: the gateway is the
only public door; consent-service asks the three data-holding services for transparency, export and
erasure; every service uses Kafka. NetworkPolicies, environment and rest-client URLs are derived from it.
  key: the values key under .Values.services;  name: the object and image name.
  callers / calls: other services (by key); a callee is reached through QUARKUS_REST_CLIENT_<KEY>_URL.
  uses: kafka, postgresql, redis, oidc, and signing-key (mints or verifies purpose tokens).
*/}}
{{- define "serenade.topology" -}}
gateway:
  name: gateway
  callers: []
  calls: [profile, ranking, consent, artwork]
  uses: [kafka, redis, oidc, signing-key]
profile:
  name: profile-service
  callers: [gateway, consent]
  calls: []
  uses: [kafka, postgresql]
ranking:
  name: ranking-service
  callers: [gateway, consent]
  calls: []
  uses: [kafka, postgresql, redis, signing-key]
artwork:
  name: artwork-service
  callers: [gateway, consent]
  calls: []
  uses: [kafka, postgresql, redis, signing-key]
consent:
  name: consent-service
  callers: [gateway]
  calls: [profile, ranking, artwork]
  uses: [kafka, postgresql]
{{- end -}}

{{/* The service keys in a fixed order, so rendered output is stable. */}}
{{- define "serenade.serviceKeys" -}}
[gateway, profile, ranking, artwork, consent]
{{- end -}}

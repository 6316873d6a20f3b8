{{/*
A service's environment as ConfigMap data (ctx: root, key): where it listens, where Kafka, PostgreSQL,
Redis, the OIDC provider and its callees are, and the OIDC client it calls them with. kafka.extraEnv and
the service's extraEnv come last and may override any of it. The Deployment hashes the result, so a
change rolls only that service.
*/}}
{{- define "serenade.configData" -}}
{{- $ := .root -}}
{{- $key := .key -}}
{{- $topology := include "serenade.topology" $ | fromYaml -}}
{{- $svc := get $topology $key -}}
{{- $pod := $.Values.pod -}}
{{- /* The services bind 127.0.0.1 unless told otherwise (right on a laptop, wrong in a pod). Health and
metrics are on Quarkus' management interface, its own port, which only probes and scrapers reach. */ -}}
{{- $env := dict "QUARKUS_HTTP_PORT" "8080" "QUARKUS_HTTP_HOST" "0.0.0.0" "QUARKUS_MANAGEMENT_PORT" "9000" "QUARKUS_MANAGEMENT_HOST" "0.0.0.0" -}}
{{- /* Read by run-java.sh in the UBI OpenJDK image. It replaces the image's own value (the root pom's
quarkus.jib.jvm-additional-arguments), so it repeats those options, with this heap share. */ -}}
{{- $_ := set $env "JAVA_OPTS_APPEND" (printf "-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:MaxRAMPercentage=%d.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp %s" (int $pod.maxRamPercentage) $pod.extraJavaOptions | trim) -}}
{{- $_ := set $env "KAFKA_BOOTSTRAP_SERVERS" (include "serenade.kafkaBootstrap" $) -}}
{{- if $.Values.kafka.strimzi.enabled -}}
{{- /* The chart's Strimzi listener authenticates with SCRAM-SHA-512, without TLS; the JAAS line (the
service's KafkaUser credentials) comes from the Secret Strimzi writes, in deployment.yaml. */ -}}
{{- $_ := set $env "KAFKA_SECURITY_PROTOCOL" "SASL_PLAINTEXT" -}}
{{- $_ := set $env "KAFKA_SASL_MECHANISM" "SCRAM-SHA-512" -}}
{{- end -}}
{{- if has "postgresql" $svc.uses -}}
{{- $pg := $.Values.postgresql -}}
{{- $db := get $pg.databases $key -}}
{{- $address := printf "%s:%s/%s?sslmode=%s" (include "serenade.postgresHost" $) (include "serenade.postgresPort" $) $db.name $pg.sslMode -}}
{{- $jdbc := printf "jdbc:postgresql://%s" $address -}}
{{- if include "serenade.postgresCaSecret" $ -}}
{{- /* Both clients trust exactly this CA: JDBC (Flyway) through sslrootcert, the reactive pool through PEM. */ -}}
{{- $jdbc = printf "%s&sslrootcert=/etc/serenade/postgresql-ca/ca.crt" $jdbc -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM" "true" -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS" "/etc/serenade/postgresql-ca/ca.crt" -}}
{{- else if has $pg.sslMode (list "allow" "prefer" "require") -}}
{{- /* libpq's meaning of these modes: encrypt if possible, do not verify. The reactive client verifies
against the JDK's CAs unless told otherwise. */ -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL" "true" -}}
{{- end -}}
{{- if eq $pg.sslMode "verify-full" -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM" "HTTPS" -}}
{{- end -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql://%s" $address) -}}
{{- $_ := set $env "QUARKUS_DATASOURCE_JDBC_URL" $jdbc -}}
{{- end -}}
{{- if has "redis" $svc.uses -}}
{{- $_ := set $env "QUARKUS_REDIS_HOSTS" (include "serenade.redisHosts" $) -}}
{{- end -}}
{{- if has "oidc" $svc.uses -}}
{{- $_ := set $env "QUARKUS_OIDC_AUTH_SERVER_URL" (required "oidc.authServerUrl is required" $.Values.oidc.authServerUrl) -}}
{{- if $svc.calls -}}
{{- /* A caller obtains client-credentials tokens for its internal calls from the same realm; its secret
comes from a Secret, in deployment.yaml. */ -}}
{{- /* Not QUARKUS_OIDC_CLIENT_*: Quarkus would read those as an OIDC tenant named "client". The realm URL is
QUARKUS_OIDC_AUTH_SERVER_URL's; the client id is in the service's application.properties and checked here. */ -}}
{{- $_ := set $env "SERENADE_OIDC_CLIENT_ID" (include "serenade.oidcClientId" $key) -}}
{{- end -}}
{{- end -}}
{{- range $callee := $svc.calls -}}
{{- $_ := set $env (printf "QUARKUS_REST_CLIENT_%s_URL" (upper $callee)) (printf "http://%s" (include "serenade.name" (dict "root" $ "name" (get $topology $callee).name))) -}}
{{- end -}}
{{- if eq $key "gateway" -}}
{{- $_ := set $env "SERENADE_GATEWAY_RATE_LIMIT_REQUESTS_PER_WINDOW" (toString $.Values.gateway.rateLimitPerWindow) -}}
{{- end -}}
{{- range $name, $value := merge (dict) (get $.Values.services $key).extraEnv $.Values.kafka.extraEnv -}}
{{- $_ := set $env $name (toString $value) -}}
{{- end -}}
{{- range $name := keys $env | sortAlpha }}
{{ $name }}: {{ get $env $name | quote }}
{{- end -}}
{{- end -}}

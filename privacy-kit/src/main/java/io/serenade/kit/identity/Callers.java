package io.serenade.kit.identity;

/**
 * The service identities that may call internal routes: OAuth2 clients of the identity provider (Keycloak service
 * accounts), each with the client-credentials grant and the audience {@value #AUDIENCE}. A callee reads the caller
 * from the token's {@code azp} claim (the client it was issued to) and checks it against the route's
 * {@code @RolesAllowed} list of these names. A member's token (audience {@code serenade-gateway}) is not accepted
 * by any internal route.
 * <p>
 * The union of a service's route allow-lists is its {@code callers} plus {@code tools} entries in the Helm chart's
 * topology table ({@code k8s/helm/serenade/templates/_topology.tpl}), from which the NetworkPolicies are made; the
 * kit's {@code InternalRoutesContract}, run by each service's {@code InternalCallersTest}, keeps the two equal.
 */
public final class Callers {

    /** The audience every internal token carries; the callees accept no other. */
    public static final String AUDIENCE = "serenade-internal";

    /** The gateway: every call a member's request fans out to. */
    public static final String GATEWAY = "serenade-svc-gateway";

    /** consent-service: transparency summaries and exports it gathers from the services that hold data. */
    public static final String CONSENT = "serenade-svc-consent";

    /**
     * An operator's tool outside the request path: the propensity-log export for off-policy evaluation and the
     * consent-view probes of the privacy benchmarks. Reads only; never on a route that writes a member's data.
     */
    public static final String OPERATOR = "serenade-svc-operator";

    private Callers() {
    }
}

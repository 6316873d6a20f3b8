package io.serenade.consent.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.kit.json.StrictJson;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's user-data routes, at the URL configured under the key {@code profile}. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterRestClient(configKey = "profile")
public interface ProfileApi extends UserDataApi {

    /** Another service's answer may carry fields this version does not know yet: they are skipped, not refused. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaults) {
        return StrictJson.tolerant(defaults);
    }

}

package io.serenade.consent.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.kit.json.TolerantAnswers;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's user-data routes, at the URL configured under the key {@code profile}. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "profile")
public interface ProfileApi extends UserDataApi {
}

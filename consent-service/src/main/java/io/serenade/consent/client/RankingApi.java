package io.serenade.consent.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.serenade.kit.json.TolerantAnswers;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ranking-service's user-data routes, at the URL configured under the key {@code ranking}. */
@OidcClientFilter // the caller's service identity (client credentials) on every call
@RegisterProvider(TolerantAnswers.class) // answers are read tolerantly, requests stay strict
@RegisterRestClient(configKey = "ranking")
public interface RankingApi extends UserDataApi {
}

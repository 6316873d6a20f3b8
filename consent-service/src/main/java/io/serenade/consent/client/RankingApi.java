package io.serenade.consent.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ranking-service's user-data routes, at the URL configured under the key {@code ranking}. */
@RegisterRestClient(configKey = "ranking")
public interface RankingApi extends UserDataApi {
}

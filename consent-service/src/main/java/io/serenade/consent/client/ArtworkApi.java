package io.serenade.consent.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** artwork-service's user-data routes, at the URL configured under the key {@code artwork}. */
@RegisterRestClient(configKey = "artwork")
public interface ArtworkApi extends UserDataApi {
}

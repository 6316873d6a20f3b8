package io.serenade.consent.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's user-data routes, at the URL configured under the key {@code profile}. */
@RegisterRestClient(configKey = "profile")
public interface ProfileApi extends UserDataApi {
}

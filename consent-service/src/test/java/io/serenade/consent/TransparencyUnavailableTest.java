package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** With no other service reachable (the test clients point at a closed port), the view still shows consent-service's own data. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TransparencyUnavailableTest {

    @Test
    void servicesThatCannotBeReachedAreListedAndTheOwnHoldingsAreShown() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\":{\"experimentation\":\"DENIED\"}}").statusCode(200);
        asGateway().get("/internal/users/{u}/transparency", user).then().statusCode(200)
                .body("unavailable", contains("profile-service", "ranking-service", "artwork-service"))
                .body("categories.find { it.category == 'consents' }.count", equalTo(1))
                .body("categories.find { it.category == 'consents' }.heldBy[0].service", equalTo("consent-service"))
                .body("categories.find { it.category == 'profile' }.count", equalTo(0));
    }
}

package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.service.PurposeCatalogue;
import io.serenade.events.DataCategories;
import io.serenade.events.Purposes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PurposeCatalogueTest {

    record P(String description, List<String> categories, Duration retention) implements ConsentConfig.Purpose {
    }

    record C(String description) implements ConsentConfig.Category {
    }

    @Test
    void theCatalogueDescribesEveryPurposeWithItsCategoriesAndRetention() {
        asGateway().get("/internal/purposes").then().statusCode(200)
                .body("policyVersion", equalTo("2026-11"))
                .body("purposes.purpose", contains(Purposes.ALL.toArray()))
                .body("purposes.description", everyItem(not(blankOrNullString())))
                .body("purposes.find { it.purpose == 'personalization' }.dataCategories",
                        contains("profile", "interaction-history", "inferred-affinities"))
                .body("purposes.find { it.purpose == 'personalization' }.retention", equalTo("P730D"))
                .body("purposes.find { it.purpose == 'artwork-personalization' }.retention", equalTo("P90D"))
                .body("purposes.find { it.purpose == 'search-history' }.dataCategories", contains("search-history"))
                .body("purposes.find { it.purpose == 'search-history' }.retention", equalTo("P180D"))
                .body("purposes.find { it.purpose == 'assistant-context' }.retention", equalTo("P30D"))
                .body("categories.category", contains(DataCategories.ALL.toArray()))
                .body("categories.description", everyItem(not(blankOrNullString())))
                .body("categories.find { it.category == 'interaction-history' }.purposes", containsInAnyOrder(
                        "personalization", "artwork-personalization", "experimentation", "assistant-context"))
                .body("categories.find { it.category == 'interaction-history' }.retention", equalTo("P730D"))
                .body("categories.find { it.category == 'data-use-log' }.retention", equalTo("P365D"))
                .body("categories.find { it.category == 'consents' }.retention", nullValue());
    }

    @Test
    void anIncompleteCatalogueIsRefused() {
        Map<String, ConsentConfig.Purpose> purposes = new HashMap<>();
        Purposes.ALL.forEach(p -> purposes.put(p, new P("for " + p, List.of("profile"), Duration.ofDays(30))));
        Map<String, ConsentConfig.Category> categories = new HashMap<>();
        DataCategories.ALL.forEach(c -> categories.put(c, new C("about " + c)));
        assertThat(PurposeCatalogue.problems(purposes, categories)).isEmpty();

        purposes.remove("notifications");
        purposes.put("search-history", new P(" ", List.of("search-history", "browsing"), Duration.ZERO));
        purposes.put("telepathy", new P("read minds", List.of("profile"), Duration.ofDays(1)));
        categories.remove("consents");
        assertThat(PurposeCatalogue.problems(purposes, categories)).containsExactlyInAnyOrder(
                "purpose notifications has no entry",
                "purpose search-history has no description",
                "purpose search-history names unknown data category browsing",
                "purpose search-history has no positive retention",
                "purpose telepathy is not one of " + Purposes.ALL,
                "data category consents has no description");
    }
}

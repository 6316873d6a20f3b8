package io.serenade.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.Purposes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Gives a load-test user data in every store of the suite, through the public API as the app and a notifier
 * would: consents (consent ledger, every service's consent view, the gateway's cache), a profile, history and
 * searches (profile and ranking), home pages and a search (artwork impressions and per-viewer keys, the
 * data-use log), notification settings and a pacing decision; {@link #export} adds an export job.
 */
final class UserData {

    /** Demo catalog ids (the seed makes t-00001 onwards). */
    private static final int TITLES = 200;

    private UserData() {
    }

    static void fill(Api gateway, Api notifier, String userId, int events, long seed) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        Purposes.ALL.forEach(p -> all.put(p, "GRANTED"));
        gateway.put("/me/consents", Map.of("consents", all)).ok();
        gateway.put("/me/profile", Map.of("displayName", "Load Test", "locale", "en-GB", "timeZone", "Europe/London",
                "maturityRating", "18+", "favouriteGenres", List.of("drama"))).ok();
        int before = gateway.get("/me/history?size=1").ok().path("total").asInt();
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", UUID.randomUUID().toString());
            if (i % 20 == 19) {
                e.put("type", "SEARCH");
                e.put("query", "space opera " + i);
            } else {
                e.put("titleId", String.format("t-%05d", 1 + random.nextInt(TITLES)));
                e.put("type", i % 3 == 0 ? "PLAY" : "CLICK");
                if (i % 3 == 0) {
                    e.put("value", 30);
                }
            }
            e.put("context", Map.of("device", "tv", "timeZone", "Europe/London", "localTime", "21:15"));
            // 10 ms apart, the newest now: a member erased a few minutes ago (an earlier proof) may come back at once;
            // events spread further back would predate that erasure and be refused as late events, by design.
            e.put("occurredAt", now.minusMillis((events - i) * 10L).toString());
            batch.add(e);
            if (batch.size() == 250 || i == events - 1) { // 250 events stay under the 64 KB body limit
                gateway.post("/me/events", batch).ok();
                batch = new ArrayList<>();
            }
        }
        ConsentPropagation.await(() -> gateway.get("/me/history?size=1").ok().path("total").asInt() >= before + events,
                "profile-service to record the events", 200);
        gateway.get("/me/home?device=tv&locale=en-GB&localTime=21:15").ok();
        gateway.get("/me/search?q=space").ok();
        gateway.put("/me/notifications/settings", Map.of("perDay", 2, "perWeek", 5, "quietStart", "23:00", "quietEnd", "07:00")).ok();
        if (notifier != null) {
            notifier.post("/notifications/decisions", Map.of("userId", userId, "kind", "new-season", "urgency", "HIGH")).ok();
        }
    }

    /** Starts an export and waits for it; returns its final status document. */
    static JsonNode export(Api gateway) throws Exception {
        String exportId = gateway.post("/me/exports", Map.of()).ok().path("id").asText();
        JsonNode[] status = new JsonNode[1];
        ConsentPropagation.await(() -> {
            status[0] = gateway.get("/me/exports/" + exportId).ok();
            return !"RUNNING".equals(status[0].path("status").asText());
        }, "the export to finish", 50);
        return status[0];
    }
}

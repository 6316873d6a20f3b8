package io.serenade.artwork.service;

import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.repository.BanditRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The propensity log in the Open Bandit Dataset's CSV layout, so the same off-line evaluation ({@code bench ope})
 * runs on Serenade's logs and on OBD's. Only freshly drawn choices are exported (a sticky repeat was not drawn with
 * its logged propensity at that moment), and by default only those whose reward window has closed (before, a play
 * may still come; {@code includeOpen} takes them too, for a closed loop that knows it). Two columns are added
 * to OBD's: the title, and the variants the choice was among (OBD's action set is fixed per campaign, ours is
 * per title). The user features are coarse on purpose (device, time of day, language, top art tag): no user id.
 */
@ApplicationScoped
public class PropensityExport {

    static final String HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,"
            + "user_feature_2,user_feature_3,title_id,candidates\n";

    private final BanditRepository repository;
    private final ArtworkConfig config;

    public PropensityExport(BanditRepository repository, ArtworkConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public Uni<String> csv(Instant from, Instant to, boolean includeOpen) {
        Instant shownBefore = includeOpen ? to : Instant.now().minus(config.reward().window());
        return repository.drawnBetween(from, to, shownBefore).map(rows -> {
            StringBuilder out = new StringBuilder(HEADER);
            int n = 0;
            for (Row r : rows) {
                JsonObject context = (JsonObject) r.getValue("context");
                out.append(n++).append(',')
                        .append(r.getOffsetDateTime("shown_at").toInstant()).append(',')
                        .append(r.getString("artwork_id")).append(",1,")
                        .append(r.getDouble("reward") != null && r.getDouble("reward") > 0 ? 1 : 0).append(',')
                        .append(r.getDouble("propensity")).append(',')
                        .append(field(context.getString("device"))).append(',')
                        .append(field(context.getString("daypart"))).append(',')
                        .append(field(language(context.getString("locale")))).append(',')
                        .append(field(topTag(context.getJsonObject("features")))).append(',')
                        .append(r.getString("title_id")).append(',')
                        .append(String.join(";", r.getArrayOfStrings("candidates"))).append('\n');
            }
            return out.toString();
        });
    }

    /** Ids, devices and tags are [a-z0-9-] by validation; anything else is dropped rather than quoted. */
    private static String field(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9:_-]", "");
    }

    private static String language(String locale) {
        return locale == null ? null : locale.split("-")[0].toLowerCase(Locale.ROOT);
    }

    private static String topTag(JsonObject features) {
        String best = null;
        double bestValue = 0;
        if (features != null) {
            for (Map.Entry<String, Object> e : features) {
                if (e.getKey().startsWith("tag:") && e.getValue() instanceof Number n && n.doubleValue() > bestValue) {
                    best = e.getKey().substring(4);
                    bestValue = n.doubleValue();
                }
            }
        }
        return best;
    }
}

package io.serenade.ranking.recommend;

import io.serenade.events.MaturityRating;

import java.time.Instant;
import java.util.List;

/**
 * Everything one home page is built from. {@code history} must be empty unless {@code personalization} is
 * true: without that consent the user's history is not even read. {@code model} is null until the first
 * model is trained; {@code aligned} is the catalog in the model's index order ({@link ServingModel#align}).
 */
public record HomeRequest(CatalogSnapshot catalog, ServingModel model, CatalogTitle[] aligned,
                          boolean personalization, List<HistoryEvent> history, List<String> statedGenres,
                          MaturityRating maturity, double diversity, Instant now) {

    public HomeRequest {
        history = List.copyOf(history);
        statedGenres = List.copyOf(statedGenres);
        if (!personalization && !history.isEmpty()) {
            throw new IllegalArgumentException("history given without the personalization purpose");
        }
        if (diversity < 0 || diversity > 1) {
            throw new IllegalArgumentException("diversity must be in [0, 1]");
        }
    }
}

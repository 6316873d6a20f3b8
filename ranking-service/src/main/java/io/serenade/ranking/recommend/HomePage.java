package io.serenade.ranking.recommend;

import java.util.List;

/** A built home page: its rows, whether anything of the user's shaped it, and a notice when it is not. */
public record HomePage(List<HomeRow> rows, boolean personalized, String notice) {
}

package io.serenade.events;

import java.util.List;

/** Service names as they appear in receipts, data-use records and export progress. */
public final class Services {

    public static final String GATEWAY = "gateway";
    public static final String PROFILE = "profile-service";
    public static final String RANKING = "ranking-service";
    public static final String ARTWORK = "artwork-service";
    public static final String CONSENT = "consent-service";

    /** Every service that holds personal data: each answers an {@link ErasureRequested} with an {@link ErasureReceipt}. */
    public static final List<String> HOLDING_PERSONAL_DATA = List.of(GATEWAY, PROFILE, RANKING, ARTWORK, CONSENT);

    private Services() {
    }
}

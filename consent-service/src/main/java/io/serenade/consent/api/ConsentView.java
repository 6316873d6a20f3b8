package io.serenade.consent.api;

import java.time.Instant;
import java.util.List;

/**
 * A user's current consent for every purpose, in the order of {@code Purposes.ALL}.
 *
 * @param policyVersion the policy version in force now; a purpose answered under an older one shows that one
 */
public record ConsentView(String userId, String policyVersion, List<PurposeConsent> purposes) {

    /** NOT_SET (never answered, counts as not granted) has no policy version and no update time. */
    public static final String NOT_SET = "NOT_SET";

    /** @param state GRANTED, DENIED, WITHDRAWN or NOT_SET */
    public record PurposeConsent(String purpose, String state, String policyVersion, Instant updatedAt) {
    }
}

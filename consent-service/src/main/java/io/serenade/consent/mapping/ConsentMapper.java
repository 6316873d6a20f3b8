package io.serenade.consent.mapping;

import io.serenade.consent.api.ConsentView;
import io.serenade.consent.api.LedgerEntry;
import io.serenade.consent.model.ConsentRecord;
import io.serenade.events.ConsentState;
import io.serenade.events.Purposes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ledger rows ↔ API views and events of consent-service. */
public final class ConsentMapper {

    private ConsentMapper() {
    }

    public static ConsentRecord record(String userId, String purpose, ConsentState state, String policyVersion,
                                       String source, Instant at) {
        ConsentRecord r = new ConsentRecord();
        r.userId = userId;
        r.purpose = purpose;
        r.state = state.name();
        r.policyVersion = policyVersion;
        r.source = source;
        r.recordedAt = at;
        return r;
    }

    /** Every purpose, answered or NOT_SET, in the order of {@link Purposes#ALL}. */
    public static ConsentView toView(String userId, String policyVersion, Map<String, ConsentRecord> latestByPurpose) {
        List<ConsentView.PurposeConsent> purposes = Purposes.ALL.stream().map(p -> {
            ConsentRecord r = latestByPurpose.get(p);
            return r == null ? new ConsentView.PurposeConsent(p, ConsentView.NOT_SET, null, null)
                    : new ConsentView.PurposeConsent(p, r.state, r.policyVersion, r.recordedAt);
        }).toList();
        return new ConsentView(userId, policyVersion, purposes);
    }

    /** The answered purposes only: in an event, an absent purpose reads as not granted. */
    public static Map<String, ConsentState> toStates(Map<String, ConsentRecord> latestByPurpose) {
        Map<String, ConsentState> states = new LinkedHashMap<>();
        latestByPurpose.forEach((purpose, r) -> states.put(purpose, ConsentState.valueOf(r.state)));
        return states;
    }

    public static LedgerEntry toEntry(ConsentRecord r) {
        return new LedgerEntry(r.id, r.purpose, r.state, r.policyVersion, r.source, r.recordedAt);
    }
}

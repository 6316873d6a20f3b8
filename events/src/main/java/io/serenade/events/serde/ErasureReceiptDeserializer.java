package io.serenade.events.serde;

import io.serenade.events.ErasureReceipt;

/** Reads {@link ErasureReceipt} values. */
public class ErasureReceiptDeserializer extends EventDeserializer<ErasureReceipt> {
    public ErasureReceiptDeserializer() {
        super(ErasureReceipt.class);
    }
}

package io.serenade.artwork.policy;

/**
 * The learned state a decision reads. Implementations are immutable snapshots on the request path (the service
 * swaps a new one in after each reload) or plain mutable models in a simulation; policies only read.
 */
public interface BanditModel {

    /** The arm's Beta statistics; {@link BetaStats#NONE} for an arm never shown. */
    BetaStats stats(String armId);

    /** The shared contextual model, or null when none is kept. */
    LinearModel linear();
}

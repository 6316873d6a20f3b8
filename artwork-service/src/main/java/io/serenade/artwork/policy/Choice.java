package io.serenade.artwork.policy;

/**
 * A policy's pick: the index of the chosen arm in the candidate list, and the probability with which the
 * policy would pick it in this situation (logged with the impression, so rewards can be reweighted offline).
 */
public record Choice(int index, double propensity) {
}

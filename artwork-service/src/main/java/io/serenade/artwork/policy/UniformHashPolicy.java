package io.serenade.artwork.policy;

import java.util.List;

/**
 * Uniform over a title's variants, but deterministic per (user, title): the pick is a stable hash of both, so a
 * user sees the same image on every visit and every replica (no flicker), while across users each variant is
 * shown with probability 1/k.
 */
public final class UniformHashPolicy implements ArtworkPolicy {

    public static final String NAME = "uniform-hash";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Choice choose(String userId, String titleId, List<Arm> arms, ChoiceContext context) {
        int k = arms.size();
        int index = (int) Long.remainderUnsigned(hash(userId, titleId), k);
        return new Choice(index, 1.0 / k);
    }

    /**
     * FNV-1a over both strings with a separator ("ab"+"c" and "a"+"bc" differ), then the SplitMix64 finalizer:
     * FNV alone leaves the low bits, which the remainder uses, poorly mixed. String.hashCode would be stable
     * too, but 32 bits of it cluster for ids that differ only in their last characters.
     */
    static long hash(String userId, String titleId) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, userId);
        h = (h ^ 0xff) * 0x100000001b3L;
        h = fnv(h, titleId);
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}

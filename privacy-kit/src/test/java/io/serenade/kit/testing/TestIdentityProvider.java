package io.serenade.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in for the OIDC provider in a service's tests: an RSA key made for this test run, whose public half the
 * service verifies tokens with (no provider to reach), and whose private half {@link ServiceTokens} signs with. The
 * private key goes through a system property: the test and this resource may not share a class loader.
 * Register it once per module ({@code @QuarkusTestResource(TestIdentityProvider.class)}); it applies to every test.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String PRIVATE_KEY_PROPERTY = "serenade.test.identity.private-key";
    static final String ISSUER = "https://identity.serenade.test";

    @Override
    public Map<String, String> start() {
        KeyPair keys = keys();
        return Map.of("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // The key stays for the JVM: later test classes of the module restart Quarkus with the same one.
    }

    static synchronized KeyPair keys() {
        String encoded = System.getProperty(PRIVATE_KEY_PROPERTY);
        if (encoded != null) {
            return decode(encoded);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                    + "." + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair decode(String encoded) {
        try {
            String[] parts = encoded.split("\\.");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

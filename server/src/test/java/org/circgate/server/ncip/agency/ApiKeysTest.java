package org.circgate.server.ncip.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    @DisplayName("Keys are 24-128 URL-safe characters, so they travel unchanged in path, query and header")
    void form() {
        assertThat(ApiKeys.isWellFormed("a".repeat(24))).isTrue();
        assertThat(ApiKeys.isWellFormed("Ab9._~-".repeat(18))).isTrue();
        assertThat(ApiKeys.isWellFormed("a".repeat(23))).isFalse();
        assertThat(ApiKeys.isWellFormed("a".repeat(129))).isFalse();
        assertThat(ApiKeys.isWellFormed("a".repeat(24) + "/")).isFalse();
        assertThat(ApiKeys.isWellFormed("a".repeat(24) + " ")).isFalse();
        assertThat(ApiKeys.isWellFormed(null)).isFalse();
    }

    @Test
    @DisplayName("Keys are stored as sha256: digests (secrets hashed at rest); the digest is stable for re-imports")
    void digest() {
        String hash = ApiKeys.hash("demo-ncip-key-change-me-0001");
        assertThat(hash).startsWith("sha256:").hasSize(71).isEqualTo(ApiKeys.hash("demo-ncip-key-change-me-0001"));
        assertThat(ApiKeys.isHash(hash)).isTrue();
        assertThat(hash).doesNotContain("demo");
        assertThat(ApiKeys.hash("demo-ncip-key-change-me-0002")).isNotEqualTo(hash);
        assertThat(ApiKeys.isHash("sha256:XYZ")).isFalse();
    }
}

package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.gateway.identity.ApiKeyProperties.Entry;
import cn.chongchuan.safetycredit.gateway.identity.ApiKeys;
import cn.chongchuan.safetycredit.gateway.identity.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeysTest {

    // printf %s test-key-ajj-enforcement-0003 | sha256sum
    private static final String AJJ_HASH = "c80631aa2e89d786aedc94f481564f4738ce44e90c3222846e6f6db31949892e";

    @Test
    void hashesKeysLikeSha256sum() {
        assertThat(ApiKeys.sha256Hex("test-key-ajj-enforcement-0003")).isEqualTo(AJJ_HASH);
    }

    @Test
    void aConfiguredKeyAuthenticatesItsDepartmentWithItsRoles() {
        ApiKeys keys = ApiKeys.of(List.of(
                new Entry(AJJ_HASH.toUpperCase(), "AJJ", List.of("ENFORCEMENT", "PARTNER"), "AJJ system"),
                new Entry(ApiKeys.sha256Hex("other"), "AWB", List.of("ADMIN"), null)));

        assertThat(keys.authenticate("test-key-ajj-enforcement-0003"))
                .contains(new Caller("AJJ", List.of("ENFORCEMENT", "PARTNER"), "AJJ system"));
        assertThat(keys.authenticate("other")).hasValueSatisfying(c -> assertThat(c.department()).isEqualTo("AWB"));
        assertThat(keys.authenticate("test-key-ajj-enforcement-0004")).isEmpty();
        assertThat(keys.authenticate(AJJ_HASH)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void aPlainKeyInPlaceOfItsHashStopsStartUp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeys.of(List.of(new Entry("my-secret-key", "AJJ", List.of("ENFORCEMENT"), null))))
                .withMessageContaining("gateway.api-keys[0].sha256").withMessageNotContaining("my-secret-key");
    }

    @Test
    void unknownRolesMissingRolesAndServiceRoleAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeys.of(List.of(new Entry(AJJ_HASH, "AJJ", List.of("ROOT"), null))))
                .withMessageContaining("ROOT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeys.of(List.of(new Entry(AJJ_HASH, "AJJ", List.of(), null))))
                .withMessageContaining("roles");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeys.of(List.of(new Entry(AJJ_HASH, "credit-service", List.of("SERVICE"), null))));
    }

    @Test
    void theSameHashTwiceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeys.of(List.of(new Entry(AJJ_HASH, "AJJ", List.of("PARTNER"), null),
                        new Entry(AJJ_HASH, "ZJJ", List.of("PARTNER"), null))))
                .withMessageContaining("twice");
    }
}

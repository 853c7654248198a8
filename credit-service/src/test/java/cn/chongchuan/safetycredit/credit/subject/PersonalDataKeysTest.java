package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.CreditServiceApplication;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start without real keys for personal ID numbers outside the local profile. */
class PersonalDataKeysTest {

    private static SpringApplicationBuilder app(String profile, String... properties) {
        return new SpringApplicationBuilder(CreditServiceApplication.class).profiles(profile)
                .properties("server.port=0", "spring.jmx.enabled=false", "credit.relay.enabled=false",
                        "security.internal-token.secret=" + TestTokens.SECRET)
                .properties(properties);
    }

    @Test
    void withoutKeysTheServiceDoesNotStart() {
        assertThatThrownBy(() -> app("test").run().close())
                .satisfies(e -> assertThat(rootMessage(e)).contains("credit.personal-data.hmac-key"));
    }

    @Test
    void theDevelopmentKeysAreRefusedOutsideTheLocalProfile() {
        assertThatThrownBy(() -> app("test",
                "credit.personal-data.hmac-key=" + PersonalDataConfiguration.DEV_HMAC_KEY,
                "credit.personal-data.encryption-key=" + PersonalDataConfiguration.DEV_ENCRYPTION_KEY).run().close())
                .satisfies(e -> assertThat(rootMessage(e)).contains("only in the 'local' profile"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

package cn.chongchuan.safetycredit.platform.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How Spring Boot binds the token properties from the environment, as the Deployments set them. */
class InternalTokenPropertiesBindingTest {

    private static final String OTHER_SECRET = "cm90YXRpb24tdGVzdC11bmtub3duLWludGVybmFsLWszMg==";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InternalTokenProperties.class)
    static class Properties {
    }

    /** Spring Boot's rule (dots become {@code _}, dashes are dropped) and its legacy form (dashes become {@code _}). */
    @ParameterizedTest
    @ValueSource(strings = {"SECURITY_INTERNALTOKEN_PREVIOUSSECRETS", "SECURITY_INTERNAL_TOKEN_PREVIOUS_SECRETS"})
    void aCommaSeparatedVariableBindsThePreviousSecrets(String variable) {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(environment(Map.of(
                        "SECURITY_INTERNAL_TOKEN_SECRET", TestTokens.NEXT_SECRET,
                        variable, TestTokens.SECRET + "," + OTHER_SECRET))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    InternalTokenProperties properties = context.getBean(InternalTokenProperties.class);
                    assertThat(properties.secret()).isEqualTo(TestTokens.NEXT_SECRET);
                    assertThat(properties.previousSecrets()).containsExactly(TestTokens.SECRET, OTHER_SECRET);
                    assertThat(properties.issuer()).isEqualTo("safety-credit-gateway");
                    assertThat(properties.ttl()).isEqualTo(Duration.ofSeconds(60));
                });
    }

    /**
     * A mix of both forms binds nothing: {@code SECURITY_INTERNAL_TOKEN_SECRET} works because
     * {@code internal-token} is in the legacy form and {@code secret} has no dash, but the same
     * spelling of {@code previous-secrets} is silently ignored.
     */
    @Test
    void theMixedSpellingBindsNothing() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(environment(Map.of(
                        "SECURITY_INTERNAL_TOKEN_SECRET", TestTokens.NEXT_SECRET,
                        "SECURITY_INTERNAL_TOKEN_PREVIOUSSECRETS", TestTokens.SECRET))))
                .run(context -> assertThat(context.getBean(InternalTokenProperties.class).previousSecrets()).isEmpty());
    }

    @Test
    void withoutTheVariableThereIsNoPreviousSecret() {
        runner.withPropertyValues("security.internal-token.secret=" + TestTokens.SECRET)
                .run(context -> assertThat(context.getBean(InternalTokenProperties.class).previousSecrets()).isEmpty());
    }

    @Test
    void anEmptyVariableMeansNoPreviousSecret() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(environment(Map.of(
                        "SECURITY_INTERNAL_TOKEN_SECRET", TestTokens.SECRET,
                        "SECURITY_INTERNALTOKEN_PREVIOUSSECRETS", ""))))
                .run(context -> assertThat(context.getBean(InternalTokenProperties.class).previousSecrets()).isEmpty());
    }

    @Test
    void aBadPreviousSecretStopsTheStartNamingTheProperty() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        runner.withPropertyValues("security.internal-token.secret=" + TestTokens.SECRET,
                        "security.internal-token.previous-secrets=" + OTHER_SECRET + "," + shortKey)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessage("security.internal-token.previous-secrets[1] must decode to at least 32 bytes, not 16"));
        runner.withPropertyValues("security.internal-token.secret=" + TestTokens.SECRET,
                        "security.internal-token.previous-secrets=not*base64")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessage("security.internal-token.previous-secrets[0] is not valid base64"));
    }

    private static SystemEnvironmentPropertySource environment(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
    }
}

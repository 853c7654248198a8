package cn.chongchuan.safetycredit.sanction.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint rule on its own (no lookups: every host here is an address literal or a refused name). */
class EndpointPolicyTest {

    private static EndpointPolicy policy(boolean allowHttp, String... allowed) {
        return new EndpointPolicy(new EndpointProperties(allowHttp, List.of(allowed)));
    }

    @Test
    void outsideTheLocalRunOnlyHttpsIsAccepted() {
        assertThat(policy(false).refusalOf("https://93.184.216.34/notices")).isEmpty();
        assertThat(policy(false).refusalOf("http://93.184.216.34/notices")).contains("must be an https URL");
        assertThat(policy(true).refusalOf("http://93.184.216.34/notices")).isEmpty();
        assertThat(policy(true).refusalOf("ftp://93.184.216.34/notices")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:8081/actuator/env", "https://[::1]/", "https://0.0.0.0:8082/",
            "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://100.64.0.1/",
            "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/latest/meta-data/",
            "https://[fc00::1]/", "https://[fe80::1]/", "https://224.0.0.1/", "https://[::ffff:127.0.0.1]/",
            "https://metadata.google.internal/computeMetadata/v1/", "https://METADATA.google.internal./"})
    void internalAndMetadataAddressesAreRefused(String url) {
        assertThat(policy(true).refusalOf(url)).as(url).isPresent();
    }

    @Test
    void theMetadataServiceIsNamedAsSuch() {
        assertThat(policy(false).refusalOf("https://169.254.169.254/latest/meta-data/").orElseThrow())
                .contains("cloud metadata");
        assertThat(policy(false).refusalOf("https://[fd00:ec2::254]/").orElseThrow()).contains("cloud metadata");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(policy(false).refusalOf("https://user:secret@93.184.216.34/notices"))
                .contains("must not contain credentials (user:password@)");
    }

    @Test
    void theOperatorsAllowListAdmitsNamedHostsAndRanges() {
        EndpointPolicy policy = policy(true, "10.20.0.0/16", "127.0.0.1", "metadata.google.internal");
        assertThat(policy.refusalOf("https://10.20.3.4/notices")).isEmpty();
        assertThat(policy.refusalOf("https://10.21.3.4/notices")).isPresent();
        assertThat(policy.refusalOf("http://127.0.0.1:9000/partners/FGW/notices")).isEmpty();
        assertThat(policy.refusalOf("http://127.0.0.2:9000/")).isPresent();
        assertThat(policy.refusalOf("https://metadata.google.internal/")).isEmpty();
    }

    @Test
    void theSettingsBindFromTheEnvironmentVariablesTheDocsName() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SANCTION_ENDPOINTS_ALLOWHTTP", "true",
                "SANCTION_ENDPOINTS_ALLOWEDHOSTS", "127.0.0.1, 10.20.0.0/16"));
        EndpointProperties bound = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("sanction.endpoints", EndpointProperties.class);
        assertThat(bound.allowHttp()).isTrue();
        assertThat(bound.allowedHosts()).containsExactly("127.0.0.1", "10.20.0.0/16");
        assertThat(new Binder().bindOrCreate("sanction.endpoints", EndpointProperties.class))
                .isEqualTo(new EndpointProperties(false, List.of()));
    }
}

package cn.chongchuan.safetycredit.e2e.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the manifests give a service (its {@code env} and the ConfigMaps of
 * its {@code envFrom}) sets a configuration property that service really has — no dead settings —,
 * and every setting the service cannot start or work without is set, the secret ones from a Secret
 * that {@code secrets.example.yaml} documents. Read against the built jars (./mvnw package first).
 */
class ManifestEnvironmentTest {

    /**
     * What each service needs from its environment in Kubernetes, and whether the value is secret.
     * Found in the code: InternalTokenProperties (the token key), CheckConfiguration (the receipt
     * key pair), PersonalDataProperties (the personal-data keys), SecretCipher (sanction-service's
     * encryption key); the database, Redis and the other services' addresses, whose defaults are
     * 127.0.0.1; the management address, loopback by default, where the kubelet's probes could not
     * reach it; the gateway's API-key file.
     */
    static final Map<String, Map<String, Boolean>> REQUIRED = Map.of(
            "credit-service", requirements(
                    "spring.datasource.url", false, "spring.datasource.username", true, "spring.datasource.password", true,
                    "spring.data.redis.host", false, "spring.data.redis.password", true,
                    "security.internal-token.secret", true,
                    "credit.check.signing-private-key", true, "credit.check.signing-public-key", false,
                    "credit.personal-data.hmac-key", true, "credit.personal-data.encryption-key", true,
                    "credit.relay.url", false, "credit.check.measures.url", false,
                    "management.server.address", false),
            "sanction-service", requirements(
                    "spring.datasource.url", false, "spring.datasource.username", true, "spring.datasource.password", true,
                    "spring.data.redis.host", false, "spring.data.redis.password", true,
                    "security.internal-token.secret", true,
                    "sanction.secrets.encryption-key", true,
                    "management.server.address", false),
            "gateway", requirements(
                    "spring.data.redis.host", false, "spring.data.redis.password", true,
                    "security.internal-token.secret", true,
                    "gateway.credit-urls", false, "gateway.sanction-urls", false,
                    "spring.config.import", false));

    private static final Manifests MANIFESTS = Manifests.deployed();

    @ParameterizedTest
    @ValueSource(strings = {"credit-service", "sanction-service", "gateway"})
    void everyVariableSetsAPropertyOfTheService(String service) {
        Map<String, Manifests.Variable> environment = MANIFESTS.environment(MANIFESTS.get("Deployment", service));
        environment.keySet().forEach(variable -> System.out.printf("%s: %s -> %s%n", service, variable,
                properties(service).boundBy(variable).orElse("NOTHING")));
        assertThat(deadVariables(service, environment.keySet()))
                .as("variables of %s that set no property of its jar", service).isEmpty();
    }

    @Test
    void aMadeUpVariableIsFoundDead() {
        List<String> variables = new ArrayList<>(MANIFESTS.environment(MANIFESTS.get("Deployment", "credit-service")).keySet());
        variables.addAll(List.of("CREDIT_RELAY_URI", "CREDIT_CHECK_SIGNING_PRIVATEKEYS", "SPRING_DATASOURCE_PASWORD"));
        assertThat(deadVariables("credit-service", variables))
                .containsExactly("CREDIT_RELAY_URI", "CREDIT_CHECK_SIGNING_PRIVATEKEYS", "SPRING_DATASOURCE_PASWORD");
    }

    @Test
    void bothFormsOfAVariableNameBind() {
        ServiceProperties credit = properties("credit-service");
        assertThat(credit.boundBy("SECURITY_INTERNAL_TOKEN_SECRET")).contains("security.internal-token.secret");
        assertThat(credit.boundBy("SECURITY_INTERNALTOKEN_SECRET")).contains("security.internal-token.secret");
        assertThat(credit.boundBy("SECURITY_INTERNALTOKEN_PREVIOUSSECRETS")).contains("security.internal-token.previous-secrets");
        assertThat(credit.boundBy("SECURITY_INTERNAL_TOKEN_PREVIOUS_SECRETS")).contains("security.internal-token.previous-secrets");
        assertThat(credit.boundBy("SECURITY_INTERNAL_TOKEN_PREVIOUSSECRETS")).as("a mix of both forms").isEmpty();
        assertThat(properties("gateway").boundBy("GATEWAY_APIKEYS_0_SHA256")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"credit-service", "sanction-service", "gateway"})
    void everySettingTheServiceRequiresIsSetAndSecretsComeFromSecrets(String service) {
        Map<String, Manifests.Variable> environment = MANIFESTS.environment(MANIFESTS.get("Deployment", service));
        ServiceProperties properties = properties(service);
        Map<String, Manifests.Variable> byProperty = new HashMap<>();
        environment.values().forEach(variable -> properties.boundBy(variable.name())
                .ifPresent(property -> byProperty.put(property, variable)));

        REQUIRED.get(service).forEach((property, secret) -> {
            assertThat(byProperty).as("%s needs %s", service, property).containsKey(property);
            if (secret) {
                assertThat(byProperty.get(property).fromSecret())
                        .as("%s's %s (%s) must come from a Secret", service, property, byProperty.get(property).name()).isTrue();
            }
        });
        assertThat(environment.keySet()).as("placeholders of %s's application.yml without a default", service)
                .containsAll(properties.placeholdersWithoutDefault());
    }

    @Test
    void theGatewayKeyFileIsMountedFromASecret() {
        Manifests.Document deployment = MANIFESTS.get("Deployment", "gateway");
        String file = MANIFESTS.environment(deployment).get("SPRING_CONFIG_IMPORT").value().replaceFirst("^file:", "");
        Map<String, Object> container = Manifests.container(deployment);
        String volume = Manifests.list(container, "volumeMounts").stream().map(Manifests::cast)
                .filter(mount -> Path.of(file).getParent().equals(Path.of((String) mount.get("mountPath"))))
                .map(mount -> (String) mount.get("name")).findFirst().orElseThrow(() -> new AssertionError(file + " is on no volume"));
        Map<String, Object> podSpec = Manifests.map(Manifests.map(Manifests.map(deployment.content(), "spec"), "template"), "spec");
        Map<String, Object> source = Manifests.list(podSpec, "volumes").stream().map(Manifests::cast)
                .filter(v -> volume.equals(v.get("name"))).findFirst().orElseThrow();
        String secret = (String) Manifests.map(source, "secret").get("secretName");
        assertThat(secret).as("the volume of %s", file).isNotNull();
        assertThat(exampleKeys(secret)).contains(Path.of(file).getFileName().toString());
    }

    @Test
    void everySecretKeyReferencedIsInTheExample() {
        Map<String, List<String>> referenced = new LinkedHashMap<>();
        for (Manifests.Document deployment : MANIFESTS.ofKind("Deployment")) {
            MANIFESTS.environment(deployment).values().stream().filter(Manifests.Variable::fromSecret).forEach(variable ->
                    referenced.computeIfAbsent(variable.secretName(), name -> new ArrayList<>()).add(variable.secretKey()));
        }
        assertThat(referenced).isNotEmpty();
        referenced.forEach((secret, keys) -> assertThat(exampleKeys(secret)).as("keys of Secret %s", secret).containsAll(keys));
        for (Manifests.Document ingress : MANIFESTS.ofKind("Ingress")) {
            for (Object tls : Manifests.list(Manifests.map(ingress.content(), "spec"), "tls")) {
                assertThat(exampleKeys((String) Manifests.cast(tls).get("secretName"))).contains("tls.crt", "tls.key");
            }
        }
    }

    /** The variables that set nothing the service reads, in their order. */
    static List<String> deadVariables(String service, Iterable<String> variables) {
        ServiceProperties properties = properties(service);
        List<String> dead = new ArrayList<>();
        variables.forEach(variable -> {
            if (properties.boundBy(variable).isEmpty()) {
                dead.add(variable);
            }
        });
        return dead;
    }

    private static final Map<String, ServiceProperties> JARS = new HashMap<>();

    static synchronized ServiceProperties properties(String service) {
        return JARS.computeIfAbsent(service, name -> {
            Path jar = Manifests.root().resolve(name).resolve("target").resolve(name + ".jar");
            assertThat(jar).as("build first: ./mvnw -B -DskipTests package").exists();
            return ServiceProperties.of(jar);
        });
    }

    private static List<String> exampleKeys(String secret) {
        Manifests.Document example = Manifests.secretsExample().get("Secret", secret);
        List<String> keys = new ArrayList<>(Manifests.map(example.content(), "stringData").keySet());
        keys.addAll(Manifests.map(example.content(), "data").keySet());
        return keys;
    }

    private static Map<String, Boolean> requirements(Object... pairs) {
        Map<String, Boolean> requirements = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            requirements.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return requirements;
    }
}

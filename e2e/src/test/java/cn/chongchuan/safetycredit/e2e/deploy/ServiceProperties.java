package cn.chongchuan.safetycredit.e2e.deploy;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The configuration properties one service knows, read from its built jar: the metadata of every
 * {@code @ConfigurationProperties} type in it (Spring Boot's, Spring Cloud's, the libraries' and the
 * service's own, {@code META-INF/spring-configuration-metadata.json} and the
 * {@code additional-…} files), the keys of its {@code application.yml} and the {@code ${VAR}}
 * placeholders there. Whether an environment variable sets one of them is decided by Spring
 * Boot's own relaxed binding of environment variables.
 */
final class ServiceProperties {

    /** Variables the JVM itself reads (docs/operations.md, "Images"): options, not Spring properties. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Set<String> CONTAINER_TYPES = Set.of("java.util.Map", "java.util.List", "java.util.Set",
            "java.util.Collection");

    /** Property names whose value is a map, list or array: a variable may name an entry below them. */
    private final Set<ConfigurationPropertyName> containers = new LinkedHashSet<>();
    private final Set<ConfigurationPropertyName> properties = new LinkedHashSet<>();
    /** Placeholder name → whether it has a default. */
    private final Map<String, Boolean> placeholders = new HashMap<>();

    private ServiceProperties() {
    }

    static ServiceProperties of(Path jar) {
        ServiceProperties known = new ServiceProperties();
        try (InputStream in = Files.newInputStream(jar)) {
            known.read(new ZipInputStream(in), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        if (known.properties.isEmpty()) {
            throw new IllegalStateException(jar + " holds no configuration metadata");
        }
        return known;
    }

    private void read(ZipInputStream zip, boolean outer) throws IOException {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            if (outer && name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                read(new ZipInputStream(new ByteArrayInputStream(zip.readAllBytes())), false);
            } else if (name.endsWith("META-INF/spring-configuration-metadata.json")
                    || name.endsWith("META-INF/additional-spring-configuration-metadata.json")) {
                readMetadata(zip.readAllBytes());
            } else if (outer && name.equals("BOOT-INF/classes/application.yml")) {
                readApplicationYaml(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private void readMetadata(byte[] json) {
        JsonNode metadata = JsonMapper.shared().readTree(json);
        for (String section : List.of("properties", "groups")) {
            for (JsonNode property : metadata.path(section)) {
                Optional.ofNullable(ConfigurationPropertyName.ofIfValid(property.path("name").asString()))
                        .ifPresent(name -> add(name, property.path("type").asString(""), section.equals("properties")));
            }
        }
    }

    private void add(ConfigurationPropertyName name, String type, boolean property) {
        if (type.endsWith("[]") || CONTAINER_TYPES.stream().anyMatch(type::startsWith)) {
            containers.add(name);
        } else if (property) {
            properties.add(name);
        }
    }

    private void readApplicationYaml(String yaml) {
        Matcher placeholder = PLACEHOLDER.matcher(yaml);
        while (placeholder.find()) {
            placeholders.merge(placeholder.group(1), placeholder.group(2) != null, Boolean::logicalAnd);
        }
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            flatten("", document);
        }
    }

    private void flatten(String prefix, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child));
        } else if (value instanceof List<?> list) {
            Optional.ofNullable(ConfigurationPropertyName.ofIfValid(prefix)).ifPresent(containers::add);
        } else {
            Optional.ofNullable(ConfigurationPropertyName.ofIfValid(prefix)).ifPresent(properties::add);
        }
    }

    /**
     * The {@code ${NAME}} placeholders of application.yml that have no default and name no property
     * the file itself sets: required from the environment.
     */
    Set<String> placeholdersWithoutDefault() {
        Set<String> required = new LinkedHashSet<>();
        placeholders.forEach((name, hasDefault) -> {
            ConfigurationPropertyName property = ConfigurationPropertyName.ofIfValid(name);
            boolean setInFile = property != null && (properties.contains(property) || containers.contains(property));
            if (!hasDefault && !setInFile) {
                required.add(name);
            }
        });
        return required;
    }

    /**
     * The property an environment variable sets, as Spring Boot binds it (relaxed binding of
     * {@code systemEnvironment}: {@code SECURITY_INTERNAL_TOKEN_SECRET} and
     * {@code SECURITY_INTERNALTOKEN_SECRET} both set {@code security.internal-token.secret}), or a
     * placeholder of application.yml it fills; empty when the service reads it nowhere.
     */
    Optional<String> boundBy(String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return Optional.of("the JVM's options");
        }
        if (placeholders.containsKey(variable)) {
            return Optional.of("${" + variable + "}");
        }
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
        for (ConfigurationPropertyName name : properties) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return Optional.of(name.toString());
            }
        }
        for (ConfigurationPropertyName name : containers) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return Optional.of(name.toString());
            }
        }
        return Optional.empty();
    }
}

package cn.chongchuan.safetycredit.e2e.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kubernetes manifests of {@code deploy/kubernetes}, read as plain YAML documents. */
final class Manifests {

    /** One document of a manifest file. */
    record Document(Path file, Map<String, Object> content) {

        String apiVersion() {
            return (String) content.get("apiVersion");
        }

        String kind() {
            return (String) content.get("kind");
        }

        String name() {
            return (String) map(content, "metadata").get("name");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    /** A variable a container's environment gets: a literal, a Secret's key, or a ConfigMap entry. */
    record Variable(String name, String value, String secretName, String secretKey, boolean optional) {

        boolean fromSecret() {
            return secretName != null;
        }
    }

    static final String KUSTOMIZATION = "kustomization.yaml";
    static final String SECRETS_EXAMPLE = "secrets.example.yaml";

    private final List<Document> documents;

    private Manifests(List<Document> documents) {
        this.documents = documents;
    }

    static Path root() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    }

    static Path directory() {
        return root().resolve("deploy/kubernetes");
    }

    /** Every manifest file of the directory but the kustomization. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployed manifests: every file but the Secrets' example. */
    static Manifests deployed() {
        return of(files().stream().filter(f -> !f.getFileName().toString().equals(SECRETS_EXAMPLE)).toList());
    }

    static Manifests secretsExample() {
        return of(List.of(directory().resolve(SECRETS_EXAMPLE)));
    }

    static Manifests of(List<Path> files) {
        List<Document> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                documents.addAll(parse(file, Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Manifests(documents);
    }

    /** The documents of one YAML text (empty documents skipped). */
    @SuppressWarnings("unchecked")
    static List<Document> parse(Path file, String yaml) {
        List<Document> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(new Document(file, (Map<String, Object>) document));
            }
        }
        return documents;
    }

    List<Document> documents() {
        return documents;
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.kind())).toList();
    }

    Document get(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.kind()) && name.equals(d.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + directory()));
    }

    /** The (single) container of a Deployment's pod template. */
    static Map<String, Object> container(Document deployment) {
        List<Object> containers = list(map(map(map(deployment.content(), "spec"), "template"), "spec"), "containers");
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " should have exactly one container");
        }
        return cast(containers.get(0));
    }

    /**
     * Every variable a Deployment's container gets, in the order Kubernetes applies them: the
     * ConfigMaps of {@code envFrom} first, then {@code env}, which overrides them.
     */
    Map<String, Variable> environment(Document deployment) {
        Map<String, Object> container = container(deployment);
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (Object source : list(container, "envFrom")) {
            Map<String, Object> from = cast(source);
            if (!from.containsKey("configMapRef") || from.containsKey("prefix")) {
                throw new AssertionError(deployment + ": only envFrom configMapRef without prefix is understood here");
            }
            Document configMap = get("ConfigMap", (String) map(from, "configMapRef").get("name"));
            map(configMap.content(), "data").forEach((name, value) ->
                    variables.put(name, new Variable(name, String.valueOf(value), null, null, false)));
        }
        for (Object entry : list(container, "env")) {
            Map<String, Object> env = cast(entry);
            String name = (String) env.get("name");
            if (env.containsKey("valueFrom")) {
                Map<String, Object> ref = map(map(env, "valueFrom"), "secretKeyRef");
                if (ref.isEmpty()) {
                    throw new AssertionError(deployment + ": " + name + " comes from something other than a secretKeyRef");
                }
                variables.put(name, new Variable(name, null, (String) ref.get("name"), (String) ref.get("key"),
                        Boolean.TRUE.equals(ref.get("optional"))));
            } else {
                variables.put(name, new Variable(name, String.valueOf(env.get("value")), null, null, false));
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }
}

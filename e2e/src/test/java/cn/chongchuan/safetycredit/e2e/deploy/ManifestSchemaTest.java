package cn.chongchuan.safetycredit.e2e.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest of {@code deploy/kubernetes} is a valid object of the Kubernetes API version
 * {@link KubernetesSchema#KUBERNETES_VERSION}, offline (no cluster, no download), and the
 * kustomization lists exactly the deployed files.
 */
class ManifestSchemaTest {

    static List<Path> manifestFiles() {
        return Manifests.files();
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void everyDocumentIsAValidKubernetesObject(Path file) {
        List<Manifests.Document> documents = Manifests.of(List.of(file)).documents();
        assertThat(documents).as(file + " holds no object").isNotEmpty();
        assertThat(documents).flatMap(KubernetesSchema::problems).isEmpty();
    }

    @Test
    void aMisspeltFieldIsRefused() throws IOException {
        assertThat(problemsOf(edited("credit-service.yaml", "  replicas: 2\n", "  replica: 2\n")))
                .singleElement().asString().contains("Deployment credit-service", "`replica`");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws IOException {
        assertThat(problemsOf(edited("credit-service.yaml", "containerPort: 8081", "containerPort: \"x\"")))
                .singleElement().asString().contains("Deployment credit-service", "\"x\"");
        assertThat(problemsOf(edited("credit-service.yaml", "containerPort: 8081", "containerPort: \"8081\"")))
                .singleElement().asString().contains("Deployment credit-service", "wrong type");
    }

    @Test
    void aMissingRequiredFieldIsRefused() throws IOException {
        // A container without its name.
        assertThat(problemsOf(edited("gateway.yaml", "        - name: gateway\n          image:", "        - image:")))
                .singleElement().asString().contains("Deployment gateway", "`name`");
    }

    @Test
    void anUnknownKindIsRefused() {
        Manifests.Document document = new Manifests.Document(Path.of("x.yaml"),
                Map.of("apiVersion", "apps/v1", "kind", "Deployment2", "metadata", Map.of("name", "x")));
        assertThat(KubernetesSchema.problems(document)).singleElement().asString().contains("Deployment2");
    }

    @Test
    void theKustomizationListsEveryDeployedFile() throws IOException {
        Manifests.Document kustomization = Manifests.parse(Manifests.directory().resolve(Manifests.KUSTOMIZATION),
                Files.readString(Manifests.directory().resolve(Manifests.KUSTOMIZATION))).getFirst();
        List<String> deployed = Manifests.files().stream().map(f -> f.getFileName().toString())
                .filter(name -> !name.equals(Manifests.SECRETS_EXAMPLE)).toList();
        assertThat(Manifests.list(kustomization.content(), "resources")).containsExactlyInAnyOrderElementsOf(deployed);
    }

    private static String edited(String file, String from, String to) throws IOException {
        String text = Files.readString(Manifests.directory().resolve(file));
        assertThat(text).as("the edit's anchor in " + file).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static List<String> problemsOf(String yaml) {
        return Manifests.parse(Path.of("edited.yaml"), yaml).stream().flatMap(d -> KubernetesSchema.problems(d).stream()).toList();
    }
}

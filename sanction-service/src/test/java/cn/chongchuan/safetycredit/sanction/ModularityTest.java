package cn.chongchuan.safetycredit.sanction;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The feature packages are application modules: each uses only what the others publish (their base
 * package, and the notice module's {@code domain} package, published as a named interface), only
 * the modules its {@code package-info} allows, and no two depend on each other in a cycle. The
 * module documentation in docs/modules/sanction-service is written from the same model, so it
 * cannot drift from the code.
 */
class ModularityTest {

    private static final Path DOCUMENTATION = Path.of("../docs/modules/sanction-service");

    private final ApplicationModules modules = ApplicationModules.of(SanctionServiceApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublishedApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
                .writeDocumentation();
        try (Stream<Path> diagrams = Files.list(DOCUMENTATION)) {
            for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, withRelationsSorted(Files.readAllLines(diagram)));
            }
        }
    }

    /**
     * The Documenter lists a diagram's relations in no fixed order; sorted, the committed files change
     * only when the modules do.
     */
    private static List<String> withRelationsSorted(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            sorted.addAll(relations);
            relations.clear();
            sorted.add(line);
        }
        relations.sort(null);
        sorted.addAll(relations);
        return sorted;
    }
}

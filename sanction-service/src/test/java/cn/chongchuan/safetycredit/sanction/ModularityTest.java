package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.platform.testing.ModuleDocumentation;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.nio.file.Path;

/**
 * The feature packages are application modules: each uses only what the others publish (their base
 * package, and the notice module's {@code domain} package, published as a named interface), only
 * the modules its {@code package-info} allows, and no two depend on each other in a cycle. The
 * module documentation in docs/modules/sanction-service is written from the same model, and this
 * test fails when the committed files are not what the code gives.
 */
class ModularityTest {

    private static final Path DOCUMENTATION = Path.of("../docs/modules/sanction-service");

    private final ApplicationModules modules = ApplicationModules.of(SanctionServiceApplication.class);

    @Test
    void modulesUseOnlyEachOthersPublishedApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGives() {
        ModuleDocumentation.check(modules, DOCUMENTATION);
    }
}

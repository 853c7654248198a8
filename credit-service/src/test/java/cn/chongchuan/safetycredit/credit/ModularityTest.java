package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.platform.testing.ModuleDocumentation;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are application modules: each uses only what the others publish (their
 * base package, and a {@code domain} package they publish as a named interface), and no two depend
 * on each other in a cycle. The module documentation in docs/modules/credit-service is written
 * from the same model, and this test fails when the committed files are not what the code gives.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CreditServiceApplication.class);

    @Test
    void featureModulesOnlyUseEachOthersPublishedApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void theReadModelsAndTheSubjectPageDependOnTheModulesNotTheOtherWayRound() {
        assertThat(modules.getModuleByName("subject").orElseThrow().getDependencies(modules).uniqueModules()
                .map(m -> m.getIdentifier().toString()))
                .doesNotContain("listing", "violation", "profile");
    }

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGives() {
        ModuleDocumentation.check(modules, Path.of("../docs/modules/credit-service"));
    }
}

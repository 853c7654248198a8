package cn.chongchuan.safetycredit.credit;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are application modules: each uses only what the others publish (their
 * base package, and a {@code domain} package they publish as a named interface), and no two depend
 * on each other in a cycle. The module documentation is written from the same model: into
 * target/spring-modulith-docs on every run, and into docs/modules/credit-service with
 * {@code -Dmodulith.docs=../docs/modules/credit-service} (README, "Layout"), since the generator
 * orders some lines differently from run to run.
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
    void writesTheModuleDocumentation() {
        String folder = System.getProperty("modulith.docs", "target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation();
    }
}

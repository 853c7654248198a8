package cn.chongchuan.safetycredit.credit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "cn.chongchuan.safetycredit.credit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainRulesAreFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .and().doNotHaveSimpleName("package-info") // may publish the package as a module's named interface
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                    "jakarta..", "tools.jackson..")
            .because("the rules of the domain are plain Java, testable without a context");

    @ArchTest
    static final ArchRule controllersDoNotTalkToMappers = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Mapper")
                    .and(JavaClass.Predicates.resideInAPackage("cn.chongchuan..")))
            .because("controllers go through a service where the rules live");

    /** One owner per table: a mapper is used only in its own module (other modules ask that module's services). */
    @ArchTest
    static final ArchRule noModuleReadsAnotherModulesMapper = classes()
            .that().haveSimpleNameEndingWith("Mapper").and().areInterfaces()
            .should(beUsedOnlyInTheirOwnModule());

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnModule() {
        return new ArchCondition<>("be used only in their own module") {
            @Override
            public void check(JavaClass mapper, ConditionEvents events) {
                mapper.getDirectDependenciesToSelf().stream()
                        .filter(d -> !module(d.getOriginClass()).equals(module(mapper)))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    /** The feature module a class belongs to: the first package below the service's root. */
    private static String module(JavaClass type) {
        String below = type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length()));
        int dot = below.indexOf('.', 1);
        return dot < 0 ? below : below.substring(0, dot);
    }

    private static final String ROOT = "cn.chongchuan.safetycredit.credit";
}

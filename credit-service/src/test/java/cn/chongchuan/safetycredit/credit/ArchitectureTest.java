package cn.chongchuan.safetycredit.credit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "cn.chongchuan.safetycredit.credit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainRulesAreFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                    "jakarta..", "tools.jackson..")
            .because("the rules of the domain are plain Java, testable without a context");

    @ArchTest
    static final ArchRule controllersDoNotTalkToMappers = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Mapper")
                    .and(JavaClass.Predicates.resideInAPackage("cn.chongchuan..")))
            .because("controllers go through a service where the rules live");

    @ArchTest
    static final ArchRule noFeatureReadsAnotherFeaturesMapper = noClasses()
            .that().resideOutsideOfPackage("..outbox..")
            .should().dependOnClassesThat().haveFullyQualifiedName("cn.chongchuan.safetycredit.credit.outbox.OutboxMapper");
}

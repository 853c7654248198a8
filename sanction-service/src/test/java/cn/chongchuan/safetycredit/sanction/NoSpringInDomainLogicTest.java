package cn.chongchuan.safetycredit.sanction;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the domain (schedule, verdicts, signatures, fan-out plan, deadlines) stay plain Java;
 * they may use the shared working-day calendar, plain Java too (platform's CalendarArchitectureTest).
 */
@AnalyzeClasses(packages = "cn.chongchuan.safetycredit.sanction", importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringInDomainLogicTest {

    @ArchTest
    static final ArchRule domainLogicDependsOnNoFramework = classes().that().resideInAPackage("..domain..")
            .and().doNotHaveSimpleName("package-info") // may publish the package as a module's named interface
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "..sanction..domain..",
                    "cn.chongchuan.safetycredit.platform.calendar");

    @ArchTest
    static final ArchRule controllersNeverCallMappers = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");
}

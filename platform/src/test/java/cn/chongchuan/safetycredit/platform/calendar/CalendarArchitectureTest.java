package cn.chongchuan.safetycredit.platform.calendar;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The calendar's rules are plain Java, like every domain package of the services that use them. */
@AnalyzeClasses(packages = "cn.chongchuan.safetycredit.platform.calendar", importOptions = ImportOption.DoNotIncludeTests.class)
class CalendarArchitectureTest {

    @ArchTest
    static final ArchRule theCalendarDependsOnNoFramework = classes()
            .that().resideInAPackage("cn.chongchuan.safetycredit.platform.calendar")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.chongchuan.safetycredit.platform.calendar");
}

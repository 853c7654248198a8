package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table: a MyBatis mapper is used only inside its own module; every other module asks
 * that module's published services. Modulith's verification ({@link ModularityTest}) says the same of
 * any internal type; this rule holds for every mapper even where it is declared, by mistake, in a
 * module's published package.
 */
@AnalyzeClasses(packages = "cn.chongchuan.safetycredit.sanction", importOptions = ImportOption.DoNotIncludeTests.class)
class MapperOwnershipTest {

    private static final String ROOT = "cn.chongchuan.safetycredit.sanction";

    @ArchTest
    static final ArchRule noModuleReadsAnotherModulesMapper = classes().that().areAnnotatedWith(Mapper.class)
            .should(beUsedOnlyInTheirOwnModule())
            .because("a module's tables are read and written through its own services");

    /** The rule itself: a class outside the notice module that reads the notice module's mapper. */
    @Test
    void aClassReadingAnotherModulesMapperBreaksTheRule() {
        var classes = new ClassFileImporter().importClasses(NoticeMapper.class, ReadsTheNoticeTables.class);

        assertThat(noModuleReadsAnotherModulesMapper.evaluate(classes).hasViolation()).isTrue();
    }

    /** A class outside the notice module reading its tables itself, as the fan-out once read the departments'. */
    static final class ReadsTheNoticeTables {

        private final NoticeMapper notices;

        ReadsTheNoticeTables(NoticeMapper notices) {
            this.notices = notices;
        }

        boolean knows(long listingId) {
            return notices.findCaseByListingId(listingId).isPresent();
        }
    }

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

    /** The module a class belongs to: the first package below the service's root ("" for the root itself). */
    private static String module(JavaClass type) {
        String below = type.getPackageName().length() > ROOT.length()
                ? type.getPackageName().substring(ROOT.length() + 1) : "";
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }
}

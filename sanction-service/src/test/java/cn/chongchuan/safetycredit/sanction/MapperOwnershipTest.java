package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table: a MyBatis mapper is used only inside its own module; every other module asks
 * that module's published services. Modulith's verification ({@link ModularityTest}) says the same
 * of any internal type; this rule holds for every {@code @Mapper} wherever it is declared, even in a
 * module's published package by mistake.
 */
class MapperOwnershipTest {

    private static final String ROOT = "cn.chongchuan.safetycredit.sanction";

    @Test
    void noModuleReadsAnotherModulesMapper() {
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);

        assertThat(usesOfOtherModulesMappers(service)).isEmpty();
        assertThat(service.stream().filter(type -> type.isAnnotatedWith(Mapper.class))).as("mappers found").isNotEmpty();
    }

    /** The rule itself: a class outside the notice module that reads the notice module's mapper. */
    @Test
    void aClassReadingAnotherModulesMapperBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(NoticeMapper.class, ReadsTheNoticeTables.class);

        assertThat(usesOfOtherModulesMappers(classes)).isNotEmpty()
                .allSatisfy(use -> assertThat(use).contains(ReadsTheNoticeTables.class.getSimpleName()));
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

    /** Every access to a mapper from a class of another module (or of none), described by ArchUnit. */
    private static List<String> usesOfOtherModulesMappers(JavaClasses classes) {
        return classes.stream().filter(type -> type.isAnnotatedWith(Mapper.class))
                .flatMap(mapper -> mapper.getDirectDependenciesToSelf().stream()
                        .filter(use -> !module(use.getOriginClass()).equals(module(mapper))))
                .map(Dependency::getDescription)
                .toList();
    }

    /** The module a class belongs to: the first package below the service's root ("" for the root itself). */
    private static String module(JavaClass type) {
        String below = type.getPackageName().length() > ROOT.length()
                ? type.getPackageName().substring(ROOT.length() + 1) : "";
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }
}

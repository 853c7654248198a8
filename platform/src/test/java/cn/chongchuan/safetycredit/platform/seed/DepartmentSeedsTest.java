package cn.chongchuan.safetycredit.platform.seed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentSeedsTest {

    @Test
    void readsTheRepositorysSeedFile() {
        Path file = Path.of("..", "seeds", "departments.yaml");
        List<DepartmentSeed> departments = DepartmentSeeds.read(() -> Files.newInputStream(file), file.toString());

        assertThat(departments).extracting(DepartmentSeed::code).contains("AWB", "AJJ", "FGW", "XZSPJ");
        assertThat(departments.getFirst()).isEqualTo(new DepartmentSeed("AWB", "区安委办", "崇川区安全生产委员会办公室", List.of("ADMIN")));
        assertThat(departments).filteredOn(d -> d.hasRole("ADMIN")).hasSize(1);
    }

    @Test
    void refusesAnEntryEveryReaderWouldReadDifferently() {
        assertThatThrownBy(() -> read("departments:\n  - code: A\n    roles: [ADMIN]\n"))
                .hasMessage("test: departments[0].name is required");
        assertThatThrownBy(() -> read("departments:\n  - code: A\n    name: a\n    roles: [BOSS]\n"))
                .hasMessageStartingWith("test: departments[0].roles names BOSS, not one of");
        assertThatThrownBy(() -> read("departments:\n  - {code: A, name: a, roles: [ADMIN]}\n  - {code: A, name: b, roles: [PARTNER]}\n"))
                .hasMessage("test: departments[1].code A is given twice");
        assertThatThrownBy(() -> read("measures: []\n")).hasMessage("test has no 'departments' list");
    }

    private static List<DepartmentSeed> read(String yaml) {
        return DepartmentSeeds.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }
}

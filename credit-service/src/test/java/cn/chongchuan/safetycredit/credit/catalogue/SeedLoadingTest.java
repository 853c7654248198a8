package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class SeedLoadingTest {

    @Autowired
    CatalogueService catalogue;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsLoadTheNineCriteriaTheDepartmentsAndTheChecklistOnceEvenWhenLoadedAgain() {
        catalogue.loadSeeds();
        catalogue.loadSeeds();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM criterion", Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department", Integer.class)).isEqualTo(17);
        assertThat(catalogue.criterion("OM11-02").orElseThrow().countThreshold()).isEqualTo(2);
        assertThat(catalogue.criterion("OM11-05").orElseThrow().listsUnit()).isFalse();
        assertThat(catalogue.criterion("OM11-08").orElseThrow().enabled()).isFalse();
        assertThat(catalogue.departmentName("XZSPJ")).isEqualTo("区行政审批局");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checklist_item", Integer.class)).isEqualTo(9);
        assertThat(catalogue.checklist().getFirst().code()).isEqualTo("CL-01");
        assertThat(catalogue.checklist().getFirst().title()).isEqualTo("主体责任");
    }

    @Test
    void aChangedSeedEntryUpdatesTheRowWithoutDuplicating() {
        jdbc.update("UPDATE criterion SET title = 'stale' WHERE code = 'OM11-01'");

        catalogue.loadSeeds();

        assertThat(catalogue.criterion("OM11-01").orElseThrow().title())
                .startsWith("发生特别重大、重大生产安全事故的生产经营单位及其主要负责人");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM criterion WHERE code = 'OM11-01'", Integer.class)).isEqualTo(1);
    }
}

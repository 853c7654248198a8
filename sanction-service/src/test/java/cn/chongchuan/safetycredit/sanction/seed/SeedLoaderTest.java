package cn.chongchuan.safetycredit.sanction.seed;

import cn.chongchuan.safetycredit.sanction.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class SeedLoaderTest {

    @Autowired
    SeedLoader seeds;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadingAgainChangesOnlyWhatTheFilesSayAndKeepsAdminSettings() {
        int departments = jdbc.queryForObject("SELECT COUNT(*) FROM department", Integer.class);
        int measures = jdbc.queryForObject("SELECT COUNT(*) FROM measure", Integer.class);
        jdbc.update("UPDATE measure SET title = 'edited' WHERE code = 'M-CZJ-01'");
        jdbc.update("UPDATE department SET contact = '0513-1234', name = 'renamed' WHERE code = 'CZJ'");

        seeds.loadSeeds();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department", Integer.class)).isEqualTo(departments);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM measure", Integer.class)).isEqualTo(measures);
        assertThat(jdbc.queryForObject("SELECT title FROM measure WHERE code = 'M-CZJ-01'", String.class))
                .isEqualTo("限制参加政府采购活动");
        assertThat(jdbc.queryForMap("SELECT name, contact FROM department WHERE code = 'CZJ'"))
                .containsEntry("name", "区财政局").containsEntry("contact", "0513-1234");
    }
}

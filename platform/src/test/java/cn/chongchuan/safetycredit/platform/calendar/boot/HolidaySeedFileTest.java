package cn.chongchuan.safetycredit.platform.calendar.boot;

import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidaySeedFileTest {

    @Test
    void theShippedFileHoldsTheYears2020To2026EachWithItsNotice() {
        List<HolidayYear> years = HolidaySeedFile.read(new FileSystemResource("../seeds/holidays.yaml"));

        assertThat(years).extracting(HolidayYear::year).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        HolidayYear y2025 = years.get(5);
        assertThat(y2025.source()).isEqualTo("国办发明电〔2024〕12号");
        assertThat(y2025.holidays().getLast().name()).isEqualTo("国庆节、中秋节");
        assertThat(y2025.holidays().getLast().from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(y2025.holidays().getLast().to()).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(y2025.holidays().getLast().workingDays())
                .containsExactly(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(years.get(0).source()).contains("国办发明电〔2019〕16号", "国办发明电〔2020〕1号");
    }

    @Test
    void aBadFileStopsTheStartNamingEveryEntryAtFault() {
        var file = new ByteArrayResource("""
                years:
                  - year: 2031
                    source: 测试
                    holidays:
                      - name: 春节
                        from: 2031-01-22
                        to: 2031-01-28
                        workingDays: [2031-01-21]
                  - year: 2031
                    source: 测试
                    holidays:
                      - name: 元旦
                        from: 2031-01-01
                        to: 2031-01-01
                  - year: 2032
                    holidays:
                      - name: 元旦
                        from: 2032-01-01
                        to: 2032-01-01
                """.getBytes(StandardCharsets.UTF_8), "holidays.yaml");

        assertThatThrownBy(() -> HolidaySeedFile.read(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("years[0].holidays[0].workingDays[0] is a Tuesday")
                .hasMessageContaining("years[1].year 2031 is given twice (also years[0])")
                .hasMessageContaining("years[2].source is required");
    }
}

package cn.chongchuan.safetycredit.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadTest {

    @Test
    void textCellsAreQuotedAndFormulasDefused() {
        assertThat(CsvDownload.cell("崇川\"甲\"公司")).isEqualTo("\"崇川\"\"甲\"\"公司\"");
        assertThat(CsvDownload.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvDownload.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvDownload.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvDownload.cell("@SUM")).isEqualTo("\"'@SUM\"");
        assertThat(CsvDownload.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(CsvDownload.cell("")).isEqualTo("\"\"");
        assertThat(CsvDownload.cell(null)).isEmpty();
    }

    @Test
    void aFileIsUtf8WithAByteOrderMarkAndCrlfRows() {
        ResponseEntity<byte[]> file = CsvDownload.withHeader(List.of("名称", "数")).row(List.of(CsvDownload.cell("甲"), "1"))
                .attachment("x.csv");

        assertThat(new String(file.getBody(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF名称,数\r\n\"甲\",1\r\n");
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"x.csv\"");
    }
}

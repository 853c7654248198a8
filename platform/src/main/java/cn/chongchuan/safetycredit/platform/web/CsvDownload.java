package cn.chongchuan.safetycredit.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CSV files the services hand out (the public blacklist, the repeat report), built one way:
 * UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese text, CRLF rows, every
 * text cell quoted, and a cell a spreadsheet would take for a formula (starting with = + - @, tab
 * or carriage return) defused with a leading apostrophe (CSV injection).
 */
public final class CsvDownload {

    private final StringBuilder csv = new StringBuilder("\uFEFF");

    private CsvDownload() {
    }

    /** A file whose first row is these column titles. */
    public static CsvDownload withHeader(List<String> titles) {
        CsvDownload download = new CsvDownload();
        download.csv.append(String.join(",", titles)).append("\r\n");
        return download;
    }

    /** Appends a row of cells that are already CSV (numbers, or text passed through {@link #cell}). */
    public CsvDownload row(List<String> cells) {
        csv.append(cells.stream().collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    /** The answer: an attachment of this name. */
    public ResponseEntity<byte[]> attachment(String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A text cell, quoted and defused; empty for {@code null}. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

package cn.chongchuan.safetycredit.credit.followup;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Repeat violations by area: per administrative area (USCC characters 3–8) and criterion, the cases
 * decided in each month of the period, how many of them repeat an earlier case of the area within
 * the window, and whether the row is flagged (at least one repeat).
 */
public record RepeatReport(YearMonth from, YearMonth to, int windowMonths, String department, String area,
                           String criterion, List<String> months, List<Row> rows) {

    public record Row(String areaCode, String criterionCode, String criterionTitle, Map<String, Integer> counts,
                      int total, int repeats, boolean flagged) {
    }
}

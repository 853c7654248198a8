package cn.chongchuan.safetycredit.platform.calendar;

import cn.chongchuan.safetycredit.platform.calendar.InvalidHolidayYearException.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules a year's arrangement must keep, each named by the field at fault. */
class HolidayYearTest {

    private static Holiday holiday(String name, String from, String to, String... workingDays) {
        return new Holiday(name, LocalDate.parse(from), LocalDate.parse(to),
                Arrays.stream(workingDays).map(LocalDate::parse).toList());
    }

    private static List<Violation> violations(Integer year, String source, List<Holiday> holidays) {
        return catchThrowableOfType(InvalidHolidayYearException.class, () -> HolidayYear.of(year, source, holidays))
                .violations();
    }

    @Test
    void aYearAsTheNoticeWritesItIsAccepted() {
        HolidayYear year = new HolidayYear(2025, " 国办发明电〔2024〕12号 ", List.of(
                holiday("春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"),
                holiday("端午节", "2025-05-31", "2025-06-02")));

        assertThat(year.source()).isEqualTo("国办发明电〔2024〕12号");
        assertThat(year.daysOff()).hasSize(11).containsEntry(LocalDate.of(2025, 5, 31), "端午节");
        assertThat(year.workingWeekendDays()).containsOnlyKeys(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8));
    }

    @Test
    void aMissingOrImpossibleYearAndAMissingSourceAreNamed() {
        assertThat(violations(null, " ", List.of(holiday("元旦", "2031-01-01", "2031-01-01"))))
                .extracting(Violation::field).containsExactly("year", "source");
        assertThat(violations(1999, "x", List.of(holiday("元旦", "1999-01-01", "1999-01-01"))))
                .containsExactly(new Violation("year", "must be between 2000 and 2099"));
        assertThat(violations(2031, "x", List.of())).extracting(Violation::field).containsExactly("holidays");
        assertThat(violations(2031, "x", null)).extracting(Violation::field).containsExactly("holidays");
    }

    @Test
    void aDayOutsideTheYearIsRefused() {
        assertThat(violations(2031, "x", List.of(
                holiday("元旦", "2030-12-31", "2031-01-01"),
                holiday("春节", "2031-01-22", "2031-01-28", "2030-12-28"))))
                .containsExactly(new Violation("holidays[0].from", "is not in 2031"),
                        new Violation("holidays[1].workingDays[0]", "is not in 2031"));
    }

    @Test
    void aWorkingDayMustBeAWeekendDayThatIsNotADayOffAndListedOnce() {
        List<Violation> found = violations(2031, "x", List.of(
                holiday("春节", "2031-01-22", "2031-01-28", "2031-01-21", "2031-01-25", "2031-02-08"),
                holiday("劳动节", "2031-05-01", "2031-05-05", "2031-02-08")));

        assertThat(found).extracting(Violation::field).containsExactly("holidays[0].workingDays[0]",
                "holidays[0].workingDays[1]", "holidays[1].workingDays[0]");
        assertThat(found.get(0).reason()).startsWith("is a Tuesday, a working day already");
        assertThat(found.get(1).reason()).startsWith("is also a day off (holidays[0])");
        assertThat(found.get(2).reason()).isEqualTo("is listed twice (also holidays[0].workingDays[2])");
    }

    @Test
    void periodsMustBeInOrderShortAndApartAndNamedOnce() {
        List<Violation> found = violations(2031, "x", List.of(
                holiday("春节", "2031-01-28", "2031-01-22"),
                holiday("劳动节", "2031-05-01", "2031-05-20"),
                holiday("国庆节", "2031-10-01", "2031-10-07"),
                holiday("中秋节", "2031-10-06", "2031-10-08"),
                holiday("国庆节", "2031-11-01", "2031-11-01"),
                new Holiday(" ", null, LocalDate.of(2031, 12, 1), null)));

        assertThat(found).extracting(Violation::field).containsExactly("holidays[0].to", "holidays[1].to",
                "holidays[3].from", "holidays[4].name", "holidays[5].name", "holidays[5].from");
        assertThat(found.get(1).reason()).isEqualTo("makes a holiday of 20 days; at most 15");
        assertThat(found.get(2).reason()).startsWith("overlaps holidays[2] (国庆节)");
    }

    @Test
    void aHolidayOnAWeekendIsFine() {
        assertThat(new HolidayYear(2026, "国办发明电〔2025〕7号", List.of(holiday("清明节", "2026-04-04", "2026-04-06")))
                .daysOff()).hasSize(3);
    }

    @Test
    void theCanonicalConstructorKeepsTheRulesToo() {
        assertThatThrownBy(() -> new HolidayYear(2031, "x", List.of(holiday("元旦", "2032-01-01", "2032-01-01"))))
                .isInstanceOf(InvalidHolidayYearException.class).hasMessage("holidays[0].from is not in 2031; "
                        + "holidays[0].to is not in 2031");
    }
}

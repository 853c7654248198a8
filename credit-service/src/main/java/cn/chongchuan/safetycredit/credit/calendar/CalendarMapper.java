package cn.chongchuan.safetycredit.credit.calendar;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The years the credit office added or corrected, and the history of its actions. */
@Mapper
interface CalendarMapper {

    List<YearRow> findYears();

    Optional<YearRow> findYear(int year);

    /** The year's row, locked until the transaction ends (one change of a year at a time). */
    Optional<YearRow> lockYear(int year);

    void insertYear(YearRow row);

    /** Replaces the year if it is still at {@code expectedRevision}; returns the rows changed. */
    int updateYear(@Param("row") YearRow row, @Param("expectedRevision") int expectedRevision);

    void insertHistory(HistoryRow row);

    List<HistoryRow> findHistory(int year);

    /** A stored year: its arrangement as JSON (the holiday periods), who set it last and when. */
    record YearRow(int year, int revision, String source, String holidays, String setByDepartment, Instant setAt) {
    }

    /** One ADMIN action on a year. */
    record HistoryRow(Long id, int year, int revision, String kind, String source, String holidays,
                      String replacedSource, String replacedHolidays, String reason, String actorDepartment,
                      String actorRole, Instant setAt) {
    }
}

package cn.chongchuan.safetycredit.sanction.calendar.internal;

import org.apache.ibatis.annotations.Mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The years of the holiday calendar received from credit-service: the calendar_year table. */
@Mapper
public interface CalendarMapper {

    List<YearRow> findYears();

    /** The year's row, locked until the transaction ends. */
    Optional<YearRow> lockYear(int year);

    void insertYear(YearRow row);

    void updateYear(YearRow row);

    /** A received year: its arrangement as JSON, its revision in credit-service, the event that brought it. */
    record YearRow(int year, int revision, String source, String holidays, String setBy, Instant setAt, String eventId,
                   Instant receivedAt) {
    }
}

package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.credit.outbox.OutboxWriter;
import cn.chongchuan.safetycredit.platform.calendar.Holiday;

import java.time.Instant;
import java.util.List;

/**
 * The event that takes a year the credit office added or corrected to sanction-service, through
 * the outbox (docs/contracts.md): the whole arrangement, with its revision so that the receiver
 * keeps only the newest.
 */
record CalendarYearSet(String eventId, String eventType, Instant occurredAt, int year, int revision, String source,
                       List<Holiday> holidays, String setBy, String reason) implements OutboxWriter.EventPayload {

    static final String TYPE = "CALENDAR_YEAR_SET";

    @Override
    public CalendarYearSet withEventId(String id) {
        return new CalendarYearSet(id, eventType, occurredAt, year, revision, source, holidays, setBy, reason);
    }
}

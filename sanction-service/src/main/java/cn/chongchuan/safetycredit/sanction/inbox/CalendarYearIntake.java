package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.sanction.calendar.CalendarService;
import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEvent;
import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEventMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;

/** Takes in the calendar years credit-service sends, exactly once each (the event id, as for listing events). */
@Service
class CalendarYearIntake {

    private static final Logger log = LoggerFactory.getLogger(CalendarYearIntake.class);

    private final ReceivedEventMapper received;
    private final CalendarService calendar;
    private final Clock clock;

    CalendarYearIntake(ReceivedEventMapper received, CalendarService calendar, Clock clock) {
        this.received = received;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public ListingEventIntake.Receipt receiveCalendarYear(CalendarYearEvent event) {
        // A year that breaks the calendar's rules is malformed (400, parked by the sender), never half-kept.
        HolidayYear arrangement = HolidayYear.of(event.year(), event.source(), event.holidays());
        String eventId = event.eventId().toLowerCase(Locale.ROOT);
        if (received.insertIfAbsent(new ReceivedEvent(eventId, event.eventType(), "CALENDAR:" + arrangement.year(),
                clock.instant())) == 0) {
            log.info("calendar event {} already received", eventId);
            return ListingEventIntake.Receipt.ALREADY_RECEIVED;
        }
        calendar.storeYear(arrangement, event.revision(), eventId, event.setBy(), event.occurredAt());
        return ListingEventIntake.Receipt.ACCEPTED;
    }
}

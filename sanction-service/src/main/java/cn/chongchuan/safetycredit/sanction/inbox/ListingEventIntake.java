package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEvent;
import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEventMapper;
import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import cn.chongchuan.safetycredit.sanction.notice.SanctionFanOut;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Takes in listing events exactly once each: the event id is remembered in the same transaction as its notices. */
@Service
class ListingEventIntake {

    private static final Logger log = LoggerFactory.getLogger(ListingEventIntake.class);

    private final ReceivedEventMapper received;
    private final SanctionFanOut fanOut;
    private final Clock clock;

    ListingEventIntake(ReceivedEventMapper received, SanctionFanOut fanOut, Clock clock) {
        this.received = received;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    /** Whether the event was new (and fanned out) or a redelivery (and ignored). */
    enum Receipt { ACCEPTED, ALREADY_RECEIVED }

    @Transactional
    public Receipt receiveListingEvent(ListingEvent event) {
        if (!event.cause().fits(event.eventType())) {
            throw SanctionProblems.invalid("cause", "does not fit eventType " + event.eventType());
        }
        String eventId = event.normalisedEventId();
        // The primary key serialises concurrent redeliveries: the second waits, then inserts nothing.
        if (received.insertIfAbsent(new ReceivedEvent(eventId, event.eventType().name(), event.subjectKey(),
                clock.instant())) == 0) {
            log.info("listing event {} already received", eventId);
            return Receipt.ALREADY_RECEIVED;
        }
        if (event.eventType() == ListingEvent.EventType.LISTING_STARTED) {
            fanOut.startSanction(event);
        } else {
            fanOut.endSanction(event);
        }
        return Receipt.ACCEPTED;
    }
}

package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.EventRow;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The append-only history of a case's follow-up: every step adds an event, nothing is overwritten. */
@Component
class FollowUpHistory {

    /** The width of follow_up_event.detail: a long note is cut rather than failing the step it records. */
    private static final int DETAIL_MAX = 1000;

    private final FollowUpMapper mapper;
    private final FollowUpClock clock;

    FollowUpHistory(FollowUpMapper mapper, FollowUpClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    void append(long violationId, FollowUpEventKind kind, Actor actor, String detail) {
        String bounded = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
        mapper.insertEvent(new EventRow(null, violationId, kind, actor.department(), actor.role(), clock.now(), bounded));
    }

    List<EventRow> of(long violationId) {
        return mapper.findEvents(violationId);
    }
}

package cn.chongchuan.safetycredit.sanction.inbox.internal;

import org.apache.ibatis.annotations.Mapper;

import java.util.Optional;

/** The received_event table, owned by the inbox module. */
@Mapper
public interface ReceivedEventMapper {

    /** Remembers the event; returns 0 when it was already known (a redelivery). */
    int insertIfAbsent(ReceivedEvent event);

    Optional<ReceivedEvent> findByEventId(String eventId);
}

package cn.chongchuan.safetycredit.credit.outbox;

import org.apache.ibatis.annotations.Mapper;

import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox table, owned by credit-service. */
@Mapper
public interface OutboxMapper {

    void insert(OutboxEvent event);

    Optional<OutboxEvent> findByEventId(String eventId);

    /**
     * The next events due, at most one per subject (the oldest unpublished one, so a subject's events
     * go out in order), locked and skipping rows another relay instance is claiming.
     */
    List<OutboxEvent> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Leases claimed events to this relay: nobody else picks them before {@code until}. */
    void lease(@Param("ids") List<Long> ids, @Param("until") Instant until);

    void markPublished(@Param("id") long id, @Param("at") Instant at);

    void markFailed(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt, @Param("error") String error);

    void markParked(@Param("id") long id, @Param("at") Instant at, @Param("error") String error);

    /** The events waiting: not delivered and not parked, parked, and when the oldest waiting one was written. */
    Backlog backlog();

    record Backlog(long pending, long parked, Instant oldestPendingAt) {
    }

    /** Moves a subject's events to its new key (HMAC key rotation), so they still go out in order. */
    int rekeySubject(@Param("oldKey") String oldKey, @Param("newKey") String newKey);
}

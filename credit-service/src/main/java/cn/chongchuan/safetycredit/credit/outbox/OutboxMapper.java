package cn.chongchuan.safetycredit.credit.outbox;

import org.apache.ibatis.annotations.Mapper;

import java.util.Optional;

/** The outbox table, owned by credit-service. */
@Mapper
public interface OutboxMapper {

    void insert(OutboxEvent event);

    Optional<OutboxEvent> findByEventId(String eventId);
}

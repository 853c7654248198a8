package cn.chongchuan.safetycredit.sanction.delivery.internal;

import cn.chongchuan.safetycredit.sanction.delivery.DeliveryAttempt;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The delivery_attempt table, owned by the delivery module: one row per call made for a notice. */
@Mapper
public interface AttemptMapper {

    int insertAttempt(@Param("a") DeliveryAttempt attempt);

    List<DeliveryAttempt> findAttempts(@Param("noticeId") String noticeId);
}

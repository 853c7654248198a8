package cn.chongchuan.safetycredit.sanction.feedback.internal;

import cn.chongchuan.safetycredit.sanction.feedback.FeedbackEntry;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The notice_feedback table, owned by the feedback module. */
@Mapper
public interface FeedbackMapper {

    /** Records the outcome for a measure; a later report on the same measure replaces it. */
    int upsert(@Param("f") FeedbackEntry entry);

    List<FeedbackEntry> findByNotice(@Param("noticeId") String noticeId);

    List<FeedbackEntry> findByNotices(@Param("noticeIds") List<String> noticeIds);
}

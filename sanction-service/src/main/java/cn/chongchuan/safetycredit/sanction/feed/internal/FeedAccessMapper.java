package cn.chongchuan.safetycredit.sanction.feed.internal;

import cn.chongchuan.safetycredit.sanction.feed.FeedAccess;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The feed_access table, owned by the feed module. */
@Mapper
public interface FeedAccessMapper {

    int insert(@Param("a") FeedAccess access);

    /** Newest first; of one department's feed, or of all when {@code department} is null. */
    List<FeedAccess> find(@Param("department") String department, @Param("limit") int limit,
            @Param("offset") long offset);
}

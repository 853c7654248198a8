package cn.chongchuan.safetycredit.credit.check.cache;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisClusterNode.SlotRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One re-warm epoch per cluster master, each in a slot of its own master. */
class CheckCacheEpochKeysTest {

    @Test
    void eachMasterGetsAnEpochHashingIntoItsOwnSlots() {
        List<RedisClusterNode> masters = List.of(master("a", 0, 5460), master("b", 5461, 10922), master("c", 10923, 16383));

        List<String> keys = CheckCache.epochKeys(masters);

        assertThat(keys).hasSize(3).allMatch(key -> key.startsWith(CheckCache.EPOCH + "{"));
        for (int i = 0; i < 3; i++) {
            assertThat(masters.get(i).servesSlot(ClusterSlotHashUtil.calculateSlot(keys.get(i)))).as(keys.get(i)).isTrue();
        }
    }

    @Test
    void aMasterWithOneSlotStillGetsItsEpoch() {
        String key = CheckCache.epochKeyIn(new SlotRange(12_345, 12_345));

        assertThat(ClusterSlotHashUtil.calculateSlot(key)).isEqualTo(12_345);
    }

    @Test
    void replicasAndMastersWithoutSlotsHoldNoEpoch() {
        RedisClusterNode replica = RedisClusterNode.newRedisClusterNode().listeningAt("127.0.0.1", 7004).withId("r")
                .promotedAs(org.springframework.data.redis.connection.RedisNode.NodeType.REPLICA)
                .serving(new SlotRange(0, 5460)).build();
        RedisClusterNode empty = RedisClusterNode.newRedisClusterNode().listeningAt("127.0.0.1", 7005).withId("e")
                .promotedAs(org.springframework.data.redis.connection.RedisNode.NodeType.MASTER)
                .serving(SlotRange.empty()).build();

        assertThat(CheckCache.epochKeys(List.of(replica, empty))).isEmpty();
    }

    private static RedisClusterNode master(String id, int from, int to) {
        return RedisClusterNode.newRedisClusterNode().listeningAt("127.0.0.1", 7000 + from % 7).withId(id)
                .promotedAs(org.springframework.data.redis.connection.RedisNode.NodeType.MASTER)
                .serving(new SlotRange(from, to)).build();
    }
}

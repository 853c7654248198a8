package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The check cache on a three-master Redis Cluster ({@code spring.data.redis.cluster.nodes}). */
@ServiceTest
@TestPropertySource(properties = "devstack.redis.topology=cluster")
class CheckCacheOnRedisClusterTest extends CheckCacheTopologyTest {

    @Override
    void assertEntriesSpread(List<String> entries) {
        try (RedisClusterConnection cluster = redis.getConnectionFactory().getClusterConnection()) {
            assertThat(entries.stream().map(key -> cluster.clusterGetNodeForKey(key.getBytes()).getId()).distinct())
                    .as("masters holding the batch's entries").hasSize(3);
        }
    }

    /**
     * A master that restarts without its data (and without a replica to take over) loses its share
     * of the cache: the re-warm must notice it even when the epoch of another master survived.
     */
    @Test
    void aMasterThatCameBackEmptyIsNoticedWhereverTheEpochLives() {
        cache.claimEpoch();
        assertThat(cache.claimEpoch()).as("every epoch in place").isFalse();
        try (RedisClusterConnection cluster = redis.getConnectionFactory().getClusterConnection()) {
            RedisClusterNode holdingTheOldEpoch = cluster.clusterGetNodeForKey(CheckCache.EPOCH.getBytes());
            RedisClusterNode emptied = StreamSupport.stream(cluster.clusterGetNodes().spliterator(), false)
                    .filter(RedisClusterNode::isMaster)
                    .filter(node -> !node.getId().equals(holdingTheOldEpoch.getId()))
                    .findFirst().orElseThrow();

            cluster.serverCommands().flushAll(emptied);
        }

        assertThat(cache.claimEpoch()).as("the emptied master is seen").isTrue();
        assertThat(cache.claimEpoch()).as("and claimed once").isFalse();
    }
}

package cn.chongchuan.safetycredit.platform.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One page shape: the same members for every list, the total only where the list counts it. */
class PageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCountedPageSaysItsTotal() {
        assertThat(json.writeValueAsString(Page.counted(List.of("a"), 41, 2, 20)))
                .isEqualTo("{\"items\":[\"a\"],\"total\":41,\"page\":2,\"size\":20}");
    }

    @Test
    void anUncountedPageLeavesTheTotalOut() {
        assertThat(json.writeValueAsString(Page.uncounted(List.of(), 0, 50)))
                .isEqualTo("{\"items\":[],\"page\":0,\"size\":50}");
    }

    @Test
    void theOlderLimitIsTheSizeWhenNoSizeIsGiven() {
        assertThat(Paging.size(null, null, 100)).isEqualTo(100);
        assertThat(Paging.size(null, 7, 100)).isEqualTo(7);
        assertThat(Paging.size(5, 7, 100)).isEqualTo(5);
        assertThat(Paging.offset(3, 50)).isEqualTo(150L);
    }
}

package cn.chongchuan.safetycredit.credit.changes.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCursorTest {

    @Test
    void aPageEndsBeforeTheFirstChangeNotYetVisible() {
        assertThat(FeedCursor.contiguousCount(7, List.of(8L, 9L, 11L, 12L))).isEqualTo(2);
        assertThat(FeedCursor.contiguousEnd(7, List.of(8L, 9L, 11L, 12L))).isEqualTo(9);
    }

    @Test
    void aPageWhoseFirstChangeIsNotYetVisibleIsEmptyAndTheCursorStays() {
        assertThat(FeedCursor.contiguousCount(7, List.of(9L, 10L))).isZero();
        assertThat(FeedCursor.contiguousEnd(7, List.of(9L, 10L))).isEqualTo(7);
        assertThat(FeedCursor.contiguousEnd(7, List.of())).isEqualTo(7);
    }

    @Test
    void everyListingStateIsAKindOfChangeFromTheListingRegister() {
        for (ListingState state : ListingState.values()) {
            assertThat(ChangeKind.of(state).source()).isEqualTo(ChangeKind.Source.LISTING);
            assertThat(ChangeKind.of(state).name()).isEqualTo(state.name());
        }
        assertThat(ChangeKind.KEY_SUPERVISION.source()).isEqualTo(ChangeKind.Source.KEY_SUPERVISION);
        assertThat(ChangeKind.SUBJECT_REKEYED.source()).isEqualTo(ChangeKind.Source.SUBJECT_KEY);
    }
}

package cn.chongchuan.safetycredit.credit.listing.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingStateMachineTest {

    /** The lawful procedure, written out independently of the implementation's table. */
    private static final Map<ListingState, Set<ListingAction>> LEGAL = Map.of(
            ListingState.PROPOSED, Set.of(ListingAction.NOTIFY, ListingAction.DROP, ListingAction.REVOKE),
            ListingState.NOTIFIED, Set.of(ListingAction.DECIDE, ListingAction.DROP, ListingAction.REVOKE),
            ListingState.LISTED, Set.of(ListingAction.EXPIRE, ListingAction.APPROVE_REPAIR, ListingAction.REVOKE),
            ListingState.RESTORED, Set.of(ListingAction.EXPIRE, ListingAction.APPROVE_REPAIR, ListingAction.REVOKE),
            ListingState.REPAIRED, Set.of(ListingAction.REVOKE_REPAIR, ListingAction.REVOKE),
            ListingState.EXPIRED, Set.of(ListingAction.REVOKE),
            ListingState.DROPPED, Set.of(),
            ListingState.REVOKED, Set.of());

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (ListingState state : ListingState.values()) {
            for (ListingAction action : ListingAction.values()) {
                all.add(Arguments.of(state, action));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndAction")
    void everyLegalTransitionLeadsToItsStateAndEveryOtherIsRefused(ListingState state, ListingAction action) {
        if (LEGAL.get(state).contains(action)) {
            assertThat(ListingStateMachine.apply(state, action)).isEqualTo(action.target());
        } else {
            assertThatThrownBy(() -> ListingStateMachine.apply(state, action))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.current()).isEqualTo(state);
                        assertThat(e.allowed()).isEqualTo(LEGAL.get(state));
                        assertThat(e.getMessage()).contains(state.name());
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("everyStateAndAction")
    void onlyListedAndRestoredAreOnTheList(ListingState state, ListingAction ignored) {
        assertThat(state.isOnList()).isEqualTo(state == ListingState.LISTED || state == ListingState.RESTORED);
    }
}

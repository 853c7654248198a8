package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.catalogue.domain.CriterionSource;
import cn.chongchuan.safetycredit.credit.catalogue.domain.FactCondition;
import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listing guards its own rules, without a context: who decides, the defence period, repair, transitions. */
class ListingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    /** 2026 with its Labour Day holiday (1–5 May, 9 May worked). */
    private static final WorkingDayCalendar CALENDAR_2026 = WorkingDayCalendar.of(List.of(new HolidayYear(2026,
            "国办发明电〔2025〕7号", List.of(new Holiday("劳动节", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 5),
                    List.of(LocalDate.of(2026, 5, 9)))))));
    private static final WorkingDayCalendar WEEKDAYS = WorkingDayCalendar.weekdaysOnly();
    private static final Criterion OM11_01 = new Criterion("OM11-01", 1, "较大事故", "第六条第（一）项",
            CriterionSource.ORDER_11, FactCondition.NONE, List.of("AJJ"), true, true, false, null, null, true);
    private static final Requester AJJ = new Requester("AJJ", Set.of("ENFORCEMENT"));
    private static final Requester ZJJ = new Requester("ZJJ", Set.of("ENFORCEMENT"));
    private static final Requester AWB = new Requester("AWB", Set.of("ADMIN"));

    private final Listing proposed = withId(Listing.propose(ListingSubject.unit("91320602MA1XXXXX0Y", 7L), 11L,
            "OM11-01", "AJJ", NOW));

    @Test
    void onlyTheHoldingDepartmentInItsEnforcementRoleDecides() {
        proposed.requireDecidingDepartment(AJJ, OM11_01, true);

        assertThatThrownBy(() -> proposed.requireDecidingDepartment(AWB, OM11_01, true))
                .isInstanceOfSatisfying(NotDecidingDepartment.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("not-imposing-department");
                });
        assertThatThrownBy(() -> proposed.requireDecidingDepartment(ZJJ, OM11_01, false))
                .isInstanceOfSatisfying(NotDecidingDepartment.class, e -> {
                    assertThat(e.type()).isEqualTo("not-competent-department");
                    assertThat(e.facts()).containsEntry("decidingDepartment", "AJJ");
                });
    }

    @Test
    void aHolderTheCatalogueNoLongerNamesCompetentMayOnlyDrop() {
        Listing heldByZjj = new Listing(1L, proposed.subject(), 11L, "OM11-01", "ZJJ", ListingState.PROPOSED, NOW,
                null, null, null, 0, NOW);

        heldByZjj.requireDecidingDepartment(ZJJ, OM11_01, false);
        assertThatThrownBy(() -> heldByZjj.requireDecidingDepartment(ZJJ, OM11_01, true))
                .isInstanceOf(NotDecidingDepartment.class);
    }

    @Test
    void theDecisionWaitsForTheDefencePeriodUnlessWaived() {
        // Served on Thursday 30 April: the holiday does not count, Saturday 9 May does (6, 7, 8, 9, 11 May).
        LocalDate servedOn = LocalDate.of(2026, 4, 30);
        Listing notified = proposed.notifyParty(
                PartyNotice.served(servedOn, servedOn, ServiceMethod.DIRECT, TODAY, CALENDAR_2026, 5), NOW);
        assertThat(notified.notice().defenceDeadline()).isEqualTo(LocalDate.of(2026, 5, 11));

        assertThatThrownBy(() -> notified.requireDecidableOn(LocalDate.of(2026, 5, 11), false, () -> CALENDAR_2026, 5))
                .isInstanceOfSatisfying(DefencePeriodRunning.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
                    assertThat(e.facts()).containsEntry("defenceDeadline", "2026-05-11");
                });
        notified.requireDecidableOn(LocalDate.of(2026, 5, 11), true, () -> CALENDAR_2026, 5);
        notified.requireDecidableOn(LocalDate.of(2026, 5, 12), false, () -> CALENDAR_2026, 5);
        assertThatThrownBy(() -> notified.requireDecidableOn(LocalDate.of(2026, 4, 29), true, () -> CALENDAR_2026, 5))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID));
    }

    @Test
    void aDefencePeriodRunningIntoAYearTheCalendarLacksIsNotDecided() {
        Listing notified = proposed.notifyParty(
                PartyNotice.served(TODAY, TODAY, ServiceMethod.DIRECT, TODAY, WEEKDAYS, 5), NOW);

        assertThatThrownBy(() -> notified.requireDecidableOn(TODAY.plusDays(30), false, () -> WEEKDAYS, 5))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.type()).isEqualTo("calendar-year-missing");
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
                });
    }

    @Test
    void aNoticeIsNotServedBeforeItIsWrittenNorInTheFuture() {
        assertThatThrownBy(() -> PartyNotice.served(TODAY, TODAY.minusDays(1), ServiceMethod.POSTAL, TODAY, WEEKDAYS, 5))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.getMessage()).startsWith("servedOn"));
        assertThatThrownBy(() -> PartyNotice.served(TODAY.plusDays(1), TODAY.plusDays(1), ServiceMethod.POSTAL, TODAY, WEEKDAYS, 5))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.getMessage()).startsWith("noticeDate"));
    }

    @Test
    void aStepReturnsTheListingAfterItAndLeavesTheLoadedOneAsItWas() {
        Listing listed = decided(LocalDate.of(2025, 1, 10));

        assertThat(listed.state()).isEqualTo(ListingState.LISTED);
        assertThat(listed.decision().listedUntil()).isEqualTo(LocalDate.of(2028, 1, 10));
        assertThat(proposed.state()).isEqualTo(ListingState.PROPOSED);
        assertThatThrownBy(() -> proposed.decide("X", ListingPeriod.startingOn(TODAY, 3), NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void repairIsOpenAfterTwelveMonthsOnTheListOnly() {
        Listing recent = decided(TODAY.minusMonths(6));
        assertThatThrownBy(() -> recent.requireRepairable(TODAY, 12))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.type()).isEqualTo("repair-too-early");
                    assertThat(e.facts()).containsEntry("eligibleFrom", TODAY.plusMonths(6).toString());
                });
        assertThat(decided(TODAY.minusMonths(13)).requireRepairable(TODAY, 12)).isEqualTo(TODAY.minusMonths(1));
        assertThatThrownBy(() -> proposed.requireRepairable(TODAY, 12))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.type()).isEqualTo("not-listed"));
    }

    @Test
    void anExpiredListingIsNotRepairedEvenBeforeTheJobRan() {
        Listing overdue = decided(TODAY.minusYears(3).minusDays(1));
        assertThat(overdue.state()).isEqualTo(ListingState.LISTED);
        assertThat(overdue.stateOn(TODAY)).isEqualTo(ListingState.EXPIRED);

        assertThatThrownBy(() -> overdue.approveRepair(TODAY, NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(overdue.expire(NOW).endedOn()).isEqualTo(overdue.decision().listedUntil());
    }

    @Test
    void visibleToItsHolderTheReferringDepartmentAndTheCreditOffice() {
        assertThat(proposed.isVisibleTo(AJJ, java.util.Optional::empty)).isTrue();
        assertThat(proposed.isVisibleTo(AWB, java.util.Optional::empty)).isTrue();
        assertThat(proposed.isVisibleTo(ZJJ, java.util.Optional::empty)).isFalse();
        assertThat(proposed.isVisibleTo(ZJJ, () -> java.util.Optional.of("ZJJ"))).isTrue();
    }

    private Listing decided(LocalDate decisionDate) {
        Listing notified = proposed.notifyParty(PartyNotice.served(decisionDate.minusDays(20), decisionDate.minusDays(20),
                ServiceMethod.DIRECT, TODAY, WEEKDAYS, 5), NOW);
        return notified.decide("崇应急失信〔2025〕1号", ListingPeriod.startingOn(decisionDate, 3), NOW);
    }

    private static Listing withId(Listing listing) {
        return new Listing(1L, listing.subject(), listing.violationId(), listing.criterionCode(), listing.departmentCode(),
                listing.state(), listing.proposedAt(), listing.notice(), listing.decision(), listing.endedOn(),
                listing.version(), listing.updatedAt());
    }
}

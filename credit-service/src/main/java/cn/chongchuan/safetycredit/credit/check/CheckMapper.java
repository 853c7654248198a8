package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Keeps the per-subject versions, and reads the facts a check needs from the read contracts of
 * listing, subject, violation and followup (the *_read views of V14), never their tables.
 */
@Mapper
interface CheckMapper {

    /** Increments the subject's version (creating it at 1); row-locked until the listing change commits. */
    void bumpVersion(String subjectKey);

    List<VersionRow> findVersions(@Param("keys") Collection<String> keys);

    /** Listings that can still change an answer: proposed, notified, listed or restored. */
    List<FactRow> findRelevantListings(@Param("keys") Collection<String> keys);

    /** Every listing of the subjects (for answers at a past instant). */
    List<FactRow> findAllListings(@Param("keys") Collection<String> keys);

    /** The state transitions of the listings recorded at or before {@code asOf}. */
    List<TransitionRow> findTransitions(@Param("listingIds") Collection<Long> listingIds, @Param("asOf") Instant asOf);

    /** When the register's first listing event was recorded (null while it has none): what it covers. */
    Instant findRegisterSince();

    /** Subject keys of units whose USCC sorts after {@code after}, in that order: the re-warm's pages. */
    List<String> findUnitKeys(@Param("after") String after, @Param("limit") int limit);

    /** Subject keys of persons whose keyed hash sorts after {@code after}, in that order. */
    List<String> findPersonKeys(@Param("after") String after, @Param("limit") int limit);

    /** Key supervision of the subjects (一案五制) still running after {@code since}. */
    List<SupervisionRow> findKeySupervision(@Param("keys") Collection<String> keys, @Param("since") LocalDate since);

    record SupervisionRow(String subjectKey, LocalDate supervisionFrom, LocalDate supervisionUntil, String departmentCode,
            String caseNumber) {
    }

    record VersionRow(String subjectKey, long version) {
    }

    record FactRow(String subjectKey, long listingId, ListingState state, String criterionCode, String departmentCode,
            String decisionNumber, LocalDate listedFrom, LocalDate listedUntil) {

        ListingFact toFact() {
            return new ListingFact(listingId, state, criterionCode, departmentCode, decisionNumber, listedFrom, listedUntil);
        }
    }

    record TransitionRow(long id, long listingId, ListingState toState, Instant occurredAt) {
    }
}

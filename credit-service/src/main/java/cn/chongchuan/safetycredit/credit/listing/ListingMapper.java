package cn.chongchuan.safetycredit.credit.listing;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Listings and their history. */
@Mapper
interface ListingMapper {

    void insert(ListingRow listing);

    Optional<ListingRow> findById(long id);

    Optional<ListingRow> findByViolationAndSubject(@Param("violationId") long violationId, @Param("subjectKey") String subjectKey);

    /** Locks the row for the rest of the transaction. */
    Optional<ListingRow> lockById(long id);

    /** Writes the new state and dates if nobody changed the row since {@code version}; returns the rows updated. */
    int update(@Param("l") ListingRow listing, @Param("expectedVersion") int expectedVersion);

    List<ListingRow> findBySubject(String subjectKey);

    List<ListingRow> findByViolation(long violationId);

    List<ListingRow> search(@Param("department") String department, @Param("state") String state,
            @Param("limit") int limit, @Param("offset") int offset);

    /** Listings on the list whose period ended by {@code today}, locked, skipping rows another instance holds. */
    List<ListingRow> lockDueForExpiry(@Param("today") LocalDate today, @Param("limit") int limit);

    void insertEvent(ListingEventRow event);

    /** Moves a person's listings to its new subject key (HMAC key rotation). */
    int rekeySubject(@Param("oldKey") String oldKey, @Param("newKey") String newKey);

    List<ListingEventRow> findEvents(long listingId);

    void insertBackdating(BackdatingConfirmation confirmation);

    Optional<BackdatingConfirmation> findBackdating(@Param("listingId") long listingId, @Param("step") String step,
            @Param("stepDate") LocalDate stepDate);

    List<BackdatingConfirmation> findBackdatings(long listingId);
}

package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.listing.domain.Listing;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Listings and their history. */
@Mapper
interface ListingMapper {

    void insert(@Param("l") Listing listing, @Param("id") GeneratedId id);

    Optional<Listing> findById(long id);

    Optional<Listing> findByViolationAndSubject(@Param("violationId") long violationId, @Param("subjectKey") String subjectKey);

    /** Locks the row for the rest of the transaction. */
    Optional<Listing> lockById(long id);

    /** Writes the new state and dates if nobody changed the row since {@code version}; returns the rows updated. */
    int update(@Param("l") Listing listing, @Param("expectedVersion") int expectedVersion);

    List<Listing> findBySubject(String subjectKey);

    List<Listing> findByViolation(long violationId);

    List<Listing> search(@Param("department") String department, @Param("state") ListingState state,
            @Param("limit") int limit, @Param("offset") int offset);

    /** Listings on the list whose period ended by {@code today}, locked, skipping rows another instance holds. */
    List<Listing> lockDueForExpiry(@Param("today") LocalDate today, @Param("limit") int limit);

    void insertEvent(ListingEventRow event);

    /** Moves a person's listings to its new subject key (HMAC key rotation). */
    int rekeySubject(@Param("oldKey") String oldKey, @Param("newKey") String newKey);

    List<ListingEventRow> findEvents(long listingId);

    void insertBackdating(@Param("c") BackdatingConfirmation confirmation, @Param("id") GeneratedId id);

    Optional<BackdatingConfirmation> findBackdating(@Param("listingId") long listingId, @Param("step") String step,
            @Param("stepDate") LocalDate stepDate);

    List<BackdatingConfirmation> findBackdatings(long listingId);
}

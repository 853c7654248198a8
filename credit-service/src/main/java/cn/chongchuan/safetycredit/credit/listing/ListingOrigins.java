package cn.chongchuan.safetycredit.credit.listing;

import java.util.Optional;

/**
 * Where a listing's case comes from: the department that recorded the violation it was proposed on.
 * That department may differ from the one deciding the listing (a criterion of 应急管理部令第11号
 * recorded by another department goes to the competent one); it still sees the listing it referred.
 * Implemented by the violation feature, which depends on this one.
 */
public interface ListingOrigins {

    /** The department that recorded the violation, if it exists. */
    Optional<String> recordingDepartment(long violationId);
}

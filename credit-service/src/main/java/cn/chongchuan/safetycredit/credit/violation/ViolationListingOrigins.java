package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.listing.ListingOrigins;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.ViolationHead;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The listing feature's view of where a case comes from. */
@Component
class ViolationListingOrigins implements ListingOrigins {

    private final ViolationMapper mapper;

    ViolationListingOrigins(ViolationMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<String> recordingDepartment(long violationId) {
        return mapper.findHead(violationId).map(ViolationHead::departmentCode);
    }
}

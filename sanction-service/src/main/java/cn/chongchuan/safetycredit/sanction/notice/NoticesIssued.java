package cn.chongchuan.safetycredit.sanction.notice;

import java.util.Set;

/**
 * Published when new notices are written (pushed or not), so that pull-feed readers waiting for
 * these departments' notices can look again as soon as the notices are committed.
 */
public record NoticesIssued(Set<String> departments) {

    public NoticesIssued {
        departments = Set.copyOf(departments);
    }
}

package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;

/** A subject's facts and where they were read: {@link CheckService#SOURCE_CACHE}, database or history. */
record FoundFacts(SubjectFacts facts, String source) {
}

package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Basis;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.MeasureView;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Receipt;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.domain.ReceiptContent;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts.Verdict;

import java.time.Instant;
import java.util.List;

/** An answer before its receipt is signed: everything it will say, and the receipt's content. */
record Draft(SubjectReading subject, List<String> lookedUpAs, String source, Verdict verdict, List<Basis> bases,
        List<Measure> measures, CheckAnswer.KeySupervision keySupervision, Instant asOf, Instant registerSince,
        ReceiptContent content) {

    CheckAnswer answer(Receipt receipt) {
        return new CheckAnswer(subject.positions(), subject.displayCode(), subject.subjectType(), lookedUpAs,
                verdict.status(), source, asOf, registerSince, bases.isEmpty() ? null : bases.getFirst(),
                bases.isEmpty() ? null : bases,
                verdict.status() == CheckStatus.LISTED
                        ? measures.stream().map(m -> new MeasureView(m.code(), m.title(), m.legalBasis())).toList()
                        : null,
                keySupervision, receipt, null);
    }
}

package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Receipt;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditMapper;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditRow;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditWriter;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner.Signed;
import cn.chongchuan.safetycredit.credit.check.receipt.ReceiptSigner;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The receipts of check answers and their audit: signs a request's answers together (one group of
 * the {@link GroupSigner}), queues one audit row per answer with its receipt, and reads receipts
 * and the audit back.
 */
@Component
class CheckReceipts {

    private final ReceiptSigner signer;
    private final GroupSigner groupSigner;
    private final CheckAuditWriter audit;
    private final CheckAuditMapper auditRows;
    private final CodeReader codes;

    CheckReceipts(ReceiptSigner signer, GroupSigner groupSigner, CheckAuditWriter audit, CheckAuditMapper auditRows,
            CodeReader codes) {
        this.signer = signer;
        this.groupSigner = groupSigner;
        this.audit = audit;
        this.auditRows = auditRows;
        this.codes = codes;
    }

    /**
     * Signs the drafts of one request, queues their audit rows and returns their answers, in the
     * order of the drafts.
     */
    List<CheckAnswer> issue(List<Draft> drafts, String department, Instant asOf, Instant checkedAt) {
        List<Signed> signatures = groupSigner.sign(drafts.stream().map(d -> d.content().canonical()).toList());
        List<CheckAnswer> answers = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            Signed signature = signatures.get(i);
            Receipt receipt = new Receipt(draft.content().receiptId(), checkedAt, signer.keyId(),
                    signature.algorithm(), signature.signature(), draft.content().canonical(),
                    signature.statement(), signature.proof());
            audit.record(new CheckAuditRow(receipt.id(), department, draft.subject().key(),
                    draft.verdict().status().name(), draft.source(), asOf, checkedAt, receipt.signedText(),
                    receipt.signature(), receipt.keyId(), receipt.batchStatement(),
                    receipt.proof() == null ? null : String.join(",", receipt.proof())));
            answers.add(draft.answer(receipt));
        }
        return answers;
    }

    /** The stored receipt: an APPROVAL department sees its own, ADMIN all. */
    Optional<CheckAuditRow> receipt(String receiptId, Caller caller) {
        Optional<CheckAuditRow> row = audit.pending(receiptId).or(() -> auditRows.findByReceiptId(receiptId));
        return row.filter(r -> caller.owns(r.departmentCode()));
    }

    /**
     * The audit, newest first; {@code code} (a USCC or ID number) is turned into its subject key, a
     * code valid under both standards into both.
     */
    List<CheckAuditRow> auditTrail(String department, String code, Instant from, Instant to, int page, int size) {
        List<String> keys = code != null && !code.isBlank() ? codes.auditedKeys(code) : null;
        return auditRows.search(department, keys, from, to, size, page * size);
    }

    ReceiptSigner signer() {
        return signer;
    }
}

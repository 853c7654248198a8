/**
 * The changes feed for approval systems (issue 20; docs/credit-service.md, "The changes feed"):
 * every change of what the licensing check answers about a subject — a listing moving through its
 * states, key supervision, a person re-hashed under a new HMAC key — becomes a row of
 * {@code subject_change} in the transaction of the change ({@code ChangeRecorder}, listening to
 * the events the listing, followup and subject modules publish), numbered by a gap-free sequence
 * that commits in order, so that a reader paging by cursor never skips or repeats a change.
 * {@code ChangeFeedService} answers and audits the pages, {@code WatchService} keeps what each
 * department registered under its own references. Depends only on published events and APIs:
 * {@code CheckService} (how the check reads a code, what it answers) and the {@code listing_read}
 * view. Below: {@code domain} (the kinds of change and the cursor rule, plain Java).
 */
package cn.chongchuan.safetycredit.credit.changes;

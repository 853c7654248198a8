package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.check.CheckService;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a department's approval system registered to re-screen: its own reference for a subject,
 * the subject read from its code exactly as the check reads it (check characters, pilot codes,
 * {@code subjectType}). A person is kept only as keyed hash: under the current HMAC key and, while
 * a rotation runs, under each previous key too (as the check looks a person up), until the re-hash
 * moves the person ({@code ChangeRecorder#personKeyChanged}).
 */
@Service
public class WatchService {

    /** 15 to 18 digits, the last possibly X: an ID number (valid or not) has no place in a reference, which is a URL path segment. */
    private static final Pattern ID_SHAPED = Pattern.compile("\\d{14,17}[\\dXx]");

    private final ChangeMapper mapper;
    private final CheckService checks;
    private final Clock clock;

    WatchService(ChangeMapper mapper, CheckService checks, Clock clock) {
        this.mapper = mapper;
        this.checks = checks;
        this.clock = clock;
    }

    /** A registered watch: the department's reference and the subject as the feed shows it. */
    public record Watch(String reference, String subject, String subjectType, Instant createdAt) {
    }

    /** The watch, and whether this call registered it (false: the same reference for the same subject existed). */
    public record Registered(Watch watch, boolean created) {
    }

    /**
     * Registers {@code reference} for the subject of {@code code}. The same reference again for the
     * same subject returns the watch registered first; for another subject it is a 409 naming
     * {@code reference}.
     */
    @Transactional
    public Registered register(String reference, String code, String subjectType, Caller caller) {
        if (ID_SHAPED.matcher(reference).find()) {
            throw ApiException.badField("reference", "looks like a personal ID number, which must not be a reference "
                    + "(it is shown in the feed and used in URLs): use the approval system's own file number");
        }
        List<CheckService.CheckedSubject> readings = checks.subjectsOf(code, subjectType, "code");
        if (readings.size() > 1) {
            throw ApiException.badField("subjectType", "is required for this code: it is valid both as a unified social "
                    + "credit code and as a personal ID number; say UNIT or PERSON");
        }
        CheckService.CheckedSubject subject = readings.getFirst();
        List<WatchRow> existing = mapper.findWatchesByReference(caller.department(), reference);
        if (!existing.isEmpty()) {
            return new Registered(sameOrConflict(existing, subject, reference), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<WatchRow> rows = new ArrayList<>();
        rows.add(new WatchRow(caller.department(), reference, subject.key(), subject.subjectType(), false, now));
        subject.previousKeys().forEach(key ->
                rows.add(new WatchRow(caller.department(), reference, key, subject.subjectType(), true, now)));
        try {
            mapper.insertWatches(rows);
        } catch (DuplicateKeyException registeredMeanwhile) {
            return new Registered(sameOrConflict(mapper.findWatchesByReference(caller.department(), reference), subject,
                    reference), false);
        }
        return new Registered(view(rows.getFirst()), true);
    }

    private Watch sameOrConflict(List<WatchRow> existing, CheckService.CheckedSubject subject, String reference) {
        boolean same = existing.stream().anyMatch(w -> w.subjectKey().equals(subject.key())
                || subject.previousKeys().contains(w.subjectKey()));
        if (!same) {
            throw new ApiException(HttpStatus.CONFLICT, "watch-reference-taken", "Reference already registered",
                    "reference " + reference + " is registered for another subject: delete it first to reuse it")
                    .with("errors", List.of(new FieldError("reference", "is registered for another subject")));
        }
        return view(existing.stream().filter(w -> !w.previousKey()).findFirst().orElse(existing.getFirst()));
    }

    /** Deletes the department's watch; an unknown reference is a 404. */
    @Transactional
    public void remove(String reference, Caller caller) {
        if (mapper.deleteWatch(caller.department(), reference) == 0) {
            throw ApiException.notFound("watch " + reference);
        }
    }

    /** The department's watches, oldest first. */
    public Page<Watch> watches(Caller caller, int page, int size) {
        List<Watch> items = mapper.findWatches(caller.department(), size, (long) page * size).stream().map(WatchService::view)
                .toList();
        return Page.counted(items, mapper.countWatches(caller.department()), page, size);
    }

    private static Watch view(WatchRow row) {
        return new Watch(row.reference(), ChangeFeedService.shown(row.subjectKey()), row.subjectType(), row.createdAt());
    }
}

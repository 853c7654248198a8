package cn.chongchuan.safetycredit.sanction.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A department's {@code Retry-After} (RFC 9110, section 10.2.3) on a 429 or 503, and the rule for
 * the round it asks for: the next round is at the later of the schedule's time and the time the
 * department asked for, but never more than {@code cap} after now. So the header can only ever
 * delay a round (a department cannot make us retry faster than the schedule), and a department
 * cannot park its notices for longer than the cap by asking for a day; the number of rounds a
 * notice gets stays the schedule's.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Whether a status's {@code Retry-After} is honoured: only 429 Too Many Requests and 503 Service Unavailable. */
    public static boolean appliesTo(int httpStatus) {
        return httpStatus == 429 || httpStatus == 503;
    }

    /**
     * How long the header asks to wait from {@code now}: delta-seconds ({@code 120}) or an HTTP-date
     * ({@code Wed, 21 Oct 2026 07:28:00 GMT}); a date in the past is a wait of zero. Empty when the
     * header is absent or neither form.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a long holds is "very long": the cap decides.
            return Optional.of(v.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The next round: the schedule's time, or later if the department asked for more, at most {@code cap} from now. */
    public static Instant nextRound(Instant scheduled, Instant now, Duration asked, Duration cap) {
        if (asked == null) {
            return scheduled;
        }
        Instant wanted = now.plus(asked.compareTo(cap) > 0 ? cap : asked);
        return wanted.isAfter(scheduled) ? wanted : scheduled;
    }
}

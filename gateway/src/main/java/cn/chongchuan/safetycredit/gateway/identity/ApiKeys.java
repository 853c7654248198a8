package cn.chongchuan.safetycredit.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured department API keys. A presented key is hashed with SHA-256 and compared with
 * every configured hash in constant time, so neither the keys nor the timing of a wrong guess
 * tell anything about them.
 */
public final class ApiKeys {

    /** Roles a department key may carry; SERVICE is for service-to-service tokens only. */
    public static final Set<String> DEPARTMENT_ROLES = Set.of("APPROVAL", "ENFORCEMENT", "PARTNER", "ADMIN");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private record Known(byte[] hash, Caller caller) {
    }

    private final List<Known> keys;

    private ApiKeys(List<Known> keys) {
        this.keys = keys;
    }

    /** Validates the configured entries; a bad entry stops the gateway at start-up with the reason. */
    public static ApiKeys of(List<ApiKeyProperties.Entry> entries) {
        List<Known> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ApiKeyProperties.Entry entry = entries.get(i);
            String where = "gateway.api-keys[" + i + "]";
            String hash = entry.sha256() == null ? "" : entry.sha256().trim().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(where + ".sha256 must be the SHA-256 of the key as 64 hex digits "
                        + "(printf %s \"$KEY\" | sha256sum), never the key itself");
            }
            if (!seen.add(hash)) {
                throw new IllegalArgumentException(where + ".sha256 is configured twice");
            }
            String department = entry.department() == null ? "" : entry.department().trim();
            if (!DEPARTMENT_CODE.matcher(department).matches()) {
                throw new IllegalArgumentException(where + ".department must be a department code such as AJJ, not '"
                        + department + "'");
            }
            List<String> roles = entry.roles() == null ? List.of()
                    : entry.roles().stream().map(String::trim).filter(r -> !r.isEmpty()).distinct().toList();
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(where + ".roles must name at least one of " + DEPARTMENT_ROLES);
            }
            for (String role : roles) {
                if (!DEPARTMENT_ROLES.contains(role)) {
                    throw new IllegalArgumentException(where + ".roles: '" + role + "' is not one of " + DEPARTMENT_ROLES);
                }
            }
            String label = entry.label() == null || entry.label().isBlank() ? department + "#" + i : entry.label().trim();
            keys.add(new Known(HexFormat.of().parseHex(hash), new Caller(department, roles, label)));
        }
        return new ApiKeys(List.copyOf(keys));
    }

    /** The caller this key belongs to, if it is one of the configured keys. */
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        Caller match = null;
        // Look at every key, without stopping at a match, so the time taken does not depend on which one matched.
        for (Known key : keys) {
            if (MessageDigest.isEqual(key.hash(), presented) && match == null) {
                match = key.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /** How many keys are configured. */
    public int size() {
        return keys.size();
    }

    /** The SHA-256 of a key as lower-case hex, the form configuration holds. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

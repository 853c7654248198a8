package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs a notice for a department. TEMPORARY stand-in (branch {@code feed}) for the Standard
 * Webhooks signer of branch {@code webhooks}, with the same API: it signs as the push does today
 * (delivery/domain/NoticeSignature: {@code v1=<base64 HMAC-SHA256(secret, id.timestamp.body)>}
 * per active secret, space-separated), computed here because this module may not depend on the
 * delivery module. A department without an active secret gets a null signature.
 */
@Component
public class NoticeSigner {

    private final DepartmentService departments;

    NoticeSigner(DepartmentService departments) {
        this.departments = departments;
    }

    public WebhookHeaders sign(String departmentCode, String noticeId, long timestampSeconds, byte[] body) {
        List<SigningKey> keys = departments.signingKeys(departmentCode);
        String signature = keys.isEmpty() ? null : keys.stream()
                .map(key -> "v1=" + hmac(key.secret(), noticeId + "." + timestampSeconds + ".", body))
                .collect(Collectors.joining(" "));
        return new WebhookHeaders(noticeId, Long.toString(timestampSeconds), signature);
    }

    private static String hmac(byte[] secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

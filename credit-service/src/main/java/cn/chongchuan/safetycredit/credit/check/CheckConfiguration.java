package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditMapper;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditWriter;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner;
import cn.chongchuan.safetycredit.credit.check.receipt.ReceiptSigner;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the check: the Redis cache, the receipt signer (which refuses to start without a key, and
 * refuses the key pair once published in this repository, in every profile) and the audit writer.
 */
@Configuration(proxyBeanMethods = false)
class CheckConfiguration {

    /** The public half of the key pair application-local.yml once held: its private half is in the repository's history. */
    static final String DEV_PUBLIC_KEY = "MCowBQYDK2VwAyEAChc2RZdoTsq0Kev1OmyVlMf9Q4NpPDznlwaN4M+2BFM=";

    @Bean
    CheckCache checkCache(StringRedisTemplate redis, CheckProperties properties, MeterRegistry meters) {
        return new CheckCache(redis, properties.cacheTtl(), properties.cachePause(), meters);
    }

    @Bean
    ReceiptSigner receiptSigner(CheckProperties properties) {
        if (isBlank(properties.signingPrivateKey()) || isBlank(properties.signingPublicKey())) {
            throw new IllegalStateException("credit.check.signing-private-key and credit.check.signing-public-key "
                    + "are required (base64 PKCS#8 / X.509 Ed25519; see docs/licensing-check.md)");
        }
        if (DEV_PUBLIC_KEY.equals(properties.signingPublicKey().trim())) {
            throw new IllegalStateException("credit.check signing keys are the key pair published in this repository's "
                    + "history; generate a key pair of your own (scripts/receipt-keys.sh)");
        }
        return new ReceiptSigner(properties.signingPrivateKey(), properties.signingPublicKey());
    }

    /** Closed after the web server has finished its requests: what is queued is signed first. */
    @Bean
    GroupSigner groupSigner(ReceiptSigner signer, CheckProperties properties) {
        return new GroupSigner(signer, properties.signingSpacing());
    }

    @Bean
    CheckAuditWriter checkAuditWriter(CheckAuditMapper mapper, CheckProperties properties) {
        CheckProperties.Audit audit = properties.audit();
        return new CheckAuditWriter(mapper, audit.flushInterval(), audit.batchSize(), audit.queueCapacity());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

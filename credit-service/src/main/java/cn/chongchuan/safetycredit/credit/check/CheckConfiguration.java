package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditMapper;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditWriter;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner;
import cn.chongchuan.safetycredit.credit.check.receipt.ReceiptSigner;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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

    /** Its queue is measured: the operators alert when it is more than half full (the database is behind). */
    @Bean
    CheckAuditWriter checkAuditWriter(CheckAuditMapper mapper, CheckProperties properties, MeterRegistry meters) {
        CheckProperties.Audit audit = properties.audit();
        CheckAuditWriter writer = new CheckAuditWriter(mapper, audit.flushInterval(), audit.batchSize(), audit.queueCapacity());
        Gauge.builder("credit.check.audit.queued", writer, CheckAuditWriter::queued)
                .description("check audit rows waiting to be written").register(meters);
        Gauge.builder("credit.check.audit.capacity", writer, CheckAuditWriter::capacity)
                .description("check audit rows the queue holds before a check writes its own row").register(meters);
        FunctionCounter.builder("credit.check.audit.written.by.requests", writer, CheckAuditWriter::writtenByRequests)
                .description("check audit rows written on the request path because the queue was full").register(meters);
        return writer;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSecret;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSigningKey;
import cn.chongchuan.safetycredit.sanction.endpoint.EndpointPolicy;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The department registry: registration by ADMIN, the seed file's entries, and signing secrets with
 * rotation. The other modules read departments and signing keys only through here.
 */
@Service
public class DepartmentService {

    private static final Logger log = LoggerFactory.getLogger(DepartmentService.class);
    /** While rotating, a department has its new and its previous secret active; never more. */
    static final int MAX_ACTIVE_SECRETS = 2;

    private final DepartmentMapper departments;
    private final SecretCipher cipher;
    private final Clock clock;
    private final EndpointPolicy endpoints;
    private final DepartmentEndpoints endpointStates;
    private final SecureRandom random = new SecureRandom();

    DepartmentService(DepartmentMapper departments, SecretCipher cipher, Clock clock, EndpointPolicy endpoints,
            DepartmentEndpoints endpointStates) {
        this.departments = departments;
        this.endpointStates = endpointStates;
        this.cipher = cipher;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    @Transactional
    public DepartmentView registerDepartment(String code, DepartmentRequest request) {
        String endpointUrl = blankToNull(request.endpointUrl());
        if (endpointUrl != null) {
            endpoints.refusalOf(endpointUrl).ifPresent(reason -> {
                throw SanctionProblems.invalid("endpointUrl", reason);
            });
        }
        Instant now = clock.instant();
        Instant createdAt = departments.findByCode(code).map(Department::createdAt).orElse(now);
        departments.upsert(new Department(code, request.name().trim(), request.fullName(),
                request.roles().stream().sorted().toList(), endpointUrl,
                request.enabled(), request.contact(), createdAt, now));
        log.info("department {} registered (endpoint {})", code, request.endpointUrl() == null ? "none" : "set");
        return describe(code);
    }

    /**
     * Inserts a department of the seed file or updates its name and roles; the endpoint, contact and
     * flag stay as ADMIN set them.
     */
    @Transactional
    public void loadSeed(String code, String name, String fullName, List<String> roles, Instant at) {
        departments.upsertSeed(Department.fromSeed(code, name, fullName, roles, at));
    }

    @Transactional(readOnly = true)
    public DepartmentView describe(String code) {
        return view(find(code), endpointStates.state(code));
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> listDepartments() {
        Map<String, EndpointState> states = endpointStates.states();
        return departments.findAll().stream()
                .map(d -> view(d, states.getOrDefault(d.code(), EndpointState.fresh(d.code()))))
                .toList();
    }

    public Department find(String code) {
        return departments.findByCode(code).orElseThrow(() -> SanctionProblems.notFound("Department " + code));
    }

    public Optional<Department> findIfPresent(String code) {
        return departments.findByCode(code);
    }

    /** Every registered department, by code. */
    public List<Department> findAll() {
        return departments.findAll();
    }

    /** The departments of these codes that are registered, by code. */
    public List<Department> findByCodes(List<String> codes) {
        return codes.isEmpty() ? List.of() : departments.findByCodes(codes);
    }

    /** Creates a new signing secret; the previous one stays valid until retired, the one before is retired now. */
    @Transactional
    public IssuedSecret rotateSecret(String code) {
        departments.lockByCode(code).orElseThrow(() -> SanctionProblems.notFound("Department " + code));
        Instant now = clock.instant();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        // The standard form (whsec_ + standard base64); secrets issued before were base64url, and
        // NoticeSigner reads both (the raw bytes are the same).
        String secret = WebhookKeys.secretOf(raw);
        String keyId = "k-" + HexFormat.of().formatHex(randomBytes(6));
        List<DepartmentSecret> active = departments.findActiveSecrets(code);
        for (DepartmentSecret old : active.subList(Math.min(active.size(), MAX_ACTIVE_SECRETS - 1), active.size())) {
            departments.retireSecret(code, old.keyId(), now);
        }
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        String fingerprint = fingerprint(secretBytes);
        departments.insertSecret(code, keyId, cipher.encrypt(secretBytes), cipher.keyId(), fingerprint, now);
        List<String> activeIds = departments.findActiveSecrets(code).stream().map(DepartmentSecret::keyId).toList();
        log.info("department {} got signing key {} (active: {})", code, keyId, activeIds);
        return new IssuedSecret(code, keyId, fingerprint, secret, now, activeIds);
    }

    /** Ends the validity of one secret, once the department has switched to the newer one. */
    @Transactional
    public DepartmentView retireSecret(String code, String keyId) {
        departments.lockByCode(code).orElseThrow(() -> SanctionProblems.notFound("Department " + code));
        if (departments.retireSecret(code, keyId, clock.instant()) == 0) {
            throw SanctionProblems.notFound("Active signing key " + keyId + " of department " + code);
        }
        return describe(code);
    }

    /**
     * Creates a new Ed25519 key pair for {@code v1a} signatures; the previous pair stays valid until
     * removed, the one before is retired now (at most two, as with the secrets). Answers the public key.
     */
    @Transactional
    public IssuedPublicKey createEd25519Key(String code) {
        departments.lockByCode(code).orElseThrow(() -> SanctionProblems.notFound("Department " + code));
        Instant now = clock.instant();
        KeyPair pair = WebhookKeys.newEd25519KeyPair();
        String keyId = "pk-" + HexFormat.of().formatHex(randomBytes(6));
        List<DepartmentSigningKey> active = departments.findActiveSigningKeys(code);
        for (DepartmentSigningKey old : active.subList(Math.min(active.size(), MAX_ACTIVE_SECRETS - 1), active.size())) {
            departments.retireSigningKey(code, old.keyId(), now);
        }
        byte[] publicKey = WebhookKeys.rawPublicKey(pair);
        departments.insertSigningKey(code, keyId, publicKey, cipher.encrypt(pair.getPrivate().getEncoded()),
                cipher.keyId(), now);
        List<String> activeIds = departments.findActiveSigningKeys(code).stream().map(DepartmentSigningKey::keyId)
                .toList();
        log.info("department {} got Ed25519 key {} (active: {})", code, keyId, activeIds);
        return new IssuedPublicKey(code, keyId, WebhookKeys.publicKeyOf(publicKey), now, activeIds);
    }

    /** Removes one Ed25519 key pair: notices no longer carry its {@code v1a} signature. */
    @Transactional
    public DepartmentView retireEd25519Key(String code, String keyId) {
        departments.lockByCode(code).orElseThrow(() -> SanctionProblems.notFound("Department " + code));
        if (departments.retireSigningKey(code, keyId, clock.instant()) == 0) {
            throw SanctionProblems.notFound("Active Ed25519 key " + keyId + " of department " + code);
        }
        log.info("department {}: Ed25519 key {} removed", code, keyId);
        return describe(code);
    }

    /**
     * The department's active secrets, newest first, decrypted: each is the whole {@code whsec_…}
     * string's UTF-8 bytes, the key of the legacy {@code X-Notice-Signature} (NoticeSigner derives the
     * standard key from it).
     */
    public List<SigningKey> signingKeys(String code) {
        return departments.findActiveSecrets(code).stream()
                .map(s -> new SigningKey(s.keyId(), cipher.decrypt(s.encryptedSecret(), s.encryptionKeyId())))
                .toList();
    }

    /** The active Ed25519 public keys of a department, newest first. */
    @Transactional(readOnly = true)
    public List<DepartmentView.PublicKeyView> publicKeys(String code) {
        return publicKeyViews(find(code).code());
    }

    private List<DepartmentView.PublicKeyView> publicKeyViews(String code) {
        return departments.findActiveSigningKeys(code).stream()
                .map(k -> new DepartmentView.PublicKeyView(k.keyId(), WebhookKeys.publicKeyOf(k.publicKey()),
                        k.createdAt()))
                .toList();
    }

    private DepartmentView view(Department d, EndpointState endpoint) {
        List<DepartmentView.SecretView> secrets = departments.findActiveSecrets(d.code()).stream()
                .map(s -> new DepartmentView.SecretView(s.keyId(), s.fingerprint(), s.createdAt()))
                .toList();
        return new DepartmentView(d.code(), d.name(), d.fullName(), d.roles(), d.endpointUrl(), d.enabled(),
                d.contact(), secrets, publicKeyViews(d.code()), d.updatedAt(), endpoint);
    }

    /** First 16 hex digits of SHA-256 of the secret: lets both sides compare keys without showing them. */
    static String fingerprint(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

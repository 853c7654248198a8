package cn.chongchuan.safetycredit.credit.check.receipt;

import cn.chongchuan.safetycredit.credit.check.domain.ReceiptTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupSignerTest {

    private final KeyPair keys = generate();
    private final ReceiptSigner signer = new ReceiptSigner(
            Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
            Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));

    @Test
    void aLoneReceiptIsSignedAloneWithoutWaitingForCompany() {
        try (GroupSigner group = new GroupSigner(signer, Duration.ZERO)) {
            GroupSigner.Signed signed = group.sign(List.of("receipt a\n")).getFirst();

            assertThat(signed.algorithm()).isEqualTo(GroupSigner.SINGLE);
            assertThat(signed.statement()).isNull();
            assertThat(ReceiptSigner.verify(signer.publicKey(), bytes("receipt a\n"), signed.signature())).isTrue();
        }
    }

    @Test
    void requestsArrivingWhileASignatureIsMadeShareTheNextOneAndEachReceiptVerifiesAlone() throws Exception {
        CountDownLatch firstSignatureStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger signatures = new AtomicInteger();
        GroupSigner group = new GroupSigner(content -> {
            if (signatures.incrementAndGet() == 1) {
                firstSignatureStarted.countDown();
                pause(release);
            }
            return signer.sign(content);
        }, Duration.ZERO);
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        try (group; requests) {
            Future<List<GroupSigner.Signed>> first = requests.submit(() -> group.sign(List.of("first\n")));
            assertThat(firstSignatureStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<List<GroupSigner.Signed>>> waiting = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                List<String> texts = r % 5 == 0 ? List.of("batch " + r + " a\n", "batch " + r + " b\n") : List.of("request " + r + "\n");
                waiting.add(requests.submit(() -> group.sign(texts)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> group.waiting() == 20);
            release.countDown();

            assertThat(first.get().getFirst().algorithm()).isEqualTo(GroupSigner.SINGLE);
            String shared = null;
            for (int r = 0; r < 20; r++) {
                List<String> texts = r % 5 == 0 ? List.of("batch " + r + " a\n", "batch " + r + " b\n") : List.of("request " + r + "\n");
                List<GroupSigner.Signed> signed = waiting.get(r).get();
                assertThat(signed).hasSize(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    GroupSigner.Signed one = signed.get(i);
                    assertThat(one.algorithm()).isEqualTo(GroupSigner.TREE);
                    assertThat(one.statement()).endsWith("\nleaves:24\n");
                    shared = shared == null ? one.signature() : shared;
                    assertThat(one.signature()).isEqualTo(shared);
                    assertThat(ReceiptTree.rootOf(bytes(texts.get(i)), one.proof())).isEqualTo(ReceiptTree.rootIn(one.statement()));
                    assertThat(ReceiptSigner.verify(signer.publicKey(), bytes(one.statement()), one.signature())).isTrue();
                    assertThat(ReceiptTree.rootOf(bytes("forged\n"), one.proof())).isNotEqualTo(ReceiptTree.rootIn(one.statement()));
                }
            }
            assertThat(signatures.get()).as("one for the first request, one for the 20 that waited").isEqualTo(2);
        }
    }

    @Test
    void signaturesAreSpacedSoThatCompanyGathersUnderLoadButAnIdleSignerSignsAtOnce() throws Exception {
        AtomicInteger signatures = new AtomicInteger();
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        try (GroupSigner group = new GroupSigner(content -> {
            signatures.incrementAndGet();
            return signer.sign(content);
        }, Duration.ofMillis(300)); requests) {
            long start = System.nanoTime();
            group.sign(List.of("idle\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an idle signer does not wait").isLessThan(Duration.ofMillis(250));
            // Within the spacing after that signature: 30 requests, one signature between them.
            List<Future<List<GroupSigner.Signed>>> waiting = new ArrayList<>();
            for (int r = 0; r < 30; r++) {
                String text = "busy " + r + "\n";
                waiting.add(requests.submit(() -> group.sign(List.of(text))));
            }
            for (Future<List<GroupSigner.Signed>> one : waiting) {
                assertThat(one.get().getFirst().statement()).endsWith("\nleaves:30\n");
            }
            assertThat(signatures.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailedSignatureFailsEveryRequestOfItsGroupAndTheSignerGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (GroupSigner group = new GroupSigner(content -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("HSM unavailable");
            }
            return signer.sign(content);
        }, Duration.ZERO)) {
            assertThatThrownBy(() -> group.sign(List.of("a\n"))).hasMessageContaining("signing the receipts failed");
            assertThat(group.sign(List.of("b\n")).getFirst().algorithm()).isEqualTo(GroupSigner.SINGLE);
        }
    }

    @Test
    void aClosedSignerRefusesNewWork() {
        GroupSigner group = new GroupSigner(signer, Duration.ZERO);
        group.close();
        assertThatThrownBy(() -> group.sign(List.of("a\n"))).isInstanceOf(IllegalStateException.class);
    }

    private static void pause(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

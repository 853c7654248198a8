package cn.chongchuan.safetycredit.credit.check.receipt;

import cn.chongchuan.safetycredit.credit.check.domain.ReceiptTree;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Signs receipts in groups, like a database's group commit. One worker makes one Ed25519
 * signature at a time; the receipts of every request that arrives meanwhile wait for the next one,
 * which covers them all under one SHA-256 Merkle root ({@link ReceiptTree}), each receipt with its
 * own inclusion proof. Signatures are at least {@code spacing} apart, so under load one signature
 * (about half a millisecond of CPU) serves dozens of checks instead of one or two, and signing
 * takes a bounded share of the CPU. An idle signer takes a request at once: a lone receipt gets a
 * plain signature and never waits for company.
 */
public final class GroupSigner implements AutoCloseable {

    /** Algorithm of a receipt signed alone: Ed25519 over its canonical text. */
    public static final String SINGLE = "Ed25519";
    /** Algorithm of a receipt signed in a group: Ed25519 over the statement its proof leads to. */
    public static final String TREE = "Ed25519+SHA-256-Merkle";
    /** Receipts under one signature at most: proofs stay within 11 steps. */
    static final int MAX_GROUP = 2048;
    private static final long SIGNING_TIMEOUT_SECONDS = 10;

    /** How one receipt was signed: {@code statement} and {@code proof} are null when it was signed alone. */
    public record Signed(String algorithm, String signature, String statement, List<String> proof) {
    }

    private record Job(List<byte[]> texts, CompletableFuture<List<Signed>> result) {
    }

    private static final Job STOP = new Job(List.of(), new CompletableFuture<>());

    private final Function<byte[], String> sign;
    private final long spacingNanos;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    /** {@code spacing}: the least time from the end of one signature to the start of the next. */
    public GroupSigner(ReceiptSigner signer, Duration spacing) {
        this(signer::sign, spacing);
    }

    /** {@code sign}: base64 Ed25519 signature of the bytes given. */
    GroupSigner(Function<byte[], String> sign, Duration spacing) {
        this.sign = sign;
        this.spacingNanos = spacing.toNanos();
        this.worker = Thread.ofPlatform().name("receipt-signer").daemon().start(this::run);
    }

    /**
     * Signs these canonical texts (one request's receipts), waiting for the group they fall in.
     * The results are in the order of the texts.
     */
    public List<Signed> sign(List<String> canonicalTexts) {
        if (canonicalTexts.isEmpty()) {
            return List.of();
        }
        if (canonicalTexts.size() > MAX_GROUP) {
            throw new IllegalArgumentException("at most " + MAX_GROUP + " receipts per request");
        }
        if (closed) {
            throw new IllegalStateException("the receipt signer is closed");
        }
        List<byte[]> texts = canonicalTexts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        Job job = new Job(texts, new CompletableFuture<>());
        queue.add(job);
        try {
            return job.result().get(SIGNING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no receipt signature within " + SIGNING_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a receipt signature", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("signing the receipts failed", e.getCause());
        }
    }

    private void run() {
        Job carried = null;
        long nextSignature = System.nanoTime();
        while (true) {
            Job first;
            try {
                first = carried != null ? carried : queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == STOP) {
                return;
            }
            carried = null;
            // Let company gather until the spacing has passed (an idle signer is already past it).
            for (long wait = nextSignature - System.nanoTime(); wait > 0; wait = nextSignature - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            List<Job> group = new ArrayList<>();
            group.add(first);
            int leaves = group.getFirst().texts().size();
            Job next;
            while ((next = queue.poll()) != null) {
                if (next == STOP) {
                    queue.add(STOP);
                    break;
                }
                if (leaves + next.texts().size() > MAX_GROUP) {
                    carried = next;
                    break;
                }
                group.add(next);
                leaves += next.texts().size();
            }
            signGroup(group, leaves);
            nextSignature = System.nanoTime() + spacingNanos;
        }
    }

    private void signGroup(List<Job> group, int leaves) {
        try {
            if (leaves == 1) {
                Job job = group.getFirst();
                job.result().complete(List.of(new Signed(SINGLE, sign.apply(job.texts().getFirst()), null, null)));
                return;
            }
            List<byte[]> all = new ArrayList<>(leaves);
            group.forEach(job -> all.addAll(job.texts()));
            ReceiptTree tree = ReceiptTree.over(all);
            String statement = tree.statement();
            String signature = sign.apply(statement.getBytes(StandardCharsets.UTF_8));
            int leaf = 0;
            for (Job job : group) {
                List<Signed> signed = new ArrayList<>(job.texts().size());
                for (int i = 0; i < job.texts().size(); i++) {
                    signed.add(new Signed(TREE, signature, statement, tree.proof(leaf++)));
                }
                job.result().complete(signed);
            }
        } catch (RuntimeException e) {
            group.forEach(job -> job.result().completeExceptionally(e));
        }
    }

    /** Requests waiting for the next signature. */
    int waiting() {
        return queue.size();
    }

    /** Signs what is queued, then stops the worker. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package cn.chongchuan.safetycredit.credit.check.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One signature for a whole batch of receipts: a SHA-256 Merkle tree over the receipts' canonical
 * texts, whose root is written into a short statement that is signed once. Each receipt carries
 * its inclusion proof, so it can be verified on its own, without the other receipts.
 *
 * <p>Leaf = SHA-256(0x00 ‖ canonical text); inner node = SHA-256(0x01 ‖ left ‖ right); at a level
 * with an odd number of nodes the last one moves up unchanged. A proof lists, from the leaf up, the
 * sibling hashes as {@code L:<hex>} (sibling on the left) or {@code R:<hex>} (on the right).
 * Statement: {@value #FORMAT}, then {@code root:<hex>} and {@code leaves:<n>}, each line ending
 * with a line feed.
 */
public final class ReceiptTree {

    public static final String FORMAT = "safety-credit-check-batch/1";

    private final byte[] root;
    private final int leaves;
    private final List<List<String>> proofs;

    private ReceiptTree(byte[] root, int leaves, List<List<String>> proofs) {
        this.root = root;
        this.leaves = leaves;
        this.proofs = proofs;
    }

    /** Builds the tree over these canonical texts (at least one). */
    public static ReceiptTree over(List<byte[]> canonicalTexts) {
        if (canonicalTexts.isEmpty()) {
            throw new IllegalArgumentException("a receipt tree needs at least one receipt");
        }
        List<byte[]> level = new ArrayList<>(canonicalTexts.size());
        List<List<String>> proofs = new ArrayList<>(canonicalTexts.size());
        // positions[i] = index of leaf i's ancestor in the current level
        int[] positions = new int[canonicalTexts.size()];
        for (int i = 0; i < canonicalTexts.size(); i++) {
            level.add(leaf(canonicalTexts.get(i)));
            proofs.add(new ArrayList<>());
            positions[i] = i;
        }
        HexFormat hex = HexFormat.of();
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(node(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.getLast());
            }
            for (int leaf = 0; leaf < positions.length; leaf++) {
                int p = positions[leaf];
                if (p % 2 == 0 && p + 1 < level.size()) {
                    proofs.get(leaf).add("R:" + hex.formatHex(level.get(p + 1)));
                } else if (p % 2 == 1) {
                    proofs.get(leaf).add("L:" + hex.formatHex(level.get(p - 1)));
                }
                positions[leaf] = p / 2;
            }
            level = next;
        }
        return new ReceiptTree(level.getFirst(), canonicalTexts.size(), proofs.stream().map(List::copyOf).toList());
    }

    /** The text that is signed: the root and the number of receipts. */
    public String statement() {
        return FORMAT + "\nroot:" + HexFormat.of().formatHex(root) + "\nleaves:" + leaves + "\n";
    }

    public List<String> proof(int leaf) {
        return proofs.get(leaf);
    }

    /** The root a receipt's text and proof lead to, as hex (what a verifier compares with the statement). */
    public static String rootOf(byte[] canonicalText, List<String> proof) {
        byte[] hash = leaf(canonicalText);
        HexFormat hex = HexFormat.of();
        for (String step : proof) {
            byte[] sibling = hex.parseHex(step.substring(2));
            hash = step.startsWith("L:") ? node(sibling, hash) : node(hash, sibling);
        }
        return hex.formatHex(hash);
    }

    /** The root named in a statement. */
    public static String rootIn(String statement) {
        for (String line : statement.split("\n")) {
            if (line.startsWith("root:")) {
                return line.substring(5);
            }
        }
        throw new IllegalArgumentException("not a receipt batch statement");
    }

    static byte[] leaf(byte[] canonicalText) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(canonicalText);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

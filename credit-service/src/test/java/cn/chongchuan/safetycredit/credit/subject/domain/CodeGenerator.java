package cn.chongchuan.safetycredit.credit.subject.domain;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/** Produces valid codes with correct check characters, for demo data and test fixtures. */
public final class CodeGenerator {

    private final RandomGenerator random;

    public CodeGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A valid USCC for a company registered in the given 6-digit area (e.g. 320602). */
    public String uscc(String areaCode) {
        StringBuilder code = new StringBuilder("91").append(areaCode);
        for (int i = 0; i < 9; i++) {
            code.append(UnifiedSocialCreditCode.ALPHABET.charAt(random.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
        }
        return code.append(UnifiedSocialCreditCode.checkCharacterFor(code.toString())).toString();
    }

    /**
     * A valid ID number for someone from the given area, born on the given day, and never one that
     * is a valid USCC as well (about one in thirty is: see {@link #eitherCode}), so that whoever uses
     * it gets a person and nothing else.
     */
    public String residentId(String areaCode, LocalDate birthDate) {
        while (true) {
            String id = residentIdWithSequence(areaCode, birthDate, random.nextInt(1000));
            if (!isUscc(id)) {
                return id;
            }
        }
    }

    /**
     * A code that is a valid ID number (of someone from the area, born on or soon after the given
     * day) and a valid USCC at the same time: the licensing check must look such a code up as both.
     */
    public String eitherCode(String areaCode, LocalDate birthDate) {
        for (LocalDate day = birthDate; ; day = day.plusDays(1)) {
            int start = random.nextInt(1000);
            for (int i = 0; i < 1000; i++) {
                String id = residentIdWithSequence(areaCode, day, (start + i) % 1000);
                if (isUscc(id)) {
                    return id;
                }
            }
        }
    }

    private static String residentIdWithSequence(String areaCode, LocalDate birthDate, int sequence) {
        StringBuilder id = new StringBuilder(areaCode)
                .append(String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth()))
                .append(String.format("%03d", sequence));
        return id.append(ResidentIdNumber.checkCharacterFor(id.toString())).toString();
    }

    private static boolean isUscc(String code) {
        try {
            UnifiedSocialCreditCode.parse(code, "code");
            return true;
        } catch (InvalidCodeException notAUnitCode) {
            return false;
        }
    }
}

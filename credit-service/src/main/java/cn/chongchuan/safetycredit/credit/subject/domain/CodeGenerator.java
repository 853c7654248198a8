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

    /** A valid ID number for someone from the given area, born on the given day. */
    public String residentId(String areaCode, LocalDate birthDate) {
        StringBuilder id = new StringBuilder(areaCode)
                .append(String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth()))
                .append(String.format("%03d", random.nextInt(1000)));
        return id.append(ResidentIdNumber.checkCharacterFor(id.toString())).toString();
    }
}

package cn.chongchuan.safetycredit.credit.subject;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Wires the personal-ID protection and refuses the development keys outside the local profile. */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    /** The development keys of application-local.yml; never accepted in any other profile. */
    static final String DEV_HMAC_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtaG1hYy1rZXktMzJieXQ=";
    static final String DEV_ENCRYPTION_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtYWVzLWtleS0zMmJ5dGU=";

    @Bean
    PersonalIdProtector personalIdProtector(PersonalDataProperties properties, Environment environment) {
        boolean devKeys = DEV_HMAC_KEY.equals(properties.hmacKey().trim())
                || DEV_ENCRYPTION_KEY.equals(properties.encryptionKey().trim())
                || properties.previousHmacKeys().contains(DEV_HMAC_KEY)
                || properties.previousEncryptionKeys().contains(DEV_ENCRYPTION_KEY);
        if (devKeys && !environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("credit.personal-data keys are the development keys, which are allowed "
                    + "only in the 'local' profile; configure real keys");
        }
        return new PersonalIdProtector(properties);
    }
}

package cn.chongchuan.safetycredit.credit.catalogue.domain;

import java.util.List;

/** A department of the district as credit-service knows it: code, names and roles. */
public record Department(String code, String name, String fullName, List<String> roles) {

    public Department {
        roles = List.copyOf(roles);
    }
}

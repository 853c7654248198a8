package cn.chongchuan.safetycredit.gateway.identity;

import java.util.List;

/** The department an API key authenticated, with the roles the gateway forwards for it. */
public record Caller(String department, List<String> roles, String label) {

    public Caller {
        roles = List.copyOf(roles);
    }
}

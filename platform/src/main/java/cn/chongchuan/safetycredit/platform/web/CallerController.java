package cn.chongchuan.safetycredit.platform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a signed-in department who the service takes it for (used by the console after sign-in). */
@RestController
public class CallerController {

    @GetMapping("/api/v1/me")
    Caller me(Caller caller) {
        return caller;
    }
}

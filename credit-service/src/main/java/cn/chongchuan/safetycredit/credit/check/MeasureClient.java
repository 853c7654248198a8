package cn.chongchuan.safetycredit.credit.check;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;

/** sanction-service's measure catalogue (docs/contracts.md), read with a SERVICE token. */
@FeignClient(name = "measure-catalogue", url = "${credit.check.measures.url:http://127.0.0.1:8082}",
        configuration = MeasureClientConfiguration.class)
interface MeasureClient {

    /** The whole catalogue as JSON; the check filters it by department and subject type itself. */
    @GetMapping(path = "/api/v1/measures", produces = MediaType.APPLICATION_JSON_VALUE)
    String measures();
}

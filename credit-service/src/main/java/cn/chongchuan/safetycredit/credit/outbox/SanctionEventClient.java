package cn.chongchuan.safetycredit.credit.outbox;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** sanction-service's intake of the events of the outbox (docs/contracts.md), called with a SERVICE token. */
@FeignClient(name = "listing-events", url = "${credit.relay.url:http://127.0.0.1:8082}",
        configuration = ServiceTokenFeignConfiguration.class)
interface SanctionEventClient {

    /** LISTING_STARTED and LISTING_ENDED. */
    @PostMapping(path = "/internal/v1/listing-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    void publish(@RequestBody String event);

    /** CALENDAR_YEAR_SET: a year of the holiday calendar the credit office added or corrected. */
    @PostMapping(path = "/internal/v1/calendar-years", consumes = MediaType.APPLICATION_JSON_VALUE)
    void publishCalendarYear(@RequestBody String event);
}

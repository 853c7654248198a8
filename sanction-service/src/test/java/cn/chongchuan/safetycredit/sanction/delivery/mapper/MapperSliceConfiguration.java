package cn.chongchuan.safetycredit.sanction.delivery.mapper;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;

/** The configuration of the mapper slice tests: the service's mappers, nothing of its web or security side. */
@SpringBootConfiguration
@MapperScan("cn.chongchuan.safetycredit.sanction")
class MapperSliceConfiguration {
}

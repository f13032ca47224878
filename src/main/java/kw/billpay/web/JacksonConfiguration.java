package kw.billpay.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Money, account numbers and codes are JSON strings (CONTRACT "Common rules"). A bare number or boolean where a
 * string is expected is refused, not silently turned into text: {@code 10.5} is not {@code "10.500"}.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer stringsStayStrings() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Request and response bodies: the application's mapper, configured alike, whose parsers refuse text the gateway
     * could not store ({@link StorableJsonText}). What the gateway reads back from its own tables is not checked again.
     */
    @Bean
    MappingJackson2HttpMessageConverter requestBodies(Jackson2ObjectMapperBuilder builder) {
        return new MappingJackson2HttpMessageConverter(builder.factory(new StorableJsonText.Factory()).build());
    }
}

package kw.billpay.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The console's web setup: its language (English or Arabic, {@code ?lang=ar} as the contract says, remembered in a
 * cookie scoped to {@code /console}) and its static files. Requests outside {@code /console} keep Spring's default
 * (the Accept-Language header), so nothing changes for the API.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

    /** The htmx release the webjar of the build carries (pom.xml {@code htmx.version}); served under a versioned path. */
    static final String HTMX_VERSION = "2.0.4";
    static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl aDay = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();
        registry.addResourceHandler("/console/assets/htmx/" + HTMX_VERSION + "/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/")
                .setCacheControl(aDay);
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations("classpath:/console-assets/")
                .setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns("/console", "/console/**");
    }

    /**
     * Spring's resource-URL rewriting of the pages' links, switched off. Spring Boot registers it for Thymeleaf once a
     * webjars locator is on the class path (springdoc's swagger-ui brings one) to turn links into versioned resource
     * URLs, which the console does not use (htmx has its own versioned path), and it first looks each link up as a
     * resource in every jar of the class path: about 0.4 ms per link, most of the time of a page listing 100 rows.
     * Declaring this registration makes Boot leave its own out ({@code @ConditionalOnMissingFilterBean}).
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> consoleLinksAsWritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new ConsoleLocaleResolver();
    }

    /** English or Arabic from the console's cookie under {@code /console}; the Accept-Language header elsewhere. */
    static final class ConsoleLocaleResolver implements LocaleResolver {

        private final CookieLocaleResolver console = new CookieLocaleResolver("console-lang");
        private final AcceptHeaderLocaleResolver elsewhere = new AcceptHeaderLocaleResolver();

        ConsoleLocaleResolver() {
            console.setDefaultLocale(Locale.ENGLISH);
            console.setCookiePath("/console");
            console.setCookieMaxAge(Duration.ofDays(365));
            console.setCookieHttpOnly(true);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return isConsole(request) ? supported(console.resolveLocale(request)) : elsewhere.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (isConsole(request)) {
                console.setLocale(request, response, supported(locale));
            }
        }

        /** The console speaks English and Arabic; any other language asked for is English. */
        static Locale supported(Locale locale) {
            return locale != null && locale.getLanguage().equals("ar") ? ARABIC : Locale.ENGLISH;
        }

        private static boolean isConsole(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/console") || path.startsWith("/console/");
        }
    }
}

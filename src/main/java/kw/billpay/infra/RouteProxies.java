package kw.billpay.infra;

import java.beans.Introspector;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ProxyBuilder;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Makes the bean of each {@link RouteProxy} interface in the application's packages: a Camel producer proxy
 * ({@link ProxyBuilder}) on the interface's endpoint, named as the interface ({@code postPaymentRoute}). Camel defers
 * the proxy's producer until the context starts, so a proxy can be injected anywhere.
 */
@Component
class RouteProxies implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        BeanFactory beans = (BeanFactory) registry;
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(RouteProxy.class));
        for (String basePackage : AutoConfigurationPackages.get(beans)) {
            for (BeanDefinition found : scanner.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(found.getBeanClassName(), RouteProxies.class.getClassLoader());
                registry.registerBeanDefinition(Introspector.decapitalize(type.getSimpleName()), definition(type, beans));
            }
        }
    }

    private static <T> RootBeanDefinition definition(Class<T> type, BeanFactory beans) {
        return new RootBeanDefinition(type, () -> proxy(type, beans.getBean(CamelContext.class)));
    }

    private static <T> T proxy(Class<T> type, CamelContext camel) {
        String endpoint = type.getAnnotation(RouteProxy.class).value();
        try {
            return new ProxyBuilder(camel).endpoint(endpoint).build(type);
        } catch (Exception e) {
            throw new BeanCreationException("a proxy of " + type.getName() + " on " + endpoint, e);
        }
    }
}

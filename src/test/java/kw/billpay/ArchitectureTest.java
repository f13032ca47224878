package kw.billpay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape of the code, enforced: a framework-free domain core (buckpal's rule), features that do not depend on each
 * other in circles, and channels that reach another feature's tables only through that feature's services.
 */
@AnalyzeClasses(packages = "kw.billpay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain core: money, allocation, accounts, payments and their lifecycle, issuers' rules. Plain Java. */
    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage("kw.billpay.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "kw.billpay.core..");

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses()
            .that().resideInAPackage("kw.billpay.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.camel..", "jakarta..", "javax..", "com.fasterxml..");

    /** No two features depend on each other, directly or around a circle. */
    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("kw.billpay.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule channelsFormNoCycles = slices().matching("kw.billpay.channel.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreFormsNoCycles = slices().matching("kw.billpay.core.(*)..").should().beFreeOfCycles();

    /** A channel reads and writes another feature's tables only by asking that feature's services. */
    @ArchTest
    static final ArchRule channelsUseNoOtherFeaturesRepository = classes()
            .that().resideInAPackage("kw.billpay.channel..")
            .should(useNoRepositoryOutsideTheirOwnPackage());

    @ArchTest
    static final ArchRule channelsPostOnlyThroughThePostingCore = noClasses()
            .that().resideInAPackage("kw.billpay.channel..")
            .should().dependOnClassesThat().haveSimpleName("AllocationEngine")
            .orShould().dependOnClassesThat().haveSimpleName("PostingService");

    /** Java calls a route only through its {@code @RouteProxy} interface: no endpoint strings, header maps or templates. */
    @ArchTest
    static final ArchRule routesAreCalledThroughTheirProxies = noClasses()
            .that().resideInAPackage("kw.billpay..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.ProducerTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.FluentProducerTemplate");

    private static ArchCondition<JavaClass> useNoRepositoryOutsideTheirOwnPackage() {
        DescribedPredicate<JavaClass> repository = DescribedPredicate.describe("a repository of the gateway's",
                c -> c.getPackageName().startsWith("kw.billpay.")
                        && (c.getSimpleName().endsWith("Repository") || c.isAnnotatedWith("org.springframework.stereotype.Repository")));
        return new ArchCondition<>("use no repository of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    if (repository.test(target) && !target.getPackageName().equals(item.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                });
            }
        };
    }
}

package kw.billpay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The money and allocation core is plain Java: no framework may leak into it (buckpal's rule). */
@AnalyzeClasses(packages = "kw.billpay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdk = classes()
            .that().resideInAnyPackage("kw.billpay.money..", "kw.billpay.allocation..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "kw.billpay.money..", "kw.billpay.allocation..");

    @ArchTest
    static final ArchRule coreKnowsNothingOfTheGateway = noClasses()
            .that().resideInAnyPackage("kw.billpay.money..", "kw.billpay.allocation..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.camel..", "jakarta..", "com.fasterxml..");

    @ArchTest
    static final ArchRule channelsPostOnlyThroughThePostingCore = noClasses()
            .that().resideInAPackage("kw.billpay.channel..")
            .should().dependOnClassesThat().haveSimpleName("AllocationEngine");
}

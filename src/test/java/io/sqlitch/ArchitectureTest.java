package io.sqlitch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package order of docs/ARCHITECTURE.md, enforced on the main classes: plan/config, then target, registry,
 * engine, command, maven; console below engine; json, format and graph (reports over plan and registry data)
 * below command; {@code io.sqlitch} itself (SqitchException, RunContext) at the bottom.
 */
class ArchitectureTest {

    /** The Maven adapter, and the HelpMojo maven-plugin-plugin generates. */
    private static final String[] MAVEN = {"io.sqlitch.maven..", "io.sqlitch.sqlitch_maven_plugin.."};
    private static final String[] KNOWN = {"io.sqlitch", "io.sqlitch.plan..", "io.sqlitch.config..",
            "io.sqlitch.console..", "io.sqlitch.target..", "io.sqlitch.registry..", "io.sqlitch.engine..",
            "io.sqlitch.format..", "io.sqlitch.json..", "io.sqlitch.graph..", "io.sqlitch.command..", MAVEN[0],
            MAVEN[1]};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.sqlitch");
    }

    @Test
    void packagesFollowTheLayerOrder() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("io.sqlitch")
                .layer("plan").definedBy("io.sqlitch.plan..")
                .layer("config").definedBy("io.sqlitch.config..")
                .layer("console").definedBy("io.sqlitch.console..")
                .layer("target").definedBy("io.sqlitch.target..")
                .layer("registry").definedBy("io.sqlitch.registry..")
                .layer("engine").definedBy("io.sqlitch.engine..")
                .layer("format").definedBy("io.sqlitch.format..")
                .layer("json").definedBy("io.sqlitch.json..")
                .optionalLayer("graph").definedBy("io.sqlitch.graph..")
                .layer("command").definedBy("io.sqlitch.command..")
                .layer("maven").definedBy(MAVEN)
                .whereLayer("root").mayNotAccessAnyLayer()
                .whereLayer("plan").mayOnlyAccessLayers("root")
                .whereLayer("config").mayOnlyAccessLayers("root")
                .whereLayer("console").mayOnlyAccessLayers("root")
                .whereLayer("target").mayOnlyAccessLayers("root", "plan", "config")
                .whereLayer("registry").mayOnlyAccessLayers("root", "plan", "config", "target")
                .whereLayer("engine").mayOnlyAccessLayers("root", "plan", "config", "target", "registry", "console")
                .whereLayer("format").mayOnlyAccessLayers("root", "plan", "config", "target", "registry")
                .whereLayer("json").mayOnlyAccessLayers("root", "plan", "config", "target", "registry")
                .whereLayer("graph").mayOnlyAccessLayers("root", "plan", "config", "target", "registry")
                .whereLayer("command").mayOnlyAccessLayers("root", "plan", "config", "console", "target", "registry",
                        "engine", "format", "json", "graph")
                .whereLayer("maven").mayOnlyBeAccessedByLayers("maven")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.sqlitch.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheMavenAdapterSeesMaven() {
        noClasses().that().resideOutsideOfPackages(MAVEN)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                        "org.eclipse.aether..", "org.sonatype..")
                .because("the core compiles and is tested without Maven").check(main);
    }

    @Test
    void everyPackageHasAPlaceInTheOrder() {
        classes().should().resideInAnyPackage(KNOWN)
                .because("a new package needs its place in ArchitectureTest's layers and docs/ARCHITECTURE.md")
                .check(main);
    }
}

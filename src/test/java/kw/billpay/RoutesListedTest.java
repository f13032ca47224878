package kw.billpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every flow in {@code routes/} is loaded, and nothing else: application.yml names the route files one by one (a
 * wildcard would make Camel unpack the whole fat jar at every start), so a new file must be added there too.
 */
class RoutesListedTest {

    @Test
    void theIncludePatternNamesEveryFileInTheRoutesFolder() throws IOException {
        String pattern;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Map<String, Map<String, Object>>> yml = new Yaml().load(in);
            pattern = (String) yml.get("camel").get("main").get("routes-include-pattern");
        }
        String[] listed = pattern.split(",");
        assertThat(listed).allSatisfy(entry -> assertThat(entry).startsWith("classpath:routes/").doesNotContain("*", " "));

        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(Arrays.stream(listed).map(entry -> entry.substring("classpath:routes/".length())))
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }
}

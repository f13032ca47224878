package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.web.ContractExamples.Use;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The published document's examples (openapi/examples, attached by {@link ContractExamples}) are the contract's and are
 * true of the gateway: each is in /v3/api-docs where the index puts it, each request example is accepted by the running
 * gateway, each answer example names only fields the real answer has, and the files are CONTRACT.md's json blocks.
 */
class OpenApiExamplesTest extends GatewayIntegrationTest {

    private static final List<Use> USES = ContractExamples.read(JSON);
    /** A contract example's "any value" (as a value) or "any further members" (as a member name). */
    private static final String ANY = "...";
    /** The one example that is not a json block of CONTRACT.md: "Common rules" describes errors in words. */
    private static final String NOT_A_CONTRACT_BLOCK = "problem.json";
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleIsInThePublishedDocumentAtItsPathAndMethod() {
        JsonNode paths = getJson("/v3/api-docs", OPS).path("paths");
        for (Use use : USES) {
            List<JsonNode> operations = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                if (use.appliesTo(path.getKey(), method.getKey())) {
                    operations.add(method.getValue());
                }
            }));
            assertThat(operations).as("operations for %s %s", use.method(), use.path()).isNotEmpty();
            for (JsonNode operation : operations) {
                JsonNode content = use.in().equals("request")
                        ? operation.path("requestBody").path("content").path("application/json")
                        : operation.path("responses").path(use.in()).path("content")
                                .path(use.in().equals("4XX") ? "application/problem+json" : "application/json");
                JsonNode example = content.path("examples").path(use.name());
                assertThat(example.path("value")).as("%s at %s %s %s", use.file(), use.method(), use.path(), use.in())
                        .isEqualTo(use.value());
                assertThat(example.path("summary").asText()).contains(use.section());
                if (use.difference() != null) {
                    assertThat(example.path("description").asText()).isEqualTo(use.difference());
                }
            }
        }
    }

    @Test
    void everyRequestExampleIsAcceptedByTheGateway() {
        for (Use use : USES) {
            if (use.in().equals("request")) {
                Answer answer = send(use, use.value());
                assertThat(answer.status()).as("%s sent to %s %s: %s", use.file(), use.method(), use.path(), answer.body())
                        .isBetween(200, 299);
            }
        }
    }

    /** Where the vendored example differs from the contract's block, the block itself is refused: the change is needed. */
    @Test
    void theContractsOwnBlockIsRefusedWhereTheExampleDiffersFromIt() throws IOException {
        for (Use use : USES) {
            JsonNode block = asInTheContract(use.file(), use.value());
            if (use.in().equals("request") && !block.equals(use.value())) {
                Answer answer = send(use, block);
                assertThat(answer.status()).as("the contract's block for %s: %s", use.file(), answer.body()).isBetween(400, 499);
            }
        }
    }

    @Test
    void everyAnswerExampleNamesOnlyFieldsOfTheRealAnswer() {
        for (Use use : USES) {
            if (!use.in().equals("request")) {
                Answer answer = realAnswer(use);
                if (use.in().equals("4XX")) {
                    assertThat(answer.status()).isBetween(400, 499);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(Integer.parseInt(use.in()));
                }
                List<String> missing = new ArrayList<>();
                fieldsMissing(use.value(), answer.json(), "", missing);
                assertThat(missing).as("fields of %s (%s %s %s) not in the real answer %s",
                        use.file(), use.method(), use.path(), use.in(), answer.body()).isEmpty();
            }
        }
    }

    @Test
    void theVendoredExamplesAreTheContractsJsonBlocks() throws IOException {
        Path contract = List.of(Path.of("../shared/spec/CONTRACT.md"), Path.of("../../shared/spec/CONTRACT.md")).stream()
                .filter(Files::exists).findFirst().orElse(null);
        Assumptions.assumeTrue(contract != null, "CONTRACT.md is not beside this checkout");
        List<JsonNode> blocks = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(Files.readString(contract));
        while (block.find()) {
            blocks.add(JSON.readTree(block.group(1)));
        }
        List<JsonNode> vendored = new ArrayList<>();
        for (Use use : USES) {
            JsonNode original = asInTheContract(use.file(), use.value());
            if (!use.file().equals(NOT_A_CONTRACT_BLOCK) && !vendored.contains(original)) {
                vendored.add(original);
            }
        }
        assertThat(vendored).as("the examples against the json blocks of " + contract).containsExactlyInAnyOrderElementsOf(blocks);
    }

    /** Sends a request example (or the contract's block) to its endpoint as its caller would, placeholders filled. */
    private Answer send(Use use, JsonNode example) {
        ObjectNode body = example.deepCopy();
        switch (use.method() + " " + use.path()) {
            case "PUT /api/v1/accounts/{accountNumber}" -> {
                return put("/api/v1/accounts/" + randomAccountNumber(), OPS, body);
            }
            case "POST /api/v1/branch/payments" -> {
                ensureUsdKwdRate();
                body.put("accountNumber", newAccount("KWD"));
                // a cheque is taken once: the example's number, made unique as GatewayIntegrationTest.cheque does
                ((ObjectNode) body.path("cheque")).put("number", body.path("cheque").path("number").asText()
                        + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
                return post("/api/v1/branch/payments", TELLER, body, newKey());
            }
            default -> throw new AssertionError("no live request for the example " + use.file() + " of "
                    + use.method() + " " + use.path() + ": add one here");
        }
    }

    /** The gateway's answer to the request an answer example describes. */
    private Answer realAnswer(Use use) {
        JsonNode account = exampleFile("account-request.json");
        switch (use.method() + " " + use.path() + " " + use.in()) {
            case "PUT /api/v1/accounts/{accountNumber} 201" -> {
                return put("/api/v1/accounts/" + randomAccountNumber(), OPS, account);
            }
            case "PUT /api/v1/accounts/{accountNumber} 200" -> {
                String accountNumber = randomAccountNumber();
                assertThat(put("/api/v1/accounts/" + accountNumber, OPS, account).status()).isEqualTo(201);
                return put("/api/v1/accounts/" + accountNumber, OPS, account);
            }
            case "GET /api/v1/accounts/{accountNumber} 200" -> {
                String accountNumber = randomAccountNumber();
                assertThat(put("/api/v1/accounts/" + accountNumber, OPS, account).status()).isEqualTo(201);
                return get("/api/v1/accounts/" + accountNumber, TELLER);
            }
            case "GET /api/v1/payments/{paymentId} 200" -> {
                // the example's own payment: 10.00 USD in cash at a branch, posted to a KWD account at 0.305000
                ensureUsdKwdRate();
                Answer taken = post("/api/v1/branch/payments", TELLER, cash(newAccount("KWD"), "10.00", "USD"), newKey());
                assertThat(taken.status()).as(taken.body()).isEqualTo(201);
                return get("/api/v1/payments/" + taken.json().path("paymentId").asText(), OPS);
            }
            case "* /api/** 4XX" -> {
                return get("/api/v1/accounts/" + randomAccountNumber(), OPS);
            }
            default -> throw new AssertionError("no real answer for the example " + use.file() + " of "
                    + use.method() + " " + use.path() + " " + use.in() + ": add one here");
        }
    }

    /**
     * Adds to {@code missing} every member the example names that the real answer lacks, recursively; a member named
     * "..." stands for any others, and an array's example elements are matched with the answer's elements.
     */
    private static void fieldsMissing(JsonNode example, JsonNode real, String at, List<String> missing) {
        if (example.isObject()) {
            if (!real.isObject()) {
                missing.add(at + " (an object in the example, " + real.getNodeType() + " in the answer)");
                return;
            }
            example.fields().forEachRemaining(member -> {
                if (!member.getKey().equals(ANY)) {
                    JsonNode value = real.get(member.getKey());
                    if (value == null) {
                        missing.add(at + "/" + member.getKey());
                    } else {
                        fieldsMissing(member.getValue(), value, at + "/" + member.getKey(), missing);
                    }
                }
            });
        } else if (example.isArray()) {
            if (!real.isArray() || (real.isEmpty() && !example.isEmpty())) {
                missing.add(at + " (a non-empty array in the example, " + real + " in the answer)");
                return;
            }
            for (int i = 0; i < example.size(); i++) {
                fieldsMissing(example.get(i), real.get(Math.min(i, real.size() - 1)), at + "/" + i, missing);
            }
        } else if (!example.isNull() && !example.equals(TextNode.valueOf(ANY)) && real.isContainerNode()) {
            missing.add(at + " (a value in the example, " + real.getNodeType() + " in the answer)");
        }
    }

    /** The example as CONTRACT.md has it: the index's documented difference, if any, undone. */
    private static JsonNode asInTheContract(String file, JsonNode example) throws IOException {
        JsonNode index = JSON.readTree(Files.readString(Path.of("src/main/resources", ContractExamples.FOLDER, "index.json")));
        for (JsonNode entry : index.path("examples")) {
            JsonNode difference = entry.path("differsFromContract");
            if (entry.path("file").asText().equals(file) && !difference.isMissingNode()) {
                ObjectNode original = example.deepCopy();
                String pointer = difference.path("pointer").asText();
                int last = pointer.lastIndexOf('/');
                ((ObjectNode) original.at(pointer.substring(0, last))).set(pointer.substring(last + 1), difference.path("contract"));
                return original;
            }
        }
        return example;
    }

    private static JsonNode exampleFile(String file) {
        return USES.stream().filter(use -> use.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " is not in the index")).value();
    }
}

package kw.billpay.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Puts CONTRACT.md's examples into the published OpenAPI document (/v3/api-docs), by path and method, from the files
 * listed in {@code openapi/examples/index.json}: request bodies, answers, and the problem+json of every refusal. The
 * controllers stay free of documentation annotations; OpenApiExamplesTest proves each example against the gateway.
 */
@Component
class ContractExamples implements OpenApiCustomizer {

    static final String FOLDER = "openapi/examples/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** springdoc's media type for an answer whose controller names none; the JSON API answers application/json. */
    private static final String ANY = "*/*";

    /** One use of an example file (an entry of index.json); {@code difference} says how it differs from the contract's. */
    record Use(String file, String section, String method, String path, String in, JsonNode value, String difference) {

        boolean appliesTo(String operationPath, String operationMethod) {
            boolean pathMatches = path.endsWith("/**")
                    ? operationPath.startsWith(path.substring(0, path.length() - 2))
                    : operationPath.equals(path);
            return pathMatches && (method.equals("*") || method.equalsIgnoreCase(operationMethod));
        }

        /** The example's name in the document: its file, without ".json". */
        String name() {
            return file.substring(0, file.length() - ".json".length());
        }
    }

    private final List<Use> uses;

    ContractExamples(ObjectMapper json) {
        this.uses = read(json);
    }

    /** The index and its files, read at start: a missing or malformed file stops the gateway, not the document. */
    static List<Use> read(ObjectMapper json) {
        List<Use> uses = new ArrayList<>();
        for (JsonNode entry : readJson(json, "index.json").path("examples")) {
            String file = entry.path("file").asText();
            JsonNode differs = entry.path("differsFromContract");
            String difference = differs.isMissingNode() ? null : "CONTRACT.md's block has " + differs.path("pointer").asText()
                    + " " + differs.path("contract") + ": " + differs.path("why").asText();
            uses.add(new Use(file, entry.path("section").asText(), entry.path("method").asText(),
                    entry.path("path").asText(), entry.path("in").asText(), readJson(json, file), difference));
        }
        return List.copyOf(uses);
    }

    private static JsonNode readJson(ObjectMapper json, String file) {
        try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI example " + FOLDER + file, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (Use use : uses) {
                if (use.appliesTo(path, method.name())) {
                    attach(operation, use);
                }
            }
        }));
    }

    private static void attach(Operation operation, Use use) {
        Example example = new Example()
                .summary("CONTRACT.md, \"" + use.section() + "\"")
                .description(use.difference())
                .value(use.value());
        if (use.in().equals("request")) {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                jsonMedia(operation.getRequestBody().getContent(), JSON).addExamples(use.name(), example);
            }
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse answer = operation.getResponses().computeIfAbsent(use.in(), status -> newAnswer(operation, status));
        if (answer.getContent() == null) {
            answer.setContent(new Content());
        }
        String type = use.in().startsWith("4") ? PROBLEM_JSON : JSON;
        jsonMedia(answer.getContent(), type).addExamples(use.name(), example);
    }

    /** An answer the controller's signature does not show: a refusal, or another success (201 besides 200). */
    private static ApiResponse newAnswer(Operation operation, String status) {
        if (status.equals("4XX")) {
            return new ApiResponse()
                    .description("Refused: RFC 9457 problem+json with a `code` (CONTRACT.md \"Common rules\")")
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemSchema())));
        }
        ApiResponse answer = new ApiResponse().description(HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase());
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null) {
            MediaType sameBody = ok.getContent().getOrDefault(JSON, ok.getContent().get(ANY));
            if (sameBody != null) {
                answer.content(new Content().addMediaType(JSON, new MediaType().schema(sameBody.getSchema())));
            }
        }
        return answer;
    }

    /** The content's entry of this JSON type; springdoc's {@code *}/{@code *} stand-in becomes it, keeping its schema. */
    private static MediaType jsonMedia(Content content, String type) {
        MediaType media = content.get(type);
        if (media == null) {
            MediaType any = content.remove(ANY);
            media = any != null ? any : new MediaType();
            content.addMediaType(type, media);
        }
        return media;
    }

    private static ObjectSchema problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().format("uri-reference"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("code", new StringSchema().description("the gateway's reason, e.g. VALIDATION_FAILED"));
        return problem;
    }
}

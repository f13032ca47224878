package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kw.billpay.support.GatewayIntegrationTest;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a database error: a data exception (SQLState class 22) is the request's values' fault, a 4xx with a
 * clear detail, whether it reaches the handler bare or wrapped by a route; any other database error is the gateway's.
 * The errors are real PostgreSQL's, from the gateway's own database.
 */
class DatabaseErrorAnswersTest extends GatewayIntegrationTest {

    @Autowired
    ProblemHandler problems;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"select cast(12345 as numeric(3, 0))|422|AMOUNT_OUT_OF_RANGE",
            "select convert_from('\\x00'::bytea, 'UTF8')|400|VALIDATION_FAILED",
            "select 1 / (select 0)|400|VALIDATION_FAILED",
            "select 'not a number'::int|400|VALIDATION_FAILED",
            "select * from no_such_table|500|INTERNAL_ERROR"})
    void databaseErrorsAreAnsweredByTheirClass(String statement) {
        String[] parts = statement.split("\\|");
        DataAccessException failure = null;
        try {
            jdbc.queryForList(parts[0]);
        } catch (DataAccessException e) {
            failure = e;
        }
        assertThat(failure).as(parts[0]).isNotNull();

        ResponseEntity<Object> bare = problems.database(failure);
        ResponseEntity<Object> wrapped = problems.unexpected(new CamelExecutionException("route failed", null,
                new IllegalStateException("bean failed", failure)));

        for (ResponseEntity<Object> answer : List.of(bare, wrapped)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(Integer.parseInt(parts[1]));
            JsonNode problem = JSON.valueToTree(answer.getBody());
            assertThat(problem.path("properties").path("code").asText(problem.path("code").asText())).isEqualTo(parts[2]);
        }
    }

}

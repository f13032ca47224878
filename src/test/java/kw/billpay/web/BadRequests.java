package kw.billpay.web;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates bad requests for {@link BadInputFuzzTest}, deterministically from one {@link Random}. Every request is bad
 * by construction (at least one flaw the gateway must refuse: text it cannot store, a wrong type, a huge or malformed
 * value, broken JSON, a body over the limit, a wrong content type, key, credential, role, method or path), so none
 * may change anything; the gateway's answers to the KNET forms and the simulator's XML are free but never a 5xx.
 */
final class BadRequests {

    /** What the requests aim at: accounts, a cheque pending clearing, a posted cash payment, a KNET intent. */
    record Targets(List<String> accounts, String pendingCheque, String postedCash, String trackId) { }

    /** One request, ready to send from {@code from} (null: the default address). */
    record Fuzzed(int index, String flaw, String method, String target, String from, byte[] bytes) {
        @Override
        public String toString() {
            String text = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
            StringBuilder shown = new StringBuilder();
            text.chars().forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c)));
            return "#" + index + " [" + flaw + "] from " + (from == null ? "localhost" : from) + ": " + shown
                    + (bytes.length > 400 ? "… (" + bytes.length + " bytes)" : "");
        }
    }

    /** The address bad credentials come from: its throttling blocks no other test. */
    static final String GUESSER = "127.0.0.99";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String[] UNSTORABLE = {"\u0000", "\u0001", "\u0008", "\u001b", "\u001f", "\u007f", "\ud800", "\udfff"};

    private final Random random;
    private final Targets targets;
    private final long seed;

    BadRequests(Random random, Targets targets, long seed) {
        this.random = random;
        this.targets = targets;
        this.seed = seed;
    }

    Fuzzed next(int index) {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return json(index);
        } else if (pick < 75) {
            return knetForm(index);
        } else if (pick < 93) {
            return read(index);
        }
        return xml(index);
    }

    // ------------------------------------------------------------------------------------------------------------
    // JSON endpoints: a valid request, then at least one fatal flaw
    // ------------------------------------------------------------------------------------------------------------

    private record Endpoint(String method, String path, String role, List<String> otherRoles, boolean takesKey,
                            ObjectNode body, List<String> requiredPaths, List<String> amountPaths, boolean pathHasId) { }

    private Endpoint endpoint() {
        String account = pick(targets.accounts());
        String someAccount = random.nextBoolean() ? account : randomAccountNumber();
        return switch (random.nextInt(6)) {
            case 0 -> new Endpoint("PUT", "/api/v1/accounts/" + someAccount, "OPS", List.of("TELLER", "SUPERVISOR", "ONLINE"), false,
                    account(), List.of("issuer", "holderName", "currency", "status", "statement", "statement.statementDate",
                    "statement.dueDate"), List.of("creditLimit", "unbilled"), true);
            case 1 -> new Endpoint("PUT", "/api/v1/fx-rates", "OPS", List.of("TELLER", "MOBILE"), false,
                    object(Map.of("rates", List.of(Map.of("from", "JPY", "to", "BHD", "rate", "0.002500",
                            "effectiveAt", "2001-01-01T00:00:00+03:00")))),
                    List.of("rates", "rates.0.from", "rates.0.to", "rates.0.effectiveAt"), List.of("rates.0.rate"), false);
            case 2 -> new Endpoint("POST", "/api/v1/branch/payments", "TELLER", List.of("OPS", "SUPERVISOR", "ONLINE"), true,
                    object(Map.of("accountNumber", account, "method", "CASH", "amount", Map.of("amount", "10.000", "currency", "KWD"),
                            "institution", "AMEX", "branch", "SALHIYA")),
                    List.of("accountNumber", "method", "amount", "amount.currency", "institution", "branch"), List.of("amount.amount"), false);
            case 3 -> new Endpoint("POST", "/api/v1/branch/payments/" + targets.pendingCheque() + "/clearing", "SUPERVISOR",
                    List.of("TELLER", "MOBILE"), false, object(Map.of("outcome", "CLEARED")), List.of("outcome"), List.of(), true);
            case 4 -> new Endpoint("POST", "/api/v1/payments/" + targets.postedCash() + "/reversal", "OPS",
                    List.of("TELLER", "SUPERVISOR", "ONLINE"), true, object(Map.of("reason", "CHARGEBACK")), List.of("reason"), List.of(), true);
            default -> new Endpoint("POST", "/api/v1/online/payments", random.nextBoolean() ? "ONLINE" : "MOBILE",
                    List.of("OPS", "TELLER"), true, object(Map.of("accountNumber", account,
                    "amount", Map.of("amount", "10.000", "currency", "KWD"))), List.of("accountNumber", "amount", "amount.currency"),
                    List.of("amount.amount"), false);
        };
    }

    private Fuzzed json(int index) {
        Endpoint e = endpoint();
        String method = e.method();
        String path = e.path();
        String role = e.role();
        String from = null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        String key = "fuzz-" + seed + "-" + index;
        ObjectNode body = e.body();
        byte[] bytes = null;
        List<String> flaws = new ArrayList<>();
        int count = 1 + (random.nextInt(4) == 0 ? 1 : 0);
        for (int n = 0; n < count; n++) {
            switch (random.nextInt(e.takesKey() ? 17 : 16)) {
                case 0, 1, 2 -> flaws.add(unstorable(body));
                case 3, 4 -> flaws.add(wrongType(body, pick(e.requiredPaths())));
                case 5 -> flaws.add(hugeString(body, pick(e.requiredPaths())));
                case 6 -> flaws.add(e.amountPaths().isEmpty() ? randomShape(body) : badNumber(body, pick(e.amountPaths())));
                case 7 -> flaws.add(randomShape(body));
                case 8 -> {
                    bytes = deepNesting();
                    flaws.add("nesting");
                }
                case 9 -> {
                    bytes = truncated(body);
                    flaws.add("truncated");
                }
                case 10 -> {
                    bytes = rawByteInAString(body);
                    flaws.add("raw byte in a string");
                }
                case 11 -> {
                    body.put("padding" + random.nextInt(1000), letters(64 * 1024 + random.nextInt(40_000)));
                    flaws.add("over 64 KB");
                }
                case 12 -> {
                    headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x", "application/jsonx", "a/b/c")));
                    flaws.add("content type");
                }
                case 13 -> {
                    from = GUESSER;
                    role = pick(List.of("GUESS_BASIC", "GUESS_KEY", "GARBAGE_AUTH"));
                    flaws.add("credentials");
                }
                case 14 -> {
                    role = pick(e.otherRoles());
                    flaws.add("role");
                }
                case 15 -> {
                    if (e.pathHasId()) {
                        path = path.replaceFirst("^(/api/v1/(accounts|payments|branch/payments)/)[^/]+", "$1" + badPathSegment().replace("$", ""));
                        flaws.add("path");
                    } else {
                        method = pick(List.of("DELETE", "PATCH", "PUT".equals(e.method()) ? "POST" : "PUT"));
                        flaws.add("method " + method);
                    }
                }
                default -> {
                    key = badKey();
                    flaws.add("Idempotency-Key");
                }
            }
        }
        if (e.takesKey() && key != null) {
            headers.put("Idempotency-Key", key);
        }
        headers.putAll(credentials(role));
        if (random.nextInt(10) == 0) {
            headers.put("X-Fuzz-" + random.nextInt(100), letters(random.nextInt(200)) + "\u00e9\u00ff");
        }
        if (bytes == null) {
            bytes = write(body);
        }
        boolean chunked = random.nextInt(4) == 0;
        return new Fuzzed(index, String.join(", ", flaws), method, path, from, RawHttp.request(method, path, headers, bytes, chunked));
    }

    /** A NUL, a control character or a lone surrogate in a string anywhere, or in a field name, known or not. */
    private String unstorable(ObjectNode body) {
        String bad = pick(List.of(UNSTORABLE));
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        ObjectNode where = pick(objects);
        List<String> fields = new ArrayList<>();
        where.fieldNames().forEachRemaining(fields::add);
        int choice = random.nextInt(3);
        if (choice == 0 && !fields.isEmpty()) {
            String field = pick(fields);
            JsonNode value = where.get(field);
            if (value.isTextual()) {
                where.put(field, insert(value.textValue(), bad));
                return "unstorable text in " + field;
            }
        }
        if (choice == 1 && !fields.isEmpty()) {
            String field = pick(fields);
            where.set(insert(field, bad), where.remove(field));
            return "unstorable field name";
        }
        where.put("note" + random.nextInt(100), insert(letters(random.nextInt(30)), bad));
        return "unstorable text in an unknown field";
    }

    private String wrongType(ObjectNode body, String path) {
        JsonNode wrong = switch (random.nextInt(3)) {
            case 0 -> BooleanNode.valueOf(random.nextBoolean());
            case 1 -> JsonNodeFactory.instance.arrayNode().add(letters(3)).add(random.nextInt());
            default -> JsonNodeFactory.instance.objectNode().put(letters(12), random.nextLong());
        };
        if (at(body, path).isObject() || at(body, path).isArray()) {
            // An object where one is expected, or a wrong value an earlier flaw put there (text would make a text
            // field right again): a boolean is wrong for both.
            wrong = BooleanNode.valueOf(random.nextBoolean());
        }
        set(body, path, wrong);
        return "wrong type at " + path;
    }

    private String hugeString(ObjectNode body, String path) {
        set(body, path, JsonNodeFactory.instance.textNode(letters(1000 + random.nextInt(30_000))));
        return "huge string at " + path;
    }

    private String badNumber(ObjectNode body, String path) {
        String digits = digits(25 + random.nextInt(400));
        JsonNode value = switch (random.nextInt(8)) {
            case 0 -> JsonNodeFactory.instance.textNode(digits + ".000");
            case 1 -> JsonNodeFactory.instance.textNode("-" + digits);
            case 2 -> JsonNodeFactory.instance.textNode(pick(List.of("1e400", "1E-9999", "NaN", "Infinity", "-0.000", "0x10", "10,000",
                    "\u0661\u0662.\u0663\u0664\u0665", " 10.000", "10.000 ", "+10.000", ".5", "10.")));
            case 3 -> JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(digits + ".5"));
            case 4 -> JsonNodeFactory.instance.numberNode(random.nextDouble() * 1e6);
            case 5 -> JsonNodeFactory.instance.numberNode(random.nextLong());
            case 6 -> JsonNodeFactory.instance.textNode(digits(17) + ".000"); // one digit more than numeric(19,3) holds
            default -> JsonNodeFactory.instance.textNode(digits(2000));
        };
        set(body, path, value);
        return "bad number at " + path;
    }

    /** Another JSON value altogether: no known field, nested arbitrarily. */
    private String randomShape(ObjectNode body) {
        body.removeAll();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            body.set(letters(12 + random.nextInt(8)), randomValue(3));
        }
        return "random shape";
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> JsonNodeFactory.instance.textNode(letters(random.nextInt(50)));
            case 1 -> JsonNodeFactory.instance.numberNode(random.nextLong());
            case 2 -> JsonNodeFactory.instance.numberNode(random.nextGaussian() * 1e300);
            case 3 -> BooleanNode.valueOf(random.nextBoolean());
            case 4 -> JsonNodeFactory.instance.nullNode();
            case 5 -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(letters(12), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private byte[] deepNesting() {
        int depth = 1_100 + random.nextInt(5_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        return (open.repeat(depth) + "1").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] truncated(ObjectNode body) {
        byte[] whole = write(body);
        return java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
    }

    /** A byte JSON does not allow inside a string: a raw control character, or one that is not UTF-8. */
    private byte[] rawByteInAString(ObjectNode body) {
        byte[] whole = write(body);
        String text = new String(whole, StandardCharsets.US_ASCII);
        List<Integer> insideStrings = new ArrayList<>();
        for (int i = text.indexOf(":\""); i >= 0; i = text.indexOf(":\"", i + 1)) {
            insideStrings.add(i + 2);
        }
        int at = insideStrings.isEmpty() ? 1 : pick(insideStrings);
        byte[][] bad = {{0x00}, {0x01}, {0x1f}, {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(whole, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(whole, at, whole.length - at);
        return out.toByteArray();
    }

    private String badKey() {
        return switch (random.nextInt(6)) {
            case 0 -> letters(65 + random.nextInt(300));
            case 1 -> "key with spaces";
            case 2 -> "key-\u00e9\u00ff";
            case 3 -> "key\u0000nul";
            case 4 -> "key\u0001ctl";
            default -> "";
        };
    }

    private String badPathSegment() {
        return pick(List.of("%00", "%01", "%7F", "%ED%A0%80", "%C0%80", "%FF", "abc%", "%zz", "..%2F..", "12345",
                "0000000000000000000000000", "%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5%D9%A6", letters(1 + random.nextInt(3000)),
                "%20" + digits(15), digits(15) + "%0A", "-1", "null", "%F0%9F%98%80"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // KNET's form endpoints, reads, the simulator's XML
    // ------------------------------------------------------------------------------------------------------------

    private Fuzzed knetForm(int index) {
        String path = random.nextInt(5) == 0 ? "/kpg/PaymentHTTP.htm" : pick(List.of("/knet/response", "/knet/error"));
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(8);
        List<String> names = List.of("trandata", "paymentid", "trackid", "result", "Error", "ErrorText", "tranid", "amt",
                "udf1", "choice", letters(8));
        for (int i = 0; i < fields; i++) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(formPart(pick(names))).append('=').append(formValue());
        }
        if (random.nextInt(10) == 0) {
            form.append("&big=").append(letters(16 * 1024 + random.nextInt(20_000)));
        }
        String contentType = random.nextInt(10) == 0 ? pick(List.of("application/json", "text/plain", "application/xml"))
                : "application/x-www-form-urlencoded";
        byte[] bytes = RawHttp.request("POST", path + (random.nextInt(8) == 0 ? "?" + formPart(letters(4)) + "=" + formValue() : ""),
                Map.of("Content-Type", contentType), form.toString().getBytes(StandardCharsets.ISO_8859_1), random.nextInt(4) == 0);
        return new Fuzzed(index, "form", "POST", path, null, bytes);
    }

    private String formPart(String name) {
        return random.nextInt(10) == 0 ? name + pick(List.of("%00", "%01", "%FF", "%", "%zz", "%ED%A0%80")) : name;
    }

    private String formValue() {
        return switch (random.nextInt(9)) {
            case 0 -> hex(random.nextInt(400));
            case 1 -> letters(random.nextInt(200)) + pick(List.of(UNSTORABLE_ENCODED));
            case 2 -> digits(1 + random.nextInt(40));
            case 3 -> "CAPTURED";
            case 4 -> letters(90 + random.nextInt(30));
            case 5 -> "%" + hex(1);
            case 6 -> "";
            case 7 -> Base64.getEncoder().encodeToString(letters(30).getBytes(StandardCharsets.US_ASCII));
            default -> "%E2%82%AC" + letters(5) + "+%2B%26%3D";
        };
    }

    private static final String[] UNSTORABLE_ENCODED = {"%00", "%01", "%1B", "%7F", "%ED%A0%80", "%C0%80", "%FF", ""};

    private Fuzzed read(int index) {
        String account = random.nextBoolean() ? pick(targets.accounts()) : badPathSegment();
        String id = random.nextBoolean() ? targets.postedCash() : badPathSegment();
        String target = switch (random.nextInt(14)) {
            case 0 -> "/api/v1/accounts/" + account;
            case 1 -> "/api/v1/accounts/" + account + "/payments?limit=" + query();
            case 2 -> "/api/v1/payments/" + id;
            case 3 -> "/api/v1/branch/payments/" + id + "/receipt";
            case 4 -> "/api/v1/online/payments/" + id;
            case 5 -> "/api/v1/reconciliation?" + query() + "=" + query();
            case 6 -> "/api/v1/refunds-due?limit=" + query();
            case 7 -> "/api/v1/direct-debit/files?bank=" + query() + "&status=" + query() + "&limit=" + query();
            case 8 -> "/api/v1/direct-debit/not-collected?accountNumber=" + query() + "&limit=" + query();
            case 9 -> "/api/v1/knet/callbacks?outcome=" + query() + "&limit=" + query();
            case 10 -> "/knet/receipt/" + id;
            case 11 -> "/knet/failed/" + id;
            case 12 -> "/kpg/PaymentHTTP.htm?trandata=" + query();
            default -> "/actuator/metrics/" + query();
        };
        String role = pick(List.of("OPS", "TELLER", "SUPERVISOR", "ONLINE", "MOBILE", "NONE"));
        String from = null;
        if (random.nextInt(20) == 0) {
            role = "GUESS_BASIC";
            from = GUESSER;
        }
        String method = random.nextInt(6) == 0 ? pick(List.of("HEAD", "OPTIONS", "DELETE", "PATCH")) : "GET";
        Map<String, String> headers = new LinkedHashMap<>(credentials(role));
        if (random.nextInt(10) == 0) {
            headers.put(pick(List.of("Accept", "Accept-Language", "X-Request-Id", "If-None-Match")),
                    pick(List.of("\u0000", "\u0001x", "\u00ff\u00fe", letters(500), "*/*;q=abc", "application/xml")));
        }
        return new Fuzzed(index, "read", method, target, from, RawHttp.request(method, target, headers, null, false));
    }

    private String query() {
        return switch (random.nextInt(7)) {
            case 0 -> pick(List.of(UNSTORABLE_ENCODED));
            case 1 -> letters(random.nextInt(40)) + pick(List.of(UNSTORABLE_ENCODED));
            case 2 -> digits(1 + random.nextInt(30));
            case 3 -> "-" + digits(3);
            case 4 -> pick(List.of("ACCEPTED", "NBK", "REJECTED", "100", "0", "abc", "1.5"));
            case 5 -> letters(random.nextInt(2000));
            default -> "%" + hex(1);
        };
    }

    private Fuzzed xml(int index) {
        String body = switch (random.nextInt(8)) {
            case 0 -> "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><id>&e;</id>";
            case 1 -> "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><id>&b;</id>";
            case 2 -> "<id>demo-tranportal</id><password>demo-password</password><trackid>" + letters(random.nextInt(300)) + "\u0000</trackid>";
            case 3 -> "<id>" + "<a>".repeat(random.nextInt(5000)) + "</id>";
            case 4 -> letters(random.nextInt(1000));
            case 5 -> "<id>demo-tranportal</id><password>demo-password</password><trackid>" + targets.trackId() + "</trackid><action>"
                    + letters(3) + "</action>";
            case 6 -> "<" + letters(70_000) + ">";
            default -> "\u00ff\u00fe<\u0000>";
        };
        boolean chunked = random.nextInt(4) == 0;
        byte[] bytes = RawHttp.request("POST", "/kpg/tranPipe.htm", Map.of("Content-Type", pick(List.of("application/xml", "text/xml", "text/plain"))),
                body.getBytes(StandardCharsets.ISO_8859_1), chunked);
        return new Fuzzed(index, "xml", "POST", "/kpg/tranPipe.htm", null, bytes);
    }

    // ------------------------------------------------------------------------------------------------------------

    private Map<String, String> credentials(String role) {
        return switch (role) {
            case "OPS" -> basic("ops:ops-demo");
            case "TELLER" -> basic("teller:teller-demo");
            case "SUPERVISOR" -> basic("supervisor:supervisor-demo");
            case "ONLINE" -> Map.of("X-Api-Key", "online-demo-key");
            case "MOBILE" -> Map.of("X-Api-Key", "mobile-demo-key");
            // guesses name no real user: the guesser's address is blocked, no one else
            case "GUESS_BASIC" -> basic("guesser-" + letters(6) + ":" + letters(10));
            case "GUESS_KEY" -> Map.of("X-Api-Key", letters(1 + random.nextInt(60)));
            case "GARBAGE_AUTH" -> Map.of("Authorization", pick(List.of("Basic !!!", "Basic " + letters(5), "Bearer x.y.z", "Digest a=b", "Basic ")));
            default -> Map.of();
        };
    }

    private static Map<String, String> basic(String credentials) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static ObjectNode object(Map<String, Object> value) {
        return JSON.valueToTree(value);
    }

    private static ObjectNode account() {
        return object(Map.of("issuer", "amex-kw", "holderName", "Sample Holder", "currency", "KWD", "product", "CREDIT",
                "creditLimit", "2000.000", "status", "OPEN", "unbilled", "15.000",
                "statement", Map.of("statementDate", "2026-10-25", "dueDate", "2026-11-19", "minimumDue", "25.000",
                        "buckets", Map.of("PREVIOUS_FEES", "5.000", "CURRENT_PURCHASES", "480.000"))));
    }

    private static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode at(JsonNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node.isArray() ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? body : at(body, path.substring(0, dot));
        String last = path.substring(dot + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            body.set(path.replace('.', '_'), value); // the parent was already replaced by another flaw
            body.set(path.split("\\.")[0], BooleanNode.TRUE);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, into));
    }

    private String insert(String text, String bad) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return text.substring(0, at) + bad + text.substring(at);
    }

    private String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private String digits(int length) {
        StringBuilder text = new StringBuilder(length);
        text.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private String hex(int length) {
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            text.append(String.format("%02x", random.nextInt(256)));
        }
        return text.toString();
    }

    private String randomAccountNumber() {
        return "3766" + digits(11);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}

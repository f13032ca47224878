package kw.billpay.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Every string of a JSON request body, values and field names alike, is checked once as the parser reads it
 * ({@link StorableText}), whatever it is bound to afterwards (a string, an enum, a date, a map key, or an unknown field
 * that is then ignored): no field needs its own check, and a body holding text the gateway could not store is refused
 * whole, naming the field. Only request bodies are read this way ({@link JacksonConfiguration#requestBodies}).
 */
final class StorableJsonText {

    private static final int LONGEST_NAME_SHOWN = 64;

    private StorableJsonText() {
    }

    /** A string in the body the gateway cannot take; its message names the field ({@link ProblemHandler}). */
    static final class Refused extends JsonParseException {
        Refused(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Makes the checking parsers. */
    static final class Factory extends JsonFactory {

        Factory() {
        }

        private Factory(Factory source, ObjectCodec codec) {
            super(source, codec);
        }

        @Override
        public JsonFactory copy() {
            return new Factory(this, null);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
            return new Checked(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new Checked(super._createParser(input, ctxt));
        }
    }

    /** Every token passes through {@link #nextToken()}, skipped ones too. */
    private static final class Checked extends JsonParserDelegate {

        Checked(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                String problem = StorableText.problem(delegate.getText());
                if (problem != null) {
                    throw new Refused(this, token == JsonToken.FIELD_NAME
                            ? where(delegate.getParsingContext().getParent()) + ": a field name " + problem
                            : where(delegate.getParsingContext()) + ": " + problem);
                }
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current == null || !current.isStructStart()) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        /** {@code statement.dueDate}, {@code rates[0].from}; {@code body} at the top. */
        private static String where(JsonStreamContext context) {
            if (context == null) {
                return "body";
            }
            StringBuilder path = new StringBuilder();
            for (String segment : context.pathAsPointer().toString().split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                String name = segment.replace("~1", "/").replace("~0", "~");
                if (name.length() > LONGEST_NAME_SHOWN) {
                    name = name.substring(0, LONGEST_NAME_SHOWN) + "…";
                }
                path.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : (path.isEmpty() ? "" : ".") + name);
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }
}

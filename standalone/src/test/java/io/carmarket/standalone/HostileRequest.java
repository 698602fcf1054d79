package io.carmarket.standalone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One case of the hostile-input corpus: exactly what is sent (method, target, header lines, body bytes, whose
 * token) and what must come back (a status, and optionally the {@code errors} key of a 400, the problem's
 * {@code code}, headers that must be present). Built with {@link Builder}, one line per case.
 */
final class HostileRequest {

    static final String DEFAULT_ACCEPT = "application/json, application/problem+json";
    static final String JSON = "application/json";

    final String family;
    final String name;
    final String method;
    final String target;
    final List<String> headerLines;
    final byte[] body;
    final String contentType;
    final boolean chunked;
    final String session;
    final int expectedStatus;
    final String expectedField;
    final boolean fieldIsNested;
    final String expectedCode;
    final List<String> expectedHeaders;

    private HostileRequest(Builder b) {
        this.family = b.family;
        this.name = printable(b.family + ": " + b.method + " " + b.display() + (b.what.isEmpty() ? "" : " - " + b.what)
                + (b.session.equals(HostileFixtures.ANONYMOUS) ? "" : " (as " + b.session + ")"));
        this.method = b.method;
        this.target = b.target();
        this.headerLines = List.copyOf(b.headerLines);
        this.body = b.body;
        this.contentType = b.contentType;
        this.chunked = b.chunked;
        this.session = b.session;
        this.expectedStatus = b.expectedStatus;
        this.expectedField = b.expectedField;
        this.fieldIsNested = b.fieldIsNested;
        this.expectedCode = b.expectedCode;
        this.expectedHeaders = List.copyOf(b.expectedHeaders);
    }

    /**
     * The request as it goes over the wire. {@code Host} and {@code Connection: close} always; {@code Accept},
     * {@code Authorization} (the session's bearer token) and {@code Content-Type} unless the case sets its own;
     * {@code Content-Length} or chunked framing when there is a body.
     */
    byte[] toBytes(String host, int port, String bearerToken) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        if (!hasHeader("Accept")) {
            head.append("Accept: ").append(DEFAULT_ACCEPT).append("\r\n");
        }
        if (bearerToken != null && !hasHeader("Authorization")) {
            head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        if (body != null) {
            if (contentType != null && !hasHeader("Content-Type")) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(chunked ? HostileHttp.chunked(body, 8192) : body);
        }
        return out.toByteArray();
    }

    private boolean hasHeader(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headerLines.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    @Override
    public String toString() {
        return name;
    }

    /** Test names stay readable and printable whatever the case sends. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > 220 ? out.substring(0, 217) + "..." : out.toString();
    }

    /** Describes one case; {@code expect...} says what must come back. */
    static final class Builder {

        private final String family;
        private final String what;
        private final String method;
        private String pathTemplate;
        private final Function<String, String> resolver;
        private boolean absolute;
        private String query;
        private String session;
        private final List<String> headerLines = new ArrayList<>();
        private byte[] body;
        private String contentType = JSON;
        private boolean chunked;
        private Integer expectedStatus;
        private String expectedField;
        private boolean fieldIsNested;
        private String expectedCode;
        private final List<String> expectedHeaders = new ArrayList<>();

        Builder(String family, String what, String method, String pathTemplate, String session,
                Function<String, String> resolver) {
            this.family = family;
            this.what = what == null ? "" : what;
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.session = session;
            this.resolver = resolver;
        }

        /** The same case at another path (an id that does not exist, say). */
        Builder at(String pathTemplate) {
            this.pathTemplate = pathTemplate;
            return this;
        }

        /** The path is sent exactly as given: not under {@code /api/v1}, no {@code {placeholders}} replaced. */
        Builder absolute() {
            this.absolute = true;
            return this;
        }

        Builder query(String query) {
            this.query = query;
            return this;
        }

        Builder as(String session) {
            this.session = session;
            return this;
        }

        /** A JSON body: a {@link HostileJson}, or any text, sent as UTF-8 with {@code Content-Type: application/json}. */
        Builder json(Object body) {
            return bytes(String.valueOf(body).getBytes(StandardCharsets.UTF_8));
        }

        Builder bytes(byte[] body) {
            this.body = body;
            return this;
        }

        /** The Content-Type sent with the body; null sends none. */
        Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        Builder header(String name, String value) {
            return rawHeaderLine(name + ": " + value);
        }

        /** A header line written exactly as given (no colon, a folded continuation ...). */
        Builder rawHeaderLine(String line) {
            headerLines.add(line);
            return this;
        }

        Builder chunked() {
            this.chunked = true;
            return this;
        }

        Builder expect(int status) {
            this.expectedStatus = status;
            return this;
        }

        /** A 400 whose {@code errors} has exactly this key. */
        Builder expect(int status, String field) {
            this.expectedStatus = status;
            this.expectedField = field;
            return this;
        }

        /** A 400 with some {@code errors} key containing this name (the path style of nested fields is free). */
        Builder expectNested(int status, String leaf) {
            this.expectedStatus = status;
            this.expectedField = leaf;
            this.fieldIsNested = true;
            return this;
        }

        Builder expectCode(int status, String code) {
            this.expectedStatus = status;
            this.expectedCode = code;
            return this;
        }

        Builder expectHeader(String name) {
            expectedHeaders.add(name);
            return this;
        }

        HostileRequest build() {
            if (expectedStatus == null) {
                throw new IllegalStateException(family + ": " + what + " has no expected status");
            }
            return new HostileRequest(this);
        }

        private String display() {
            // A query is shown when the case has no description of its own (and it is short).
            return query != null && what.isEmpty() && query.length() <= 80 ? pathTemplate + "?" + query : pathTemplate;
        }

        private String target() {
            String full = absolute ? pathTemplate : "/api/v1" + resolver.apply(pathTemplate);
            return query == null ? full : full + "?" + query;
        }
    }
}

package io.carmarket.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for a key: method, path with query, and the exact body bytes.
 * A retry must send the same bytes; the same JSON with other spacing or field order is another request.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /**
     * @param path  the request URI as sent (percent-encoded, without the query)
     * @param query the query string, or null
     * @return the SHA-256 of {@code method + " " + path [+ "?" + query] + "\n" + body}, as 64 lower-case hex digits
     */
    static String of(String method, String path, String query, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
        String requestLine = method + " " + path + (query == null ? "" : "?" + query) + "\n";
        sha256.update(requestLine.getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }
}

package io.carmarket.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal HTTP/1.1 client over a plain socket: it sends exactly the bytes it is given (a request line with raw
 * spaces, NUL or brackets, control characters in headers, obs-fold, unknown methods, 150 headers: everything
 * {@code java.net.http} refuses to send) with {@code Connection: close}, and reads the status line, the headers and
 * the body (by Content-Length, chunked, or until the server closes). Each read waits at most 10 seconds.
 */
final class HostileHttp {

    static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_HEAD_BYTES = 256 * 1024;

    private HostileHttp() {
    }

    /** What came back. Header names are case-insensitive. */
    record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends the request and reads the answer. The request is written from a second thread while this one reads,
     * so that a server answering before it has read a large body (413) cannot deadlock the exchange.
     */
    static Response exchange(String host, int port, byte[] request) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            AtomicReference<IOException> writeFailure = new AtomicReference<>();
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException e) {
                    writeFailure.set(e);
                }
            }, "hostile-http-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream());
            } catch (SocketTimeoutException timeout) {
                throw new IOException("no complete answer within " + READ_TIMEOUT_MILLIS + " ms", timeout);
            } catch (IOException failure) {
                if (writeFailure.get() != null) {
                    failure.addSuppressed(writeFailure.get());
                }
                throw failure;
            } finally {
                socket.close(); // also ends a writer still blocked on a server that stopped reading
                try {
                    writer.join(READ_TIMEOUT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            socket.close();
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] head = readHead(in);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] statusParts = statusLine.split(" ", 3);
        if (statusParts.length < 2 || !statusParts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(statusParts[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        String transferEncoding = first(headers, "Transfer-Encoding");
        String contentLength = first(headers, "Content-Length");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (contentLength != null) {
            body = readExactly(in, Integer.parseInt(contentLength.trim()));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, statusLine, headers, body);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Up to and without the blank line that ends the head. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes, before the end of the "
                        + "response head: " + new String(head.toByteArray(), StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("response head larger than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("body ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(readExactly(in, size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0) {
            throw new IOException("connection closed inside a chunked body");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The body in chunks of this size, as {@code Transfer-Encoding: chunked} sends it. */
    static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunkSize * 8 + 16);
        for (int offset = 0; offset < body.length; offset += chunkSize) {
            int length = Math.min(chunkSize, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}

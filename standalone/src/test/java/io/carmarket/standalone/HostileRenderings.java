package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A valid JSON body said again in another format (YAML, XML, a form, a multipart part), for the cases that check a
 * valid request is refused for its Content-Type alone. Only ever given valid bodies of the corpus.
 */
final class HostileRenderings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileRenderings() {
    }

    /** Block-style YAML of the same document. */
    static String yaml(String json) {
        StringBuilder out = new StringBuilder();
        yaml(parse(json), 0, out);
        return out.toString();
    }

    private static void yaml(JsonNode node, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(pad).append(field.getKey()).append(':');
                yamlValue(field.getValue(), indent, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                out.append(pad).append('-');
                yamlValue(item, indent, out);
            }
        } else {
            out.append(pad).append(scalar(node)).append('\n');
        }
    }

    private static void yamlValue(JsonNode value, int indent, StringBuilder out) {
        if (value.isContainerNode() && !value.isEmpty()) {
            out.append('\n');
            yaml(value, indent + 2, out);
        } else {
            out.append(' ').append(value.isContainerNode() ? (value.isArray() ? "[]" : "{}") : scalar(value))
                    .append('\n');
        }
    }

    /** JSON scalars are YAML scalars (a JSON string is a double-quoted YAML string). */
    private static String scalar(JsonNode node) {
        return node.toString();
    }

    static String xml(String json) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml("request", parse(json), out);
        return out.toString();
    }

    private static void xml(String name, JsonNode node, StringBuilder out) {
        out.append('<').append(name).append('>');
        if (node.isObject()) {
            node.properties().forEach(field -> xml(field.getKey(), field.getValue(), out));
        } else if (node.isArray()) {
            node.forEach(item -> xml("item", item, out));
        } else if (!node.isNull()) {
            out.append(node.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
        out.append("</").append(name).append('>');
    }

    /** {@code application/x-www-form-urlencoded}, nested names flattened as {@code location.city}, {@code images[0].url}. */
    static String form(String json) {
        List<String> pairs = new ArrayList<>();
        form("", parse(json), pairs);
        return String.join("&", pairs);
    }

    private static void form(String name, JsonNode node, List<String> pairs) {
        if (node.isObject()) {
            node.properties().forEach(field ->
                    form(name.isEmpty() ? field.getKey() : name + "." + field.getKey(), field.getValue(), pairs));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                form(name + "[" + i + "]", node.get(i), pairs);
            }
        } else {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(node.isNull() ? "" : node.asText(), StandardCharsets.UTF_8));
        }
    }

    /** One part holding the JSON, for {@code multipart/form-data; boundary=x}. */
    static String multipart(String json) {
        return "--x\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
                + json + "\r\n--x--\r\n";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid body: " + json, e);
        }
    }
}

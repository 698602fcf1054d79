package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The value type of the embedded MongoDB server's collections: a document is stored as BSON, the server's own wire
 * format, instead of by Java serialization as H2's {@link ObjectDataType} stores it. Serializing every changed
 * document with Java serialization when the store commits took about a fifth of the CPU of a replay
 * (docs/benchmarks.md, measurement 8).
 * <p>
 * A BSON value starts with its own tag, which {@link ObjectDataType} never writes; any other value, including every
 * document written before (Java-serialized), is read as before. So a data directory from an earlier version opens
 * unchanged, and each document moves to BSON when it is next written. A document the BSON encoder cannot represent
 * is written as before.
 */
final class DocumentValueType extends ObjectDataType {

    /** A tag {@link ObjectDataType} does not use (it uses 0–19, 32–49 and 64–119). */
    static final byte BSON_DOCUMENT = 126;

    /** H2 sizes its pages from a value's estimated memory; this starts the moving average of encoded sizes. */
    private static final int INITIAL_SIZE_ESTIMATE = 1024;
    private static final int MOVING_AVERAGE_WEIGHT = 16;

    private volatile int averageSize = INITIAL_SIZE_ESTIMATE;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] bson = value instanceof Document document ? encode(document) : null;
        if (bson == null) {
            super.write(buffer, value);
            return;
        }
        averageSize = (bson.length + (MOVING_AVERAGE_WEIGHT - 1) * averageSize) / MOVING_AVERAGE_WEIGHT;
        buffer.put(BSON_DOCUMENT).putVarInt(bson.length).put(bson);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : super.getMemory(value);
    }

    private static byte[] encode(Document document) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            byte[] bytes = new byte[encoded.readableBytes()];
            encoded.readBytes(bytes);
            return bytes;
        } catch (IllegalArgumentException notRepresentable) {
            return null;
        } finally {
            encoded.release();
        }
    }
}

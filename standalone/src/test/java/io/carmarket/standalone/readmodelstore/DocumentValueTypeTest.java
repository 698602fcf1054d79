package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the embedded store writes a document (BSON) and reads what it wrote before (Java serialization). */
class DocumentValueTypeTest {

    private final DocumentValueType type = new DocumentValueType();
    private final Document car = new Document("_id", "car-1").append("version", 3L).append("count", 2)
            .append("listedAt", Instant.parse("2030-01-01T10:00:00Z"))
            .append("bookedPeriods", List.of(new Document("bookingId", "b-1").append("start", "2030-03-01")));

    @Test
    void a_document_is_written_as_bson_and_read_back_equal() {
        ByteBuffer written = written(type, car);

        assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON_DOCUMENT);
        assertThat(type.read(written)).isEqualTo(car);
    }

    @Test
    void a_document_written_by_java_serialization_before_is_read_as_it_was() {
        ByteBuffer writtenBefore = written(new ObjectDataType(), car);

        assertThat(type.read(writtenBefore)).isEqualTo(car);
    }

    @Test
    void values_other_than_documents_are_written_as_before() {
        ByteBuffer written = written(type, 42L);

        assertThat(new ObjectDataType().read(written)).isEqualTo(42L);
    }

    private static ByteBuffer written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }
}

package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 (23 at 10,000/s; a lookup must see exactly what a lookup of its own would): a batched list is used only
 * when it arrived whole; anything cut short is refused so the patron's lists are read statement by statement.
 */
class PatronSnapshotQueryTest {
    @Test
    @DisplayName("a whole list parses to its rows; no rows (SQL NULL) is an empty list")
    void wholeList() throws Exception {
        assertThat(PatronSnapshotQuery.array("2:20:[[1, \"a\"],[2, \"b\"]]")).hasSize(2);
        assertThat(PatronSnapshotQuery.array(null)).isEmpty();
    }

    @Test
    @DisplayName("a row longer than MAX_ROW_CHARS was cut by the CAST: refused")
    void cutRowIsRefused() {
        assertThatThrownBy(() -> PatronSnapshotQuery.array("1:" + (PatronSnapshotQuery.MAX_ROW_CHARS + 1)
                + ":[[1, \"a\"]]")).isInstanceOf(JsonProcessingException.class).hasMessageContaining("cut");
    }

    @Test
    @DisplayName("fewer rows than counted, even as valid JSON (cut at a row boundary by group_concat_max_len): refused")
    void missingRowsAreRefused() {
        assertThatThrownBy(() -> PatronSnapshotQuery.array("3:20:[[1, \"a\"],[2, \"b\"]]"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("3 rows");
        assertThatThrownBy(() -> PatronSnapshotQuery.array("2:20:[[1, \"a\"],[2, \"b"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> PatronSnapshotQuery.array("2:20:[[1, \"a\", 5,[2, \"b\"]]]"))
                .as("a cut row swallowing the next").isInstanceOf(JsonProcessingException.class);
    }
}

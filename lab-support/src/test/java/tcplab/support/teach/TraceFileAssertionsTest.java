package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static tcplab.support.teach.TraceFileAssertions.assertMermaidParses;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The structural check of a Mermaid diagram accepts the writer's statements and rejects what Mermaid would not. */
class TraceFileAssertionsTest {

    private static final String HEADER = "sequenceDiagram";
    private static final String CLIENT = "    participant C as client";
    private static final String SERVER = "    participant S as server";

    /** A diagram of both sides with a title, notes, a message and an RST's cross passes. */
    @Test
    void acceptsTheWritersStatements() {
        assertMermaidParses(List.of(HEADER, "    title lab 01 (127.0.0.1:1)", CLIENT, SERVER,
                "    Note over S: 1. listen()",
                "    C->>S: S seq 0 len 0 win 65495", "    S-xC: R. seq 1 ack 1 len 0 win 0",
                "    Note left of C: read() -#62; EOF#59; close()", "    Note right of S: CLOSED (gone)"));
    }

    /** A raw semicolon in a message would end the statement in Mermaid. */
    @Test
    void rejectsARawSemicolon() {
        assertThrows(AssertionFailedError.class,
                () -> assertMermaidParses(List.of(HEADER, CLIENT, SERVER, "    C->>S: write; read")));
    }

    /** A message from a participant that was never declared. */
    @Test
    void rejectsAnUndeclaredParticipant() {
        assertThrows(AssertionFailedError.class,
                () -> assertMermaidParses(List.of(HEADER, CLIENT, SERVER, "    X->>S: S seq 0 len 0 win 1")));
    }

    /** A line that is no statement, such as a message without its colon. */
    @Test
    void rejectsALineThatIsNoStatement() {
        assertThrows(AssertionFailedError.class,
                () -> assertMermaidParses(List.of(HEADER, CLIENT, SERVER, "    C->>S S seq 0")));
    }
}

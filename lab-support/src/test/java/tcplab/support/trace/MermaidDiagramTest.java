package tcplab.support.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.teach.Feedback;

/** The Mermaid writer's text: what Mermaid would read as syntax becomes an entity code. */
class MermaidDiagramTest {

    /** A call's text with a semicolon, a hash and an arrow comes out as entity codes, the rest as it is. */
    @Test
    void textEscapesWhatMermaidReadsAsSyntax() {
        String text = MermaidDiagram.text("read() -> EOF; close() #1\nthen");
        assertEquals("read() -#62; EOF#59; close() #35;1 then", text, Feedback.expected("; # < > as #59; #35; #60;"
                + " #62; and a line break as a space").but("the text came out as " + text)
                .hint("Does MermaidDiagram.text escape every character that Mermaid reads as syntax?"));
    }
}

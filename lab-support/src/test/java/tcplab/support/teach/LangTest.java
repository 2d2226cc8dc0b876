package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** kit.lang chooses the language; unset or empty, the JVM's locale does; English is the default. */
@Isolated("switches kit.lang and user.language, which every message reads")
class LangTest {

    private final String chosenBefore = System.getProperty(Lang.PROPERTY);
    private final String languageBefore = System.getProperty("user.language");

    @AfterEach
    void restore() {
        restore(Lang.PROPERTY, chosenBefore);
        restore("user.language", languageBefore);
    }

    @Test
    void kitLangKoChoosesKorean() {
        System.setProperty("user.language", "en");
        System.setProperty(Lang.PROPERTY, "ko");
        assertEquals(Lang.KO, Lang.current());
    }

    @Test
    void kitLangEnWinsOverAKoreanLocale() {
        System.setProperty("user.language", "ko");
        System.setProperty(Lang.PROPERTY, "en");
        assertEquals(Lang.EN, Lang.current());
    }

    @Test
    void emptyKitLangFollowsAKoreanLocale() {
        System.setProperty("user.language", "ko");
        System.setProperty(Lang.PROPERTY, "");
        assertEquals(Lang.KO, Lang.current());
    }

    @Test
    void englishIsTheDefault() {
        System.setProperty("user.language", "fr");
        System.clearProperty(Lang.PROPERTY);
        assertEquals(Lang.EN, Lang.current());
    }

    @Test
    void catalogueFollowsTheLanguage() {
        Messages messages = Messages.of(TcpAssertions.class);
        System.setProperty(Lang.PROPERTY, "en");
        assertEquals("expected the kernel to show LISTEN on port 80, but nothing listens there after 2 s. Hint?",
                messages.feedback("awaitListener", 80, "2 s", "Hint?"));
        System.setProperty(Lang.PROPERTY, "ko");
        assertEquals("기대: 커널이 포트 80에서 LISTEN을 보여야 합니다. 실제: 2 s 뒤에도 그 포트에서 기다리는 소켓이 없습니다."
                + " 힌트: Hint?", messages.feedback("awaitListener", 80, "2 s", "Hint?"));
    }

    @Test
    void placeholdersTakeArgumentsAsJavaWritesThem() {
        assertEquals("it's 1000 ms, not {x}", Messages.format("it's {0} ms, not {x}", 1000));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}

#!/usr/bin/env python3
"""The figures of the Korean edition: the words of each handout in both editions, and the message keys in Korean.

Words: English words and Korean 어절 (eojeol) are both the whitespace-separated tokens of a handout's prose, that is,
outside fenced code blocks and outside HTML comment lines (the checker's directives, English in both editions).
Keys: every key of each messages.properties, and how many of them have a Korean value in messages_ko.properties
that is written in Hangul; a value without words to translate (a bare placeholder such as {5}, or one upper-case
name such as EOF that both languages write alike) is counted apart. The exit status is 1 if any key with words has
no Korean.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def prose_tokens(path):
    count, fenced = 0, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.lstrip().startswith("<!--"):
            continue
        count += len(line.split())
    return count


def properties(path):
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            pairs[key.strip()] = value.strip()
    return pairs


def main():
    print(f"{'handout':48} {'English words':>13} {'Korean 어절':>11}")
    for korean in sorted(ROOT.glob("**/*.ko.md")):
        if "target" in korean.parts:
            continue
        english = korean.with_name(korean.name.replace(".ko.md", ".md"))
        words = prose_tokens(english) if english.exists() else "-"
        print(f"{str(korean.relative_to(ROOT)):48} {words:>13} {prose_tokens(korean):>11}")

    print(f"\n{'message catalogue':64} {'keys':>5} {'Korean':>6} {'no words':>8}")
    total = korean_total = wordless_total = 0
    for english in sorted(ROOT.glob("**/src/**/messages.properties")):
        if "target" in english.parts:
            continue
        en, ko = properties(english), properties(english.with_name("messages_ko.properties"))
        wordless = [k for k, v in en.items() if not re.search(r"[A-Za-z]{2,}", re.sub(r"\{\d+}", "", v))
                    or (ko.get(k) == v and re.fullmatch(r"[A-Z]{2,12}", v))]
        hangul = [k for k in en if k not in wordless and HANGUL.search(ko.get(k, ""))]
        total += len(en)
        korean_total += len(hangul)
        wordless_total += len(wordless)
        print(f"{str(english.parent.relative_to(ROOT)):64} {len(en):>5} {len(hangul):>6} {len(wordless):>8}")
    with_words = total - wordless_total
    print(f"{'all':64} {total:>5} {korean_total:>6} {wordless_total:>8}")
    print(f"\n{korean_total} of the {with_words} keys with words to translate are in Korean "
          f"({100.0 * korean_total / with_words:.1f}%)")
    return 0 if korean_total == with_words else 1


if __name__ == "__main__":
    sys.exit(main())

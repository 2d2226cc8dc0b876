#!/usr/bin/env python3
"""Checks that each Korean edition (X.ko.md) still matches its English edition (X.md), the source of truth.

For every pair it compares what must not drift when only the prose is translated:
  - the headings: as many, in the same order, at the same levels;
  - the code blocks: the same blocks in the same order, byte for byte (info string included);
  - the inline code (`...`: commands, API names, states, test names): the same set in each section ("X.ko.md"
    counts as "X.md");
  - the link targets, in order ("X.ko.md" counts as "X.md"; the links between the editions and to the glossary
    are left out), and every relative target of the Korean edition must exist;
  - the tables: as many, each with the same number of rows and of columns;
  - the HTML comments (markers that the kit's scripts read, such as no-run): the same, in the same order;
  - a Korean section named as 실습 NN, "제목" (as in docs/concepts.ko.md) is a heading of that lab's README.ko.md.
Run from anywhere:
    scripts/check-editions.py                     every *.ko.md of the kit that has an English edition
    scripts/check-editions.py --root DIR          the same in another checkout of the kit
    scripts/check-editions.py FILE.ko.md ...      only these
Prints what drifted, and exits 1 if anything did.
"""
import argparse
import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP_DIRS = {".git", "target", "node_modules", ".mvn"}
FENCE = re.compile(r"^( *)(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
SECTION = re.compile(r'실습 (\d\d), "([^"]+)"')
GLOSSARY = "glossary.ko.md"
KOREAN_FILE = re.compile(r"\.ko\.md\b")

Block = collections.namedtuple("Block", "line info text")
Heading = collections.namedtuple("Heading", "line level text")


class Edition:
    """What of one Markdown file has to stay the same across languages."""

    def __init__(self, path):
        self.path = path
        self.headings = []
        self.blocks = []
        self.sections = [collections.Counter()]  # inline code per section; section 0 is before the first heading
        self.links = []  # (line, target)
        self.tables = []  # (line, [columns of each row])
        self.comments = []  # (line, text)
        self._parse(path.read_text(encoding="utf-8").splitlines())

    def _parse(self, lines):
        fence = None
        table = None
        paragraph = []  # (line number, text): inline code may run over a line break, so it is read per paragraph
        for number, line in enumerate(lines, 1):
            if fence:
                indent, marker, info, start, body = fence
                closing = FENCE.match(line)
                if closing and closing.group(2).startswith(marker) and not closing.group(3).strip():
                    self.blocks.append(Block(start, info, "\n".join(body)))
                    fence = None
                else:
                    body.append(line[indent:] if line[:indent].strip() == "" else line)
                continue
            opening = FENCE.match(line)
            heading = HEADING.match(line)
            row = line.lstrip().startswith("|")
            if opening or heading or row or not line.strip():
                self._inline(paragraph)
                paragraph = []
            if opening:
                table = None
                fence = (len(opening.group(1)), opening.group(2)[0] * 3, opening.group(3).strip(), number, [])
                continue
            if row:
                if table is None:
                    table = (number, [])
                    self.tables.append(table)
                table[1].append(len(split_row(line)))
                self._inline([(number, line)])
                continue
            table = None
            if heading:
                self.headings.append(Heading(number, len(heading.group(1)), heading.group(2)))
                self.sections.append(collections.Counter())
                self._inline([(number, line)])
            elif line.strip():
                paragraph.append((number, line))
        self._inline(paragraph)
        if fence:
            self.blocks.append(Block(fence[3], fence[2], "\n".join(fence[4])))

    def _inline(self, paragraph):
        """Counts the inline code of a paragraph in the current section, and notes its links and HTML comments."""
        if not paragraph:
            return
        first = paragraph[0][0]
        text = "\n".join(line for _, line in paragraph)
        for span in CODE_SPAN.finditer(text):
            # an edition names its own language's files: "README.ko.md" in Korean stands for "README.md" in English
            self.sections[-1][KOREAN_FILE.sub(".md", " ".join(span.group(2).split()))] += 1
        prose = CODE_SPAN.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
        for link in LINK.finditer(prose):
            self.links.append((first + prose.count("\n", 0, link.start()), link.group(1)))
        for comment in COMMENT.finditer(prose):  # a comment shown as inline code is not a marker
            self.comments.append((first + prose.count("\n", 0, comment.start()), " ".join(comment.group(1).split())))


def split_row(line):
    """The cells of a table row; a | inside inline code or escaped does not split."""
    cells, cell, ticks, i = [], "", 0, 0
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            cell += text[i:i + 2]
            i += 2
            continue
        if c == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            ticks = 0 if ticks == run else (run if ticks == 0 else ticks)
            cell += "`" * run
            i += run
            continue
        if c == "|" and ticks == 0:
            cells.append(cell)
            cell = ""
        else:
            cell += c
        i += 1
    cells.append(cell)
    return cells


def normalised_links(edition, other):
    """The link targets to compare: without the links between the two editions and to the glossary."""
    kept = []
    for line, target in edition.links:
        path = target.partition("#")[0]
        if not path:
            continue  # an anchor within the page: its name is translated with its heading
        name = pathlib.PurePosixPath(path).name
        if name == GLOSSARY or (edition.path.parent / path).resolve() == other.path.resolve():
            continue
        kept.append((line, KOREAN_FILE.sub(".md", path)))
    return kept


def compare(english, korean):
    """Every difference between the two editions, as lines to print."""
    drift = []
    en_levels = [h.level for h in english.headings]
    ko_levels = [h.level for h in korean.headings]
    if en_levels != ko_levels:
        drift.append(f"headings: {len(en_levels)} in English, {len(ko_levels)} in Korean" if len(en_levels) !=
                     len(ko_levels) else f"headings: {len(en_levels)} in each, at other levels")
        for i in range(max(len(english.headings), len(korean.headings))):
            en = english.headings[i] if i < len(english.headings) else None
            ko = korean.headings[i] if i < len(korean.headings) else None
            if en is None or ko is None or en.level != ko.level:
                drift.append(f"  first difference at heading {i + 1}: "
                             f"English {describe_heading(en)}, Korean {describe_heading(ko)}")
                break

    for i in range(max(len(english.blocks), len(korean.blocks))):
        en = english.blocks[i] if i < len(english.blocks) else None
        ko = korean.blocks[i] if i < len(korean.blocks) else None
        if en is None:
            drift.append(f"code block {i + 1}: only in Korean (line {ko.line})")
        elif ko is None:
            drift.append(f"code block {i + 1}: missing in Korean (English line {en.line}: {first_line(en)})")
        elif (en.info, en.text) != (ko.info, ko.text):
            drift.append(f"code block {i + 1}: differs (English line {en.line}, Korean line {ko.line}): "
                         f"{first_difference(en, ko)}")

    if len(english.sections) == len(korean.sections):
        for i, (en, ko) in enumerate(zip(english.sections, korean.sections)):
            missing = sorted(set(en) - set(ko))
            extra = sorted(set(ko) - set(en))
            if missing or extra:
                where = "before the first heading" if i == 0 else \
                    f"section {i} (\"{english.headings[i - 1].text}\", Korean line {korean.headings[i - 1].line})"
                drift.extend(code_drift(where, missing, extra))
    else:
        en = collections.Counter()
        ko = collections.Counter()
        for counter in english.sections:
            en.update(counter)
        for counter in korean.sections:
            ko.update(counter)
        drift.extend(code_drift("the whole file", sorted(set(en) - set(ko)), sorted(set(ko) - set(en))))

    en_links = normalised_links(english, korean)
    ko_links = normalised_links(korean, english)
    if [t for _, t in en_links] != [t for _, t in ko_links]:
        for i in range(max(len(en_links), len(ko_links))):
            en = en_links[i] if i < len(en_links) else (None, "(none)")
            ko = ko_links[i] if i < len(ko_links) else (None, "(none)")
            if en[1] != ko[1]:
                drift.append(f"links: {len(en_links)} in English, {len(ko_links)} in Korean; link {i + 1} is "
                             f"{at(en)} in English, {at(ko)} in Korean")
                break
    for line, target in korean.links:
        path = target.partition("#")[0]
        if path and not re.match(r"^[a-z][a-z0-9+.-]*:", path) and not (korean.path.parent / path).exists():
            drift.append(f"link on Korean line {line}: {target} does not exist")

    en_shapes = [rows for _, rows in english.tables]
    ko_shapes = [rows for _, rows in korean.tables]
    if en_shapes != ko_shapes:
        for i in range(max(len(en_shapes), len(ko_shapes))):
            en = english.tables[i] if i < len(english.tables) else None
            ko = korean.tables[i] if i < len(korean.tables) else None
            if en is None or ko is None or en[1] != ko[1]:
                drift.append(f"tables: {len(en_shapes)} in English, {len(ko_shapes)} in Korean; table {i + 1} is "
                             f"{describe_table(en)} in English, {describe_table(ko)} in Korean")
                break

    en_comments = [c for _, c in english.comments]
    ko_comments = [c for _, c in korean.comments]
    if en_comments != ko_comments:
        for i in range(max(len(en_comments), len(ko_comments))):
            en = english.comments[i] if i < len(english.comments) else (None, "(none)")
            ko = korean.comments[i] if i < len(korean.comments) else (None, "(none)")
            if en[1] != ko[1]:
                drift.append(f"HTML comments: {len(en_comments)} in English, {len(ko_comments)} in Korean; comment "
                             f"{i + 1} is {at(en, '<!--%s-->')} in English, {at(ko, '<!--%s-->')} in Korean")
                break
    return drift


def at(found, form="%s"):
    """A (line, text) pair as "text (line N)", or "(none)"."""
    line, text = found
    return "(none)" if line is None else f"{form % text} (line {line})"


def section_drift(korean, root):
    """Sections of a lab's Korean handout that the Korean edition names, and that do not exist."""
    drift = []
    text = korean.path.read_text(encoding="utf-8")
    for match in SECTION.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        handouts = sorted(root.glob(f"lab-{match.group(1)}-*/README.ko.md"))
        if not handouts:
            lone = f"sections of lab {match.group(1)} are named, but it has no README.ko.md"
            drift.extend([] if lone in drift else [lone])
        elif match.group(2) not in [h.text for h in Edition(handouts[0]).headings]:
            drift.append(f"Korean line {line} names the section \"{match.group(2)}\", which "
                         f"{handouts[0].relative_to(root)} does not have")
    return drift


def code_drift(where, missing, extra):
    lines = []
    if missing:
        lines.append(f"inline code in {where}, missing in Korean: " + ", ".join(f"`{c}`" for c in missing))
    if extra:
        lines.append(f"inline code in {where}, only in Korean: " + ", ".join(f"`{c}`" for c in extra))
    return lines


def describe_heading(heading):
    return "(none)" if heading is None else f"line {heading.line} {'#' * heading.level} {heading.text}"


def describe_table(table):
    if table is None:
        return "(none)"
    line, rows = table
    columns = sorted(set(rows))
    return f"line {line}: {len(rows)} rows of {'/'.join(map(str, columns))} columns"


def first_line(block):
    return block.text.splitlines()[0] if block.text else "(empty)"


def first_difference(en, ko):
    if en.info != ko.info:
        return f"info string {en.info!r} against {ko.info!r}"
    en_lines, ko_lines = en.text.splitlines(), ko.text.splitlines()
    for i in range(max(len(en_lines), len(ko_lines))):
        a = en_lines[i] if i < len(en_lines) else "(end of block)"
        b = ko_lines[i] if i < len(ko_lines) else "(end of block)"
        if a != b:
            return f"line {i + 1} of the block is {a!r} in English, {b!r} in Korean"
    return "trailing whitespace"


def korean_editions(root):
    found = []
    for path in sorted(root.rglob("*.ko.md")):
        if not SKIP_DIRS.intersection(path.relative_to(root).parts):
            found.append(path)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=pathlib.Path, help="Korean editions to check (default: all)")
    parser.add_argument("--root", type=pathlib.Path, default=ROOT, help="the kit's folder (default: this kit)")
    args = parser.parse_args()
    root = args.root.resolve()
    files = [f.resolve() for f in args.files] or korean_editions(root)

    drifted = 0
    checked = 0
    for korean_path in files:
        english_path = korean_path.with_name(korean_path.name.replace(".ko.md", ".md"))
        shown = korean_path.relative_to(root) if korean_path.is_relative_to(root) else korean_path
        if not korean_path.name.endswith(".ko.md") or not korean_path.exists():
            print(f"{shown}: not a Korean edition (*.ko.md) that exists")
            drifted += 1
            continue
        if not english_path.exists():
            print(f"{shown}: Korean only (no {english_path.name} beside it), not compared")
            continue
        checked += 1
        korean = Edition(korean_path)
        drift = compare(Edition(english_path), korean) + section_drift(korean, root)
        if drift:
            drifted += 1
            print(f"{shown}: {len(drift)} difference(s) from {english_path.name}")
            for line in drift:
                print(f"  {line}")
        else:
            print(f"{shown}: matches {english_path.name}")
    if not args.files:
        for english_path in [root / "README.md", root / "README.student.md", *sorted(root.glob("lab-*/README.md"))]:
            if english_path.exists() and not english_path.with_suffix(".ko.md").exists():
                print(f"note: {english_path.relative_to(root)} has no Korean edition yet")
    print(f"editions: {checked} compared, {drifted} drifted")
    return 1 if drifted else 0


if __name__ == "__main__":
    sys.exit(main())

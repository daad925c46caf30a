"""Checks that names from the scenario stay text in every human-facing output of a plan.

Usage: python3 hostile_outputs_check.py OUTPUT_FOLDER NAME...

- HTML (.html): parsed by Python's html.parser, no element other than the page's own
  (no <img>, <b>, <i>; <script> only the two of floor-plan.html) and each NAME found in
  the page's text or in floor-plan.html's JSON data, as the same characters;
- SVG (.svg): well-formed XML with no <script> or foreign element, each name's
  characters in text;
- Markdown (.md): no raw <, > from a name; in each table, every row has as many
  unescaped | as the header.
Prints one line per file; exits 1 on the first failure.
"""
import html.parser
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "strong", "em", "br", "span", "table",
             "thead", "tbody", "tr", "th", "td", "footer", "section", "ul", "li", "div", "input", "label", "select",
             "fieldset", "legend", "button", "script", "svg", "g", "rect", "text", "tspan", "path", "polygon", "line",
             "circle", "defs", "pattern", "polyline", "figure"}


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.scripts = [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def check_html(path, names):
    page = Collector()
    page.feed(path.read_text(encoding="utf-8"))
    foreign = sorted(set(page.tags) - PAGE_TAGS)
    if foreign:
        fail("%s: elements from names: %r" % (path.name, foreign))
    scripts = page.tags.count("script")
    if scripts != (2 if path.name == "floor-plan.html" else 0):
        fail("%s: %d script elements" % (path.name, scripts))
    text = " ".join(page.text).replace("\u00a0", " ")
    data = ""
    if path.name == "floor-plan.html":
        data = json.dumps(json.loads(page.scripts[0]), ensure_ascii=False)
    return [n for n in names if n in text or n in data]


def check_svg(path, names):
    root = ET.parse(path).getroot()
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    if tags & {"script", "foreignObject", "img", "iframe"}:
        fail("%s: foreign elements %r" % (path.name, tags))
    text = " ".join("".join(element.itertext()) for element in root.iter() if element.tag.split("}")[-1] in ("title", "text"))
    return [n for n in names if n in text]


def unescaped_pipes(line):
    return len(re.findall(r"(?<!\\)\|", line.replace("\\\\", "")))


def check_markdown(path, names):
    text = path.read_text(encoding="utf-8")
    if re.search(r"<(script|img|b|i|/script)\b", text, re.IGNORECASE) or "<!--" in text:
        fail("%s: raw HTML from a name" % path.name)
    header = None
    for line in text.splitlines():
        if line.startswith("|"):
            if header is None:
                header = unescaped_pipes(line)
            elif unescaped_pipes(line) != header:
                fail("%s: a table row with %d cells instead of %d: %s" % (path.name, unescaped_pipes(line) - 1, header - 1, line))
        else:
            header = None
    return []


def main():
    folder, names = pathlib.Path(sys.argv[1]), sys.argv[2:]
    found = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".html":
            found.update(check_html(path, names))
        elif path.suffix == ".svg":
            found.update(check_svg(path, names))
        elif path.suffix == ".md":
            check_markdown(path, names)
        else:
            continue
        print("ok " + str(path.relative_to(folder)))
    missing = [n for n in names if n not in found]
    if missing:
        fail("names never shown as text: %r" % missing)


main()

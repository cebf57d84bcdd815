#!/usr/bin/env python3
"""Regenerates the rule table of docs/ANEConstraints.md from
include/ane/Transforms/ANEConstraints.def.

Usage: ane-constraints-doc.py ANEConstraints.def ANEConstraints.md [--in-place]

Prints the document with the part between the GENERATED markers replaced by
one table row per ANE_CONSTRAINT(...) row (or rewrites the file with
--in-place). test/docs/ane-constraints-doc-fresh.test diffs the output
against the committed document.
"""
import re
import sys

BEGIN = "<!-- BEGIN GENERATED: scripts/ane-constraints-doc.py -->"
END = "<!-- END GENERATED -->"
FIELDS = ["id", "kind", "severity", "confidence", "ops", "families", "os",
          "limit", "param", "source", "message"]
TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<word>[A-Za-z0-9_]+)'
                   r'|(?P<punct>[(),]))')


def strip_comments(text):
    return re.sub(r"(?m)^\s*//[^\n]*", "", text)


def parse_rows(text):
    text = strip_comments(text)
    macros = dict(re.findall(r'#define\s+(\w+)\s+("[^"]*")', text))
    rows = []
    for match in re.finditer(r"\bANE_CONSTRAINT\(", text):
        pos, depth, args, current = match.end(), 1, [], []
        while depth:
            token = TOKEN.match(text, pos)
            if not token:
                raise SystemExit("cannot parse the row at offset %d" % pos)
            pos = token.end()
            if token.group("str"):
                current.append(token.group("str")[1:-1].replace('\\"', '"'))
            elif token.group("word"):
                word = token.group("word")
                current.append(macros[word][1:-1] if word in macros else word)
            elif token.group("punct") == "(":
                depth += 1
            elif token.group("punct") == ")":
                depth -= 1
                if not depth:
                    args.append("".join(current))
            else:
                args.append("".join(current))
                current = []
        if len(args) != len(FIELDS):
            raise SystemExit("row with %d fields: %r" % (len(args), args[:1]))
        rows.append(dict(zip(FIELDS, args)))
    return rows


def links(source):
    def link(word):
        if not word.startswith("https://"):
            return word
        label = re.sub(r"^https://(github\.com/)?", "", word)
        return "[%s](%s)" % (label, word)
    return " ".join(link(w) for w in source.split(" "))


def table(rows):
    lines = ["| Rule | Checks | Families | OS | Confidence | What goes wrong, what to do | Source |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        check = "`%s`" % r["kind"]
        details = []
        if r["limit"] != "0":
            details.append("limit %s" % r["limit"])
        if r["param"]:
            details.append("`%s`" % r["param"])
        if r["ops"]:
            details.append("on " + ", ".join("`%s`" % o for o in r["ops"].split()))
        if details:
            check += " (" + "; ".join(details) + ")"
        families = "all" if r["families"] == "h13 h14 h15 h16 h17" else r["families"]
        confidence = "%s %s" % (r["confidence"].lower(), r["severity"].lower())
        lines.append("| `%s` | %s | %s | %s | %s | %s | %s |" % (
            r["id"], check, families, r["os"], confidence,
            r["message"].replace("|", "\\|"), links(r["source"])))
    return "\n".join(lines)


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] != "--in-place"):
        raise SystemExit(__doc__)
    rows = parse_rows(open(argv[1]).read())
    doc = open(argv[2]).read()
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    out = head + BEGIN + "\n" + table(rows) + "\n" + END + tail
    if len(argv) == 4:
        open(argv[2], "w").write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main(sys.argv)

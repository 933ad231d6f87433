#!/usr/bin/env python3
"""Parses Markdown from stdin as CommonMark (markdown-it-py, with pipe tables and the
footnote plugin of mdit-py-plugins) and prints what a test needs to check as JSON:
footnote definitions and references, link addresses, tables, and the text a reader sees.
Exits 3 when the modules are not installed (the test then skips and says so)."""
import json
import sys

try:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
except ImportError as e:
    print(f"markdown-it-py / mdit-py-plugins not installed: {e}", file=sys.stderr)
    sys.exit(3)

md = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
env = {}
tokens = md.parse(open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read(), env)

links, texts, refs, headings, tables, items = [], [], 0, 0, 0, 0
footnote_blocks = 0


def walk(tokens):
    global refs
    for t in tokens:
        if t.type == "link_open":
            links.append(t.attrGet("href"))
        elif t.type == "text":
            texts.append(t.content)
        elif t.type == "footnote_ref":
            refs += 1
        if t.children:
            walk(t.children)


walk(tokens)
for t in tokens:
    if t.type == "heading_open":
        headings += 1
    elif t.type == "table_open":
        tables += 1
    elif t.type == "list_item_open":
        items += 1
    elif t.type == "footnote_open":
        footnote_blocks += 1

print(json.dumps({
    "definitions": len(env.get("footnotes", {}).get("refs", {})),
    "footnotes": footnote_blocks,
    "references": refs,
    "links": links,
    "headings": headings,
    "tables": tables,
    "listItems": items,
    "text": " ".join(texts),
}))

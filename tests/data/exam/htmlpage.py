"""htmlpage.py: what the report pages' checks read from a page, shared by
html_numbers.py (an exam's page) and class_html_numbers.py (the class's).

Page(rows).feed(text) collects: for each class in rows, its <tr class=…>
rows as {cell class: text, data-attribute: value}; every SVG <g> with a
class as (class, {data-attribute: value}) in order; the text of elements
whose id starts with n- or is mean; and every tag name seen."""
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self, rows):
        super().__init__()
        self.stack, self.row = [], None
        self.rows = {k: [] for k in rows}
        self.ids, self.groups, self.tags = {}, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        data = {k: v for k, v in a.items() if k.startswith("data-")}
        self.tags.append(tag)
        if tag == "tr" and cls in self.rows:
            self.row = {}
            self.rows[cls].append(self.row)
        if tag == "g" and cls:
            self.groups.append((cls, data))
        if self.row is not None:
            self.row.update(data)
        self.stack.append((tag, cls.split()[-1] if cls else a.get("id", "")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == "tr":
            self.row = None

    def handle_data(self, d):
        if not self.stack:
            return
        key = self.stack[-1][1]
        if key.startswith("n-") or key == "mean":
            self.ids[key] = self.ids.get(key, "") + d
        if self.row is not None and key:
            self.row[key] = self.row.get(key, "") + d

    def bars(self, cls, *keys):
        """The <g class=cls> elements' data-keys as tuples of ints."""
        return [tuple(int(d["data-" + k]) for k in keys) for c, d in self.groups if c == cls]


def read(path, rows):
    p = Page(rows)
    p.feed(open(path, encoding="utf-8").read())
    return p

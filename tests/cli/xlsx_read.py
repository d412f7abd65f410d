"""Reads what compgap exports, for tests/cli/test_export.sh, with openpyxl
(Debian's python3-openpyxl): a reader that shares no code with the writer.

  xlsx_read.py FILE.xlsx          the first sheet's layout: its name, frozen
                                  cell, autofilter, header, row count and
                                  the types of each column's cells
  xlsx_read.py --rows FILE        the data rows of a workbook's first sheet,
                                  or of a CSV export (any separator, BOM,
                                  quote prefix removed), one JSON list a row,
                                  every cell as the text a CSV export holds
  xlsx_read.py --matrix FILE.xlsx GAPS.json
                                  compares the matrix workbook with the
                                  document of 'compgap gaps --json': prints
                                  "ok WHAT" or "not ok WHAT: DETAIL" lines
"""
import csv
import datetime
import io
import json
import sys
import zipfile

import openpyxl

# The palette of src/io/palette.c, as openpyxl reports a fill (ARGB).
PALETTE = {
    "meets": "FFDEEBF7",
    "under 0.5": "FF9ECAE1",
    "0.5 to 1": "FF6BAED6",
    "1 to 2": "FF2171B5",
    "2 or more": "FF08306B",
    "unassessed": "FFCCCCCC",
}
TRIGGERS = "=+-@\t\r"


FIELD_BREAKS = ",;\t\r\n"


def unneutralise(s):
    """csv_unneutralise of src/io/csv.h, written again from its comment:
    at the start and after each field break, one quote goes when what
    follows it, after any further single or double quotes, begins with a
    trigger."""
    out = []
    start = True
    i = 0
    while i < len(s):
        c = s[i]
        if start and c == "'" and s[i + 1:].lstrip("'\"")[:1] in tuple(TRIGGERS):
            start = False
            i += 1
            continue
        start = c in FIELD_BREAKS
        out.append(c)
        i += 1
    return "".join(out)


def cell_text(cell):
    """A workbook cell as the CSV export writes it."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, bool):
        raise SystemExit("boolean cell %s" % cell.coordinate)
    if isinstance(v, (int, float)):
        fmt = cell.number_format
        if fmt == "General":
            if float(v).is_integer():
                return "%d" % v
            return repr(float(v))
        if fmt == "0":
            return "%.0f" % v
        if fmt.startswith("0.") and set(fmt[2:]) == {"0"}:
            return "%.*f" % (len(fmt) - 2, v)
        raise SystemExit("unexpected number format %r in %s" % (fmt, cell.coordinate))
    return v


def cell_type(cell):
    v = cell.value
    if v is None:
        return None
    if isinstance(v, datetime.datetime):
        return "date"
    if isinstance(v, (int, float)):
        return "number"
    if cell.data_type == "f":
        return "formula"
    return "text"


def layout(path):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]] if rows else []
    print("sheets: %s" % ",".join(wb.sheetnames))
    print("sheet: %s" % ws.title)
    print("freeze: %s" % ws.freeze_panes)
    print("autofilter: %s" % ws.auto_filter.ref)
    print("header: %s" % ",".join(str(h) for h in header))
    print("header bold: %s" % all(c.font.b for c in rows[0]) if rows else "header bold: -")
    print("rows: %d" % (len(rows) - 1))
    for i, name in enumerate(header):
        types = sorted({t for t in (cell_type(r[i]) for r in rows[1:]) if t})
        print("type %s: %s" % (name, "/".join(types) if types else "empty"))
    with zipfile.ZipFile(path) as z:
        formulas = sum(z.read(n).count(b"<f>") + z.read(n).count(b"<f ")
                       for n in z.namelist() if n.startswith("xl/worksheets/"))
    print("formulas: %d" % formulas)
    letters = openpyxl.utils.get_column_letter
    narrow = [str(h) for i, h in enumerate(header)
              if (ws.column_dimensions[letters(i + 1)].width or 0) < len(str(h)) + 2]
    print("columns narrower than their name: %s" % (",".join(narrow) or "none"))


def csv_rows(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8")
    first = text.split("\n", 1)[0]
    sep = ";" if ";" in first else "\t" if "\t" in first else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    for row in rows[1:]:
        print(json.dumps([unneutralise(c) for c in row], ensure_ascii=False))


def xlsx_rows(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    for row in list(ws.iter_rows())[1:]:
        print(json.dumps([cell_text(c) for c in row], ensure_ascii=False))


def report(ok, what, detail=""):
    print(("ok %s" % what) if ok else ("not ok %s: %s" % (what, detail)))


def fill_of(cell):
    return cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type else None


def matrix(path, json_path):
    with open(json_path) as f:
        doc = json.load(f)
    wb = openpyxl.load_workbook(path)
    report(wb.sheetnames[:2] == ["Matrix", "Required"], "sheets Matrix and Required",
           wb.sheetnames)
    lev, req = wb["Matrix"], wb["Required"]
    title = str(lev["A1"].value)
    report(doc["team"] in title and doc["as_of"] in title, "the title names team and date", title)
    report(lev.freeze_panes == "C3" and req.freeze_panes == "C3",
           "header row and id, name frozen", "%s %s" % (lev.freeze_panes, req.freeze_panes))
    printed = [(ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage,
                ws.print_title_rows, ws.print_title_cols) for ws in (lev, req)]
    # fitToWidth left out means 1 (ECMA-376 18.3.1.64).
    report(all(p[0:2] == ("landscape", 9) and p[2] in (None, 1) and p[3:5] == (0, True)
               and p[5].replace("$", "") == "2:2" and p[6].replace("$", "") == "A:B"
               for p in printed),
           "printed landscape on A4, one page wide, header and names on every page", printed)
    comps = [c["competency"] for c in doc["competencies"]]
    people = [m["person"] for m in doc["members"]]
    for ws in (lev, req):
        header = [c.value for c in ws[2]]
        report(header == ["id", "name", "team", "role", "fit"] + comps,
               "%s: one column per competency of the team view, in its order" % ws.title, header)
        ids = [ws.cell(row=3 + i, column=1).value for i in range(len(people))]
        report(ids == people, "%s: one row per member, in order" % ws.title, ids)
    worst = 0.0
    bad = []
    fills = {}
    for i, m in enumerate(doc["members"]):
        row = 3 + i
        lines = {c["competency"]: c for c in m["competencies"]}
        if lev.cell(row=row, column=2).value != m["name"]:
            bad.append("name of %s" % m["person"])
        fit = lev.cell(row=row, column=5).value
        if m["role"] is None:
            if fit != "no function profile":
                bad.append("fit of %s without a role: %r" % (m["person"], fit))
        elif m["fit"] is None:
            if fit != "?":
                bad.append("unknown fit of %s: %r" % (m["person"], fit))
        elif (not isinstance(fit, (int, float)) or cell_type(lev.cell(row=row, column=5)) != "number"
              or abs(fit - m["fit"]) > 1e-9):
            bad.append("fit of %s: %r, not %r" % (m["person"], fit, m["fit"]))
        for k, comp in enumerate(comps):
            cell = lev.cell(row=row, column=6 + k)
            rcell = req.cell(row=row, column=6 + k)
            line = lines.get(comp)
            if line is None:
                if cell.value is not None or rcell.value is not None or fill_of(cell):
                    bad.append("%s %s is not required but filled" % (m["person"], comp))
                continue
            if rcell.value != line["required_level"] or not isinstance(rcell.value, int):
                bad.append("required %s %s: %r" % (m["person"], comp, rcell.value))
            if line["level"] is None:
                if cell.value != "?":
                    bad.append("unassessed %s %s: %r" % (m["person"], comp, cell.value))
                fills.setdefault("unassessed", set()).add(fill_of(cell))
                continue
            if (not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool)
                    or cell.number_format != "0.00"):
                bad.append("level %s %s: %r %s" % (m["person"], comp, cell.value,
                                                  cell.number_format))
                continue
            worst = max(worst, abs(cell.value - line["level"]))
            gap = line["required_level"] - line["level"]
            cls = ("meets" if line["meets"] else "under 0.5" if gap < 0.5 else
                   "0.5 to 1" if gap < 1 else "1 to 2" if gap < 2 else "2 or more")
            fills.setdefault(cls, set()).add(fill_of(cell))
    report(not bad, "every cell of both sheets as in the JSON", "; ".join(bad[:5]))
    report(worst <= 1e-9, "levels equal the JSON's to 1e-9", "largest difference %g" % worst)
    for cls, colour in PALETTE.items():
        got = fills.get(cls)
        if got is None:
            print("# no cell of class %s" % cls)
            continue
        report(got == {colour}, "fill of class %s is %s" % (cls, colour), got)


def main(argv):
    if len(argv) == 2:
        layout(argv[1])
    elif len(argv) == 3 and argv[1] == "--rows":
        if argv[2].endswith(".xlsx"):
            xlsx_rows(argv[2])
        else:
            csv_rows(argv[2])
    elif len(argv) == 4 and argv[1] == "--matrix":
        matrix(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

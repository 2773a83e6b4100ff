#!/usr/bin/python3
"""Fills the example contracts' returns as a supplier does in a spreadsheet program, with openpyxl.

Each return starts as the blank template kpi-report writes for the month (what a council sends its
supplier), and is filled here cell by cell, as typed: a percentage typed as "2.4%" in Excel is stored
as 0.024 in a cell formatted "0.0%", and is written so here; an average of days is a decimal in Count.
Run from the repository root after `npm run build`, with python3-openpyxl installed:

    /usr/bin/python3 docs/contracts/fill-returns.py [leisure/2024-07 ...]

It writes docs/contracts/<example>/returns/<month>.xlsx; the files are committed, so the tests need
neither python nor openpyxl.
"""
import os
import subprocess
import sys
import tempfile

from openpyxl import load_workbook

ROOT = os.getcwd()

# Per example, per month: KPI -> (status, {column: value}, commentary). A percentage given as
# ("percent", 0.024) is typed as Excel stores "2.4%": the fraction, in a cell formatted as a percentage.
RETURNS = {
    "highways": {
        "2024-04": {
            1: ("measured", {"Achieved": 196, "Out of": 198}, "Two made safe at 26 hours after a road closure"),
            2: ("measured", {"Achieved": 412, "Out of": 450}, "Backlog after the March storms"),
            3: ("measured", {"Count": 5.6}, "Cable faults on the ring road took a fortnight"),
            4: ("measured", {"Percentage": ("percent", 0.019)}, "From the April sample of 310 repairs"),
            5: ("measured", {"Achieved": 580, "Out of": 601}, ""),
            6: ("measured", {"Count": 7}, ""),
            7: ("not due", {}, "Delivered in March"),
        },
        "2024-05": {
            1: ("measured", {"Achieved": 188, "Out of": 194}, "Six made safe late: crews diverted to a flood"),
            2: ("measured", {"Achieved": 431, "Out of": 452}, ""),
            3: ("measured", {"Count": 5.4}, "Better than April; two cable faults still open"),
            4: ("measured", {"Percentage": ("percent", 0.024)}, "From the May sample of 295 repairs"),
            5: ("measured", {"Achieved": 612, "Out of": 620}, ""),
            6: ("measured", {"Count": 11}, "Four from one pothole on the A123"),
            7: ("not captured", {}, "Nothing to report this month"),
        },
    },
    "leisure": {
        "2024-03": {
            1: ("measured", {"Count": 31250}, ""),
            2: ("measured", {"Count": 58}, "Year 2023-24 in full"),
            3: ("measured", {"Achieved": 1530, "Out of": 1700}, ""),
            4: ("measured", {"Percentage": ("percent", 0.91)}, "Winter survey, 640 responses"),
            5: ("measured", {"Count": 1.42}, ""),
            6: ("measured", {"Count": 1}, "A slip on the poolside, reported to the HSE"),
            7: ("measured", {"Achieved": 92, "Out of": 100}, ""),
        },
        "2024-06": {
            1: ("measured", {"Count": 28900}, "The main pool was closed for two weeks for repairs"),
            2: ("measured", {"Count": 17}, "April to June"),
            3: ("measured", {"Achieved": 1480, "Out of": 1700}, "Fewer lessons while the main pool was closed"),
            4: ("measured", {"Percentage": ("percent", 0.925)}, "Spring survey, 702 responses"),
            5: ("measured", {"Count": 1.57}, "Higher cost per visit with the pool closed"),
            6: ("measured", {"Count": 0}, ""),
            7: ("measured", {"Achieved": 93, "Out of": 100}, "Meets the old target, not the new one"),
        },
        # A month between quarters: only the year to date is due; the supplier says so of the rest.
        "2024-07": {
            1: ("not due", {}, ""),
            2: ("measured", {"Count": 21}, "Four in July, three about the changing rooms"),
            3: ("not due", {}, ""),
            4: ("not due", {}, ""),
            5: ("not due", {}, ""),
            6: ("not due", {}, ""),
            7: ("not due", {}, ""),
        },
    },
}


def blank(example, month, path):
    subprocess.run(
        ["node", "bin/kpi-report.js", "template", "--data", f"docs/contracts/{example}", "--month", month,
         "--out", path, "--force", "--quiet"],
        check=True,
    )


def fill(example, month, rows):
    with tempfile.TemporaryDirectory(prefix="kpi-example-") as tmp:
        path = os.path.join(tmp, "blank.xlsx")
        blank(example, month, path)
        wb = load_workbook(path)
        kpis = wb["KPIs"]
        header = [c.value for c in kpis[1]]
        col = {name: header.index(name) + 1 for name in header}
        for row in range(2, kpis.max_row + 1):
            status, figures, commentary = rows[kpis.cell(row, col["KPI"]).value]
            kpis.cell(row, col["Status"]).value = status
            for name, value in figures.items():
                cell = kpis.cell(row, col[name])
                if isinstance(value, tuple):
                    cell.value = value[1]
                    cell.number_format = "0.0%"
                else:
                    cell.value = value
            if commentary:
                kpis.cell(row, col["Commentary"]).value = commentary
        wb["Return"]["B4"] = "A. Supplier"
        out = os.path.join(ROOT, "docs/contracts", example, "returns", f"{month}.xlsx")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        wb.save(out)
        print("wrote", os.path.relpath(out, ROOT))


# With arguments ("leisure/2024-07"), only those returns are filled: openpyxl stamps each file it
# saves, so filling the others again would change files that have not changed.
only = set(sys.argv[1:])
for example, months in RETURNS.items():
    for month, rows in months.items():
        if not only or f"{example}/{month}" in only:
            fill(example, month, rows)

# Fills the review that `kpi-report review` wrote, as the council's officer would in a spreadsheet program.
import datetime
import sys
import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1])
review = workbook["Review"]
review["B3"] = "R. Okafor, Waste Contracts Manager"
review["B4"] = datetime.date(2025, 7, 9)
review["B4"].number_format = "dd/mm/yyyy"
kpis = workbook["KPIs"]
for row in range(2, kpis.max_row + 1):
    if str(kpis.cell(row, 1).value) == "3a":
        kpis.cell(row, 8).value = "Yes"
        kpis.cell(row, 9).value = "Checked against the WasteDataFlow return for April to June."
workbook.save(sys.argv[1])

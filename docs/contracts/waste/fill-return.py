# Fills the blank return that `kpi-report template` wrote, as a supplier would in a spreadsheet program.
import sys
import openpyxl

ROWS = {  # KPI: (status, achieved, out of, count, commentary)
    "1": ("measured", 98214, 98640, None, "426 bins missed across 98,640 scheduled lifts; most on two rounds during the vehicle breakdown of 17 June."),
    "2": ("measured", None, None, 131, "131 missed bins upheld, down from 158 in May."),
    "3a": ("measured", 2412, 4890, None, "Tonnes: 2,412 of 4,890 reused, recycled or composted. Dry weather cut garden waste tonnage."),
    "3b": ("measured", 21870, 22104, None, "234 garden waste bins collected a day late after the breakdown of 17 June."),
    "4": ("measured", 118, 131, None, "13 missed bins put right on the second working day."),
    "5": ("measured", 1204, 1210, None, "6 assisted collections missed on one round; all returned for the same day."),
    "6": ("measured", 212, 219, None, "7 large fly-tips needed a grab lorry and took 3 working days."),
    "7": ("measured", 342, 347, None, "5 collections rearranged with the resident after access problems."),
    "8": ("measured", 27, 29, None, "2 complaints needed depot investigation and were answered on day 12."),
    "9": ("measured", None, None, 0, "No reportable incidents."),
    "10": ("measured", 1, 1, None, "April to June tonnage and contamination report sent on 30 June."),
    "11": ("measured", 4512, 4880, None, "Call volumes rose in the week of the breakdown."),
}

workbook = openpyxl.load_workbook(sys.argv[1])
details = workbook["Return"]
details["B4"] = "J. Patel, Contract Manager"
details["B5"] = "14 compliments from residents, most for the crews on the Tuesday garden waste rounds."
kpis = workbook["KPIs"]
for row in range(2, kpis.max_row + 1):
    status, achieved, total, count, commentary = ROWS[str(kpis.cell(row, 1).value)]
    kpis.cell(row, 5).value = status
    kpis.cell(row, 6).value = achieved
    kpis.cell(row, 7).value = total
    kpis.cell(row, 8).value = count
    kpis.cell(row, 10).value = commentary
workbook.save(sys.argv[1])

#!/usr/bin/env bash
# Check that every Excel file Assessor writes opens in LibreOffice: convert each to PDF headless,
# then render the questionnaire's first page to a PNG for a look. Not part of `make test`.
#
#   bench/check_xlsx_libreoffice.sh [OUTPUT_FOLDER]
#
# Needs libreoffice (apt-get install -y libreoffice-calc-nogui) and pdftoppm (poppler-utils).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d /tmp/xlsx-check.XXXXXX)}"
py="$here/.venv/bin/python"
mkdir -p "$out"

for tool in libreoffice pdftoppm; do
    if ! command -v "$tool" >/dev/null; then
        echo "missing $tool: apt-get install -y libreoffice-calc-nogui poppler-utils" >&2
        exit 1
    fi
done

db="$out/check.sqlite"
rm -f "$db" "$db"-*
assessor() { "$py" -m assessor --db "$db" "$@"; }
assessor import "$here/resources/examples/factsheet-albania-2nd-round.md" >/dev/null
assessor import "$here/resources/examples/recommendations-albania.txt" >/dev/null
assessor rate II-6 partly --comment '=HYPERLINK("http://example.invalid","escaped?")' >/dev/null
assessor rate II-8 implemented >/dev/null
assessor export questionnaire --deadline "31 March 2027" --contact "secretariat@example.org" \
    -o "$out/questionnaire.xlsx"
assessor export questionnaire --scope all -o "$out/questionnaire-all.xlsx"
assessor export xlsx -o "$out/assessment.xlsx"
assessor export xlsx --all -o "$out/overview.xlsx"

# A filled-in questionnaire too, saved by openpyxl as a State's Excel would hand it back.
"$py" - "$out" <<'EOF'
import sys
from pathlib import Path

import openpyxl

out = Path(sys.argv[1])
wb = openpyxl.load_workbook(out / "questionnaire.xlsx")
ws = wb["Questionnaire"]
ws["G2"] = "The new Criminal Code was adopted in 2025."
ws["H2"] = "implemented"
wb.save(out / "questionnaire-filled.xlsx")
EOF

status=0
for f in questionnaire questionnaire-all questionnaire-filled assessment overview; do
    if libreoffice --headless --convert-to pdf --outdir "$out" "$out/$f.xlsx" >"$out/$f.log" 2>&1 \
        && [ -s "$out/$f.pdf" ]; then
        pages=$(pdfinfo "$out/$f.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
        echo "ok    $f.xlsx -> $f.pdf (${pages:-?} pages)"
    else
        echo "FAIL  $f.xlsx (see $out/$f.log)"
        status=1
    fi
done

# The Instructions sheet is page 1; the first page of the Questionnaire sheet comes after it.
pdftoppm -png -r 110 -f 1 -l 3 "$out/questionnaire.pdf" "$out/questionnaire-page"
pdftoppm -png -r 70 -f 1 -l 1 "$out/overview.pdf" "$out/overview-page"
echo "pages rendered: $(ls "$out"/*-page*.png | tr '\n' ' ')"
exit $status

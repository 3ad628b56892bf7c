// Package tabular reads what the open-data catalogue shows of a table:
// the header and first rows of a CSV file (in UTF-8, or in one of the
// legacy Vietnamese encodings, converted) or of an Excel workbook's first
// sheet, whatever the file's size, in bounded time and memory; and it
// tells a dataset's file kind (CSV, XLSX, JSON) from its bytes.
package tabular

// Package docfile handles the files attached to the documents register:
// it tells a PDF, Word or Excel file by its bytes (never by its name or the
// browser's Content-Type), extracts the text of PDF and DOCX files for the
// search index within fixed bounds of memory and work, and keeps the
// files on disk by content hash.
package docfile

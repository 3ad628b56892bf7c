// Package wxr reads WordPress export files (WXR, "WordPress eXtended RSS",
// versions 1.0 to 1.2) and turns them into a congtin.WordPressImport.
//
// Reading (Read, ReadFile) is streaming and guarded, because an export file
// comes from outside:
//
//   - Its size is checked before reading (a 2 GB file is refused at once)
//     and again while reading, for inputs that have no size.
//   - encoding/xml never fetches or reads anything an XML file names, and
//     expands no entity but the five predefined ones and character
//     references. Beyond that, any DOCTYPE or other declaration is refused
//     with a message that names the danger (an external entity, XXE; entity
//     expansion, "billion laughs"): WordPress never writes one.
//   - The decoder is strict: a truncated file, broken markup or invalid
//     UTF-8 is an error with its line number, and nothing is imported.
//
// Converting (Plan) settles everything that needs no database: the
// category tree, the authors' user names, each post's state and dates, its
// body (WordPress's automatic paragraphs, [caption] and [gallery]
// shortcodes, other shortcodes stripped to their text), its images from the
// local uploads folder (through package media, as an editor's upload) and
// its old addresses. A post that cannot come in (an impossible date, no
// title, in the trash) is reported as skipped with the reason; the rest
// come in.
package wxr

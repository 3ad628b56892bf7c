// Package relevance is a test set for the portal's Vietnamese full-text
// search: a fixture corpus of articles (Corpus), queries with the results a
// good search must give (Queries), and a helper that runs every query
// through a search implementation and reports the misses (Check).
//
// The set does not depend on any search engine. The SQLite and PostgreSQL
// search tests import the corpus into a fresh store, then call Check with a
// function that runs one Query and returns the matching articles'
// ExternalIDs, best first.
//
// What a search must do to pass:
//
//   - fold diacritics and đ/Đ → d, so that "chuyen hoa dia ban" and
//     "Dak Lak" find "chuyển hóa địa bàn" and "Đắk Lắk";
//   - treat the two tone placements as the same letters ("hoà"/"hòa",
//     "thuỷ"/"thủy", "khoẻ"/"khỏe"), accept queries in NFD and in capitals;
//   - still prefer an exact match of the diacritics: "bạc liêu" ranks the
//     article about Bạc Liêu above ones with "bác Liêu", "Đông Bắc, Liêu
//     Ninh", "đánh bạc liều lĩnh" or "bác liều mình", whose folded text is
//     the same;
//   - rank syllables standing together, in order, above the same syllables
//     scattered through an article, however often they occur ("an ninh
//     trật tự" against "tự hào … Ninh Bình … bình an … trật khớp");
//   - match a query in double quotes as a phrase only;
//   - weigh a match in the title above one in the lead above one in the
//     body, and break ties by recency, the newer first;
//   - keep numbers, dates and abbreviations searchable ("BCĐ 138", "115",
//     "24/10/2017", "Kế hoạch 115/KH-UBND", "covid-19");
//   - filter by category (with its subcategories) and by date in Vietnam
//     time, and sort by date when asked;
//   - find an abbreviation's long form and the long form's abbreviation,
//     and a loanword's other spellings ("BCĐ 138" → "Ban Chỉ đạo 138",
//     "bảo hiểm y tế" → "BHYT", "TP.HCM" → "TPHCM", "vắc-xin" →
//     "vaccine"), a quoted phrase excepted;
//   - when no article holds every word (a reader adds a province the
//     article does not name), still find the articles holding the rest of
//     the query as a phrase, ranked as the full phrase would be.
//
// The corpus is built deterministically: about sixty hand-written target
// articles that the queries are about (with near-miss and scattered-syllable
// distractors), then generated filler from templates and word lists with a
// fixed-seed math/rand/v2 generator. The filler uses the common syllables
// "an", "tự", "ninh", "trật", "hóa", "bạc", "liêu" often, but never next to
// each other the way the queries have them, so ranking by a bag of
// syllables gets the queries wrong and phrase-aware ranking gets them right.
package relevance

package relevance

import "golang.org/x/text/unicode/norm"

// Query is one search of the test set with the results it must give.
type Query struct {
	// Name says which behaviour the query tests: it starts with the
	// behaviour ("diacritics:", "tone:", "nfd:", "caps:", "d-for-đ:",
	// "exact:", "adjacency:", "quoted:", "fields:", "recency:", "numbers:",
	// "filter:", "missing:", "telex:", "vni:", "spelling:", "none:"), then the query
	// and what it is about.
	Name string
	// Q is the text typed into the search box. A query wholly in double
	// quotes asks for that exact phrase (folded: diacritics still ignored).
	Q string
	// Category, when set, keeps only articles of the category with this
	// name or of any category below it: "Văn hóa - xã hội" takes in "Y tế"
	// and "Giáo dục" (import path "Văn hóa - xã hội > Y tế", …).
	Category string
	// From and To, when set, keep only articles published on or after From
	// and on or before To: whole calendar days (YYYY-MM-DD, both ends
	// included) in Vietnam time, UTC+7.
	From, To string
	// Sort is "" for ranking by relevance or "newest" for publication time,
	// the newest first.
	Sort string
	// WantTop3 lists ExternalIDs that must all be among the first three
	// results, in any order.
	WantTop3 []string
	// WantOrder lists ExternalIDs that must come in this order among the
	// results. The first must be returned. A search may leave out later ones
	// (a near miss need not match at all), but if it returns one, every ID
	// before it in WantOrder must be returned and rank above it.
	WantOrder []string
	// WantNone says the query must return nothing.
	WantNone bool

	// missing, when set, are the words of Q that no article holds (a
	// place name, say): the wanted articles hold the rest of Q as a
	// phrase. Only the package's own test reads it.
	missing string

	// field, when set, is where every WantTop3 article holds the query's
	// words: "title", "lead" or "body". Only the package's own test reads it.
	field string
	// means, for the "telex:" and "vni:" queries, is what Q types with
	// the Vietnamese keyboard on: the words the wanted articles hold,
	// written by hand so that the test set does not take the decoder's
	// word for it. For the "spelling:" queries it is the other spelling
	// (an abbreviation, its long form, a loanword's other spelling) the
	// wanted articles hold. Only the package's own test reads it.
	means string
}

// Queries returns the test set's queries. Each is documented by a comment
// saying what it checks.
func Queries() []Query {
	nfd := norm.NFD.String
	return []Query{
		// --- With and without diacritics: the same articles either way.

		// The full phrase, as written in the articles.
		{Name: "diacritics: chuyển hóa địa bàn", Q: "chuyển hóa địa bàn",
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// The same typed without any mark.
		{Name: "diacritics: chuyen hoa dia ban, no marks", Q: "chuyen hoa dia ban",
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// A four-syllable phrase without marks, against many articles with
		// the syllables scattered (pairs with "adjacency: an ninh trật tự").
		{Name: "diacritics: an ninh trat tu, no marks", Q: "an ninh trat tu",
			WantTop3: []string{anNinh1, anNinh2, anNinh3}},
		// Without marks, the twin notices still come newer first (pairs
		// with "recency: tiếp công dân định kỳ").
		{Name: "diacritics: tiep cong dan dinh ky, no marks", Q: "tiep cong dan dinh ky",
			WantTop3: []string{tiepDanNew, tiepDanOld}, WantOrder: []string{tiepDanNew, tiepDanOld}, field: "title"},
		// "mới" is one of several syllables folding to "moi" (mỗi, mời).
		{Name: "diacritics: nông thôn mới", Q: "nông thôn mới",
			WantTop3: []string{nongThonMoi}, field: "title"},
		{Name: "diacritics: nong thon moi, no marks", Q: "nong thon moi",
			WantTop3: []string{nongThonMoi}, field: "title"},

		// --- Tone placement: "hoà" (new style, mark on the main vowel) and
		// "hòa" (old style) are the same syllable, so are "thuỷ"/"thủy" and
		// "khoẻ"/"khỏe". The targets use one placement, the queries the other.

		// The targets write "hóa".
		{Name: "tone: chuyển hoá địa bàn, targets write hóa", Q: "chuyển hoá địa bàn",
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// One target writes "thủy lợi" like the query, one "thuỷ lợi": both
		// are exact matches and must rank above "xã Thụy Lợi", a real tone
		// difference. A search comparing diacritics without normalizing the
		// placement puts "thuỷ lợi" level with "Thụy Lợi".
		{Name: "tone: thủy lợi (old style), one target writes thuỷ", Q: "thủy lợi",
			WantTop3: []string{thuyLoiOld, thuyLoiNew}, WantOrder: []string{thuyLoiNew, thuyLoiNear}, field: "title"},
		// The same the other way round.
		{Name: "tone: thuỷ lợi (new style), one target writes thủy", Q: "thuỷ lợi",
			WantTop3: []string{thuyLoiOld, thuyLoiNew}, WantOrder: []string{thuyLoiOld, thuyLoiNear}, field: "title"},
		// The target writes "khỏe".
		{Name: "tone: khám sức khoẻ định kỳ, target writes khỏe", Q: "khám sức khoẻ định kỳ",
			WantTop3: []string{khamSucKhoe}, field: "title"},
		// The target writes "khoẻ".
		{Name: "tone: chăm sóc sức khỏe người cao tuổi, target writes khoẻ", Q: "chăm sóc sức khỏe người cao tuổi",
			WantTop3: []string{chamSocSucKhoe}, field: "title"},
		// The targets write "hoá giải"; "hòa giải mâu thuẫn" differs in tone
		// and must rank below the older target although it is newer and says
		// it more often.
		{Name: "tone: hóa giải mâu thuẫn, targets write hoá, hòa giải is a near miss", Q: "hóa giải mâu thuẫn",
			WantTop3: []string{hoaGiaiNew, hoaGiaiMore}, WantOrder: []string{hoaGiaiNew, hoaGiaiOld}, field: "title"},
		// The reverse: the target writes "hòa giải"; the newer "hoá giải"
		// articles, one saying it three times, are near misses.
		{Name: "tone: hoà giải mâu thuẫn, target writes hòa, hoá giải is a near miss", Q: "hoà giải mâu thuẫn",
			WantTop3: []string{hoaGiaiOld}, WantOrder: []string{hoaGiaiOld, hoaGiaiMore}, field: "title"},

		// --- Unicode forms: a query in NFD (as some keyboards and macOS
		// file names send it) and one in capitals.

		{Name: "nfd: chuyển hóa địa bàn", Q: nfd("chuyển hóa địa bàn"),
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// NFD and exact diacritics: still above "bác liều mình".
		{Name: "nfd: bạc liêu, above bác liều", Q: nfd("bạc liêu"),
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieuMinh}, field: "title"},
		// NFD and tone placement together: NFD of "khoẻ" puts the mark
		// after the e, of "khỏe" after the o.
		{Name: "nfd: khám sức khoẻ định kỳ, target writes khỏe", Q: nfd("khám sức khoẻ định kỳ"),
			WantTop3: []string{khamSucKhoe}, field: "title"},
		// Capitals and exact diacritics: still above "đánh bạc liều lĩnh".
		{Name: "caps: BẠC LIÊU, above bạc liều", Q: "BẠC LIÊU",
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieuLinh}, field: "title"},
		{Name: "caps: AN NINH TRẬT TỰ", Q: "AN NINH TRẬT TỰ",
			WantTop3: []string{anNinh1, anNinh2, anNinh3}},
		// Capital Đ must fold like đ.
		{Name: "caps: ĐẮK LẮK", Q: "ĐẮK LẮK",
			WantTop3: []string{dakLak1, dakLak2}},

		// --- "đ" typed as "d": Unicode decomposition does not strip đ, the
		// search must.

		// "đầu tư" from "dau tu"; "bắt đầu từ" folds the same but only in
		// a body, so the title matches rank above it.
		{Name: "d-for-đ: dau tu", Q: "dau tu",
			WantTop3: []string{dauTu1, dauTu2}, WantOrder: []string{dauTu1, nearDauTu}, field: "title"},
		// "Dak Lak" finds both spellings, "Đắk Lắk" and "Đăk Lăk".
		{Name: "d-for-đ: Dak Lak, both spellings", Q: "Dak Lak",
			WantTop3: []string{dakLak1, dakLak2}},
		// Tones typed but đ as d.
		{Name: "d-for-đ: Dắk Lắk, tones but no đ", Q: "Dắk Lắk",
			WantTop3: []string{dakLak1, dakLak2}},
		{Name: "d-for-đ: duong giao thong nong thon", Q: "duong giao thong nong thon",
			WantTop3: []string{duongNongThon}, field: "title"},

		// --- Exact diacritics first: near misses fold to the same letters
		// and must rank below the exact match, even when newer.

		{Name: "exact: bạc liêu, above bác Liêu", Q: "bạc liêu",
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieu}, field: "title"},
		{Name: "exact: Bạc Liêu, above Đông Bắc, Liêu Ninh", Q: "Bạc Liêu",
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieuNinh}, field: "title"},
		{Name: "exact: đầu tư, above bắt đầu từ", Q: "đầu tư",
			WantTop3: []string{dauTu1, dauTu2}, WantOrder: []string{dauTu2, nearDauTu}, field: "title"},
		// "Đắk Lắk" exactly, in title and body, above the "Đăk Lăk" spelling
		// in a lead.
		{Name: "exact: Đắk Lắk, above Đăk Lăk", Q: "Đắk Lắk",
			WantTop3: []string{dakLak1, dakLak2}, WantOrder: []string{dakLak1, dakLak2}},

		// --- Adjacency: syllables standing together in the query's order
		// rank above the same syllables scattered, even when the scattered
		// ones occur more often (rel-0003, rel-0027, rel-0028, rel-0031 and
		// much of the filler).

		{Name: "adjacency: an ninh trật tự", Q: "an ninh trật tự",
			WantTop3: []string{anNinh1, anNinh2, anNinh3}},
		{Name: "adjacency: trật tự an toàn giao thông", Q: "trật tự an toàn giao thông",
			WantTop3: []string{giaoThong1, giaoThong2}},
		{Name: "adjacency: chuyển hóa địa bàn trọng điểm", Q: "chuyển hóa địa bàn trọng điểm",
			WantTop3: []string{chuyenHoa1}, field: "title"},

		// --- Quoted phrases: only articles containing the phrase match.

		{Name: "quoted: phrase only, \"trật tự an toàn giao thông\"", Q: `"trật tự an toàn giao thông"`,
			WantTop3: []string{giaoThong1, giaoThong2}},
		{Name: "quoted: phrase only, \"an ninh trật tự\"", Q: `"an ninh trật tự"`,
			WantTop3: []string{anNinh1, anNinh2, anNinh3}},
		// A quoted phrase folds like the rest of the search.
		{Name: "quoted: phrase only, \"chuyen hoa dia ban\" without marks", Q: `"chuyen hoa dia ban"`,
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// Every word is in the corpus, "trật tự" and "an ninh" often, but
		// never in this order.
		{Name: "quoted: phrase only, none, \"trật tự an ninh\" occurs only scattered", Q: `"trật tự an ninh"`,
			WantNone: true},
		{Name: "quoted: phrase only, none, \"an toàn giao thông trật tự\" occurs only scattered", Q: `"an toàn giao thông trật tự"`,
			WantNone: true},

		// --- Field weights: title above lead above body. The three reports
		// are equal but for where the name stands, and the body one is the
		// newest, so recency cannot explain the order.

		{Name: "fields: cầu treo Nậm Mu, title > lead > body", Q: "cầu treo Nậm Mu",
			WantTop3: []string{cauTreoTitle, cauTreoLead, cauTreoBody}, WantOrder: []string{cauTreoTitle, cauTreoLead, cauTreoBody}},
		{Name: "fields: cau treo nam mu, no marks", Q: "cau treo nam mu",
			WantTop3: []string{cauTreoTitle, cauTreoLead, cauTreoBody}, WantOrder: []string{cauTreoTitle, cauTreoLead, cauTreoBody}},
		{Name: "fields: trạm bơm Đồng Cói, title > lead > body", Q: "trạm bơm Đồng Cói",
			WantTop3: []string{tramBomTitle, tramBomLead, tramBomBody}, WantOrder: []string{tramBomTitle, tramBomLead, tramBomBody}},
		{Name: "fields: tram bom dong coi, no marks", Q: "tram bom dong coi",
			WantTop3: []string{tramBomTitle, tramBomLead, tramBomBody}, WantOrder: []string{tramBomTitle, tramBomLead, tramBomBody}},

		// --- Recency breaks ties: the same notice published twice, the
		// newer first.

		{Name: "recency: tiếp công dân định kỳ, newer twin first", Q: "tiếp công dân định kỳ",
			WantTop3: []string{tiepDanNew, tiepDanOld}, WantOrder: []string{tiepDanNew, tiepDanOld}, field: "title"},
		{Name: "recency: tạm ngừng cung cấp điện, newer twin first", Q: "tạm ngừng cung cấp điện",
			WantTop3: []string{catDienNew, catDienOld}, WantOrder: []string{catDienNew, catDienOld}, field: "title"},
		{Name: "recency: tam ngung cung cap dien, no marks", Q: "tam ngung cung cap dien",
			WantTop3: []string{catDienNew, catDienOld}, WantOrder: []string{catDienNew, catDienOld}, field: "title"},

		// --- Abbreviations and numbers.

		// "BCĐ 138", the crime-prevention steering committee; "BCĐ 389"
		// with "Quyết định số 138" elsewhere is the scattered distractor.
		{Name: "numbers: BCĐ 138", Q: "BCĐ 138",
			WantTop3: []string{bcd1, bcd2}, field: "body"},
		{Name: "numbers: bcd 138, lower case without đ", Q: "bcd 138",
			WantTop3: []string{bcd1, bcd2}, field: "body"},
		// A bare number: the emergency line and the two plans that contain
		// the number 115 (not 1150, not 151).
		{Name: "numbers: 115", Q: "115",
			WantTop3: []string{capCuu115, keHoach115, keHoach151}},
		// A date: "24/10/2018", "ngày 24/10" and "năm 2017" elsewhere do not
		// make the date.
		{Name: "numbers: 24/10/2017", Q: "24/10/2017",
			WantTop3: []string{hoiCho2017}, field: "lead"},
		// A document number: "Kế hoạch 151/KH-UBND … 115 thủ tục" has every
		// token, more often, but not together.
		{Name: "numbers: Kế hoạch 115/KH-UBND", Q: "Kế hoạch 115/KH-UBND",
			WantTop3: []string{keHoach115}, field: "title"},
		{Name: "numbers: ke hoach 115/kh-ubnd, no marks", Q: "ke hoach 115/kh-ubnd",
			WantTop3: []string{keHoach115}, field: "title"},
		// A hyphenated name with a number; "Covid" and "19" apart do not count.
		{Name: "numbers: covid-19", Q: "covid-19",
			WantTop3: []string{covid1, covid2}, field: "body"},
		{Name: "numbers: COVID 19, capitals and a space", Q: "COVID 19",
			WantTop3: []string{covid1, covid2}, field: "body"},

		// --- Filters and sorting. "tiêm chủng" is in six articles:
		// 2019-03-15 Y tế, 2021-05-20 06:00 Tin tức, 2021-12-30 21:00 Y tế,
		// 2022-01-01 06:30 Tin tức, 2023-09-10 Giáo dục, 2025-11-03 Thông báo.

		// A child category.
		{Name: "filter: tiêm chủng in Y tế", Q: "tiêm chủng", Category: "Y tế",
			WantTop3: []string{tiemChung2019, tiemChung2021}, field: "title"},
		// A parent category takes in its children, Y tế and Giáo dục.
		{Name: "filter: tiêm chủng in Văn hóa - xã hội, with its children", Q: "tiêm chủng", Category: "Văn hóa - xã hội",
			WantTop3: []string{tiemChung2019, tiemChung2021, tiemChungTruong}, field: "title"},
		{Name: "filter: tiêm chủng in Tin tức - Sự kiện", Q: "tiêm chủng", Category: "Tin tức - Sự kiện",
			WantTop3: []string{tiemChungTin, tiemChungNamMoi}, field: "title"},
		// No article of Kinh tế or its child Nông nghiệp has the words.
		{Name: "filter: tiêm chủng in Kinh tế, none", Q: "tiêm chủng", Category: "Kinh tế",
			WantNone: true},
		// A parent category whose only match is in its child Nông nghiệp.
		{Name: "filter: thủy lợi in Kinh tế, found in its child Nông nghiệp", Q: "thủy lợi", Category: "Kinh tế",
			WantTop3: []string{thuyLoiNew}, field: "title"},
		{Name: "filter: an ninh trật tự in Quốc phòng - An ninh", Q: "an ninh trật tự", Category: "Quốc phòng - An ninh",
			WantTop3: []string{anNinh1, anNinh2}},
		// Both ends included, as whole days in Vietnam time: 2021-05-20
		// 06:00 +07:00 is still 19 May in UTC, 2021-12-30 21:00 is late.
		{Name: "filter: tiêm chủng 2021-05-20 to 2021-12-30, both ends included", Q: "tiêm chủng", From: "2021-05-20", To: "2021-12-30",
			WantTop3: []string{tiemChungTin, tiemChung2021}, field: "title"},
		// 2022-01-01 06:30 +07:00 is on 1 January in Vietnam, 31 December in UTC.
		{Name: "filter: tiêm chủng on 2022-01-01, Vietnam time", Q: "tiêm chủng", From: "2022-01-01", To: "2022-01-01",
			WantTop3: []string{tiemChungNamMoi}, field: "title"},
		{Name: "filter: tiêm chủng on 2021-12-31, none in Vietnam time", Q: "tiêm chủng", From: "2021-12-31", To: "2021-12-31",
			WantNone: true},
		// Only a start.
		{Name: "filter: tiêm chủng from 2023-01-01", Q: "tiêm chủng", From: "2023-01-01",
			WantTop3: []string{tiemChungTruong, tiemChungThongBao}, field: "title"},
		// Only an end.
		{Name: "filter: covid-19 until 2020-12-31", Q: "covid-19", To: "2020-12-31",
			WantTop3: []string{covid1}, field: "title"},
		// Newest first, not best first: the title matches of 2019 and 2021
		// are not in the top three.
		{Name: "filter: tiêm chủng, newest first", Q: "tiêm chủng", Sort: "newest",
			WantTop3:  []string{tiemChungThongBao, tiemChungTruong, tiemChungNamMoi},
			WantOrder: []string{tiemChungThongBao, tiemChungTruong, tiemChungNamMoi}},
		{Name: "filter: tiêm chủng in Văn hóa - xã hội, newest first", Q: "tiêm chủng", Category: "Văn hóa - xã hội", Sort: "newest",
			WantTop3:  []string{tiemChungTruong, tiemChung2021, tiemChung2019},
			WantOrder: []string{tiemChungTruong, tiemChung2021, tiemChung2019}},
		// Dates and sorting together; the article of 2022-01-01 06:30 +07:00
		// would come first if the range were taken in UTC.
		{Name: "filter: tiêm chủng 2019-01-01 to 2021-12-31, newest first", Q: "tiêm chủng", From: "2019-01-01", To: "2021-12-31", Sort: "newest",
			WantTop3:  []string{tiemChung2021, tiemChungTin, tiemChung2019},
			WantOrder: []string{tiemChung2021, tiemChungTin, tiemChung2019}},

		// --- A word missing: no article holds every word of the query
		// (readers add the province or the district, which the article
		// leaves out); the articles holding the rest of it, as a phrase,
		// come first, by field and then by date as for the full phrase.

		{Name: "missing: cầu treo Nậm Mu Lai Châu, the reports do not name the province", Q: "cầu treo Nậm Mu Lai Châu", missing: "Lai Châu",
			WantTop3: []string{cauTreoTitle, cauTreoLead, cauTreoBody}, WantOrder: []string{cauTreoTitle, cauTreoLead, cauTreoBody}},
		{Name: "missing: tam ngung cung cap dien Quang Ngai, no marks", Q: "tam ngung cung cap dien Quang Ngai", missing: "Quang Ngai",
			WantTop3: []string{catDienNew, catDienOld}, WantOrder: []string{catDienNew, catDienOld}, field: "title"},
		{Name: "missing: khám sức khỏe định kỳ Mường Tè", Q: "khám sức khỏe định kỳ Mường Tè", missing: "Mường Tè",
			WantTop3: []string{khamSucKhoe}, field: "title"},
		{Name: "missing: an ninh trật tự Điện Biên", Q: "an ninh trật tự Điện Biên", missing: "Điện Biên",
			WantTop3: []string{anNinh1, anNinh2, anNinh3}},

		// --- Typed with the Vietnamese keyboard off: Telex and VNI
		// keystrokes that find nothing as typed, and must find what they
		// type, diacritics and all (the near misses still rank below).

		{Name: "telex: chuyeenr hoas ddiaj banf", Q: "chuyeenr hoas ddiaj banf", means: "chuyển hóa địa bàn",
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// "w" for ư and ă, "uwow" for ươ, "oo" for ô, tones after the final.
		{Name: "telex: chawm socs suwcs khoer nguwowif cao tuooir", Q: "chawm socs suwcs khoer nguwowif cao tuooir",
			means: "chăm sóc sức khỏe người cao tuổi", WantTop3: []string{chamSocSucKhoe}, field: "title"},
		// The decoded tones still put the exact match above "bác Liêu".
		{Name: "telex: bacj lieeu, above bác Liêu", Q: "bacj lieeu", means: "bạc liêu",
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieu}, field: "title"},
		// In capitals, "ow" for ơ, and both tone placements found.
		{Name: "telex: THUYR LOWIJ, in capitals", Q: "THUYR LOWIJ", means: "THỦY LỢI",
			WantTop3: []string{thuyLoiOld, thuyLoiNew}, WantOrder: []string{thuyLoiNew, thuyLoiNear}, field: "title"},
		{Name: "vni: chuye63n ho1a d9i5a ba2n", Q: "chuye63n ho1a d9i5a ba2n", means: "chuyển hóa địa bàn",
			WantTop3: []string{chuyenHoa1, chuyenHoa2}, field: "lead"},
		// With a category filter.
		{Name: "vni: tie6m chu3ng in Y tế", Q: "tie6m chu3ng", means: "tiêm chủng", Category: "Y tế",
			WantTop3: []string{tiemChung2019, tiemChung2021}, field: "title"},
		// Capitalized; the tone decides against "Đông Bắc, Liêu Ninh".
		{Name: "vni: Ba5c Lie6u, above Đông Bắc, Liêu Ninh", Q: "Ba5c Lie6u", means: "Bạc Liêu",
			WantTop3: []string{bacLieu}, WantOrder: []string{bacLieu, nearBacLieuNinh}, field: "title"},
		{Name: "vni: d9a62u tu7, above bắt đầu từ", Q: "d9a62u tu7", means: "đầu tư",
			WantTop3: []string{dauTu1, dauTu2}, WantOrder: []string{dauTu2, nearDauTu}, field: "title"},

		// --- Abbreviations and loanwords: the reader and the writer spell
		// the same thing differently. means is the spelling the wanted
		// articles hold; none holds the query as typed.

		{Name: "spelling: tiem vac xin bach hau, written vaccine", Q: "tiem vac xin bach hau", means: "tiêm vaccine bạch hầu",
			WantTop3: []string{vaccine}, field: "title"},
		{Name: "spelling: vắc-xin, written vaccine", Q: "vắc-xin", means: "vaccine",
			WantTop3: []string{vaccine}},
		{Name: "spelling: TP.HCM hiến máu, written TPHCM", Q: "TP.HCM hiến máu", means: "TPHCM hiến máu",
			WantTop3: []string{hienMauTPHCM}, field: "title"},
		{Name: "spelling: TP HCM hien mau, written TPHCM", Q: "TP HCM hien mau", means: "TPHCM hiến máu",
			WantTop3: []string{hienMauTPHCM}, field: "title"},
		{Name: "spelling: BCĐ 138, written Ban Chỉ đạo 138", Q: "BCĐ 138", means: "Ban Chỉ đạo 138",
			WantTop3: []string{banChiDao138, bcd2}},
		{Name: "spelling: bảo hiểm y tế học sinh, written BHYT", Q: "bảo hiểm y tế học sinh", means: "BHYT học sinh",
			WantTop3: []string{bhytHocSinh}, field: "lead"},
		{Name: "spelling: tap huan phong chay chua chay, written PCCC", Q: "tap huan phong chay chua chay", means: "tập huấn PCCC",
			WantTop3: []string{pccc}, field: "title"},

		// --- Nothing to find: words in no article.

		{Name: "none: xyzzy", Q: "xyzzy", WantNone: true},
		{Name: "none: blorptăng quzk", Q: "blorptăng quzk", WantNone: true},
		{Name: "none: đrưngkh, nonsense with diacritics", Q: "đrưngkh", WantNone: true},
		{Name: "none: 9876543210", Q: "9876543210", WantNone: true},
	}
}

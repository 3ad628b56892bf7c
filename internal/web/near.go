package web

import "cmp"

// nearNotice tells the reader that no item (noun: "bài viết", "văn bản",
// "câu hỏi") holds every word of q and that the results hold most of
// them: without it, results lacking a word the reader typed would look
// like a broken search.
func nearNotice(noun, q string) string {
	return "Không có " + noun + " chứa đủ các từ “" + q + "” — kết quả gần đúng, " + noun + " chứa nhiều từ hơn được xếp trước."
}

// searchMeta is what each search API (/api/v1/search, /api/v1/van-ban,
// /api/v1/hoi-dap) says of a search beside its results, embedded in its
// answer.
type searchMeta struct {
	Query string `json:"query"`
	// Searched is the text the results are for: the query, or what it
	// types in Telex or VNI (Typing says which) when it was read so.
	Searched string `json:"searched"`
	Typing   string `json:"typing,omitempty"`
	Total    int    `json:"total"`
	Page     int    `json:"page"`
	// Approximate: no item holds every word, the results hold most of
	// them; Notice says so in Vietnamese, as the page does.
	Approximate bool   `json:"approximate"`
	Notice      string `json:"notice,omitempty"`
	// Suggestion is what the reader probably meant, when the query found
	// little and it finds more: search it with the same parameters ("Có
	// phải bạn muốn tìm" on the page).
	Suggestion string `json:"suggestion,omitempty"`
}

// searchOutcome is what a search found, whatever it searched.
type searchOutcome struct {
	Total                        int
	Approximate                  bool
	Searched, Typing, Suggestion string
}

// newSearchMeta describes the search of q, on page page, that found o;
// noun names its items in the near-match notice.
func newSearchMeta(q string, page int, o searchOutcome, noun string) searchMeta {
	m := searchMeta{Query: q, Searched: q, Total: o.Total, Page: page, Approximate: o.Approximate, Suggestion: o.Suggestion}
	if o.Approximate {
		m.Notice = nearNotice(noun, cmp.Or(o.Searched, q))
	}
	if o.Searched != "" {
		m.Searched, m.Typing = o.Searched, o.Typing
	}
	return m
}

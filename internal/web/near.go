package web

// nearNotice tells the reader that no item (noun: "bài viết", "văn bản",
// "câu hỏi") holds every word of q and that the results hold most of
// them: without it, results lacking a word the reader typed would look
// like a broken search.
func nearNotice(noun, q string) string {
	return "Không có " + noun + " chứa đủ các từ “" + q + "” — kết quả gần đúng, " + noun + " chứa nhiều từ hơn được xếp trước."
}

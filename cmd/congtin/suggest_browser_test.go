package main_test

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/congtin/congtin/internal/search"
)

// suggestState is what the search box's combobox says of itself.
type suggestState struct {
	Role       string   `json:"role"`
	Expanded   string   `json:"expanded"`
	Controls   string   `json:"controls"`
	ListRole   string   `json:"listRole"`
	ListHidden bool     `json:"listHidden"`
	Active     string   `json:"active"`
	Selected   []string `json:"selected"`
	Options    []string `json:"options"`
	Status     string   `json:"status"`
}

// suggestStateJS is the state of the header's search box.
var suggestStateJS = suggestStateOf("tu-khoa")

// suggestStateOf returns the script that reads the state of the search
// box with that id.
func suggestStateOf(id string) string {
	return strings.Replace(suggestStateTmpl, "ID", strconv.Quote(id), 1)
}

const suggestStateTmpl = `(() => {
	const i = document.getElementById(ID), l = document.getElementById(i.getAttribute("aria-controls") || "-");
	const st = i.form.querySelector("[role=status]");
	return {role: i.getAttribute("role") || "", expanded: i.getAttribute("aria-expanded") || "", controls: i.getAttribute("aria-controls") || "",
		listRole: l ? l.getAttribute("role") : "", listHidden: l ? l.hidden : true, active: i.getAttribute("aria-activedescendant") || "",
		selected: l ? Array.from(l.querySelectorAll("[aria-selected=true]"), o => o.id) : [],
		options: l ? Array.from(l.querySelectorAll("[role=option]"), o => o.textContent) : [], status: st ? st.textContent : ""};
})()`

// checkSuggest types the first words of the article at path, without
// diacritics, into the header's search box; the suggestion list opens as
// an ARIA combobox's listbox, its count announced, and is clean for
// axe-core; ArrowDown marks the article's title, Escape closes the list,
// and ArrowDown then Enter goes to the article.
func (b *tab) checkSuggest(siteURL, path, axeJS string) {
	t := b.t
	b.navigate(siteURL + path)
	title := evaluate[string](b, `document.querySelector("main h1").textContent.trim()`)
	words := strings.Fields(search.TitlePrefix(title))
	if len(words) < 3 {
		t.Fatalf("the article %s has a title too short to type: %q", path, title)
	}
	typed := strings.Join(words[:3], " ")
	b.navigate(siteURL + "/")
	st := evaluate[suggestState](b, suggestStateJS)
	if st.Role != "combobox" || st.Expanded != "false" || st.ListRole != "listbox" || !st.ListHidden {
		t.Fatalf("before typing, the search box is %+v, want a closed combobox controlling a listbox", st)
	}
	b.do(chromedp.Focus(chromedp.CSS("#tu-khoa")), chromedp.SendKeys(chromedp.CSS("#tu-khoa"), typed))
	st = b.waitSuggest(func(s suggestState) bool { return s.Expanded == "true" && len(s.Options) > 0 })
	if st.ListHidden || !strings.Contains(strings.Join(st.Options, "|"), title) || st.Active != "" {
		t.Fatalf("after typing %q the list is %+v, want it open with %q and nothing chosen", typed, st, title)
	}
	if !strings.HasPrefix(st.Status, strconv.Itoa(len(st.Options))+" gợi ý") {
		t.Errorf("the live region says %q for %d suggestions", st.Status, len(st.Options))
	}
	b.screenshot("suggest-open.png")
	for _, p := range b.audit(axeJS) {
		t.Errorf("with the suggestions open: %s", p)
	}
	// axe-core may have moved the focus: back to the box, list open.
	if evaluate[string](b, `document.activeElement.id`) != "tu-khoa" {
		b.do(chromedp.Focus(chromedp.CSS("#tu-khoa")), chromedp.KeyEvent(kb.ArrowDown))
		b.waitSuggest(func(s suggestState) bool { return s.Expanded == "true" })
	}
	want := -1
	for i, o := range st.Options {
		if o == title {
			want = i
			break
		}
	}
	b.do(chromedp.KeyEvent(kb.ArrowDown))
	st = evaluate[suggestState](b, suggestStateJS)
	if st.Active != st.Controls+"-0" || len(st.Selected) != 1 || st.Selected[0] != st.Active {
		t.Fatalf("ArrowDown marks %+v, want the first option", st)
	}
	b.do(chromedp.KeyEvent(kb.Escape))
	if st = evaluate[suggestState](b, suggestStateJS); st.Expanded != "false" || !st.ListHidden || st.Active != "" {
		t.Errorf("Escape leaves %+v, want the list closed", st)
	}
	// ArrowDown opens it again; down to the article's title, then Enter.
	b.do(chromedp.KeyEvent(kb.ArrowDown))
	b.waitSuggest(func(s suggestState) bool { return s.Expanded == "true" })
	for range want + 1 {
		b.do(chromedp.KeyEvent(kb.ArrowDown))
	}
	st = evaluate[suggestState](b, suggestStateJS)
	if st.Active != st.Controls+"-"+strconv.Itoa(want) {
		t.Fatalf("after %d ArrowDown the active option is %q, want %d", want+1, st.Active, want)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	deadline := time.Now().Add(20 * time.Second)
	for {
		state, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		if err == nil && len(state) == 2 && state[1] == "complete" {
			if u, _ := url.Parse(state[0]); u != nil && u.Path == path {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter on the suggestion leaves the tab at %v, want %s", state, path)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitSuggest waits up to ten seconds for the header's combobox to reach
// a state.
func (b *tab) waitSuggest(ok func(suggestState) bool) suggestState {
	b.t.Helper()
	return b.waitSuggestIn(suggestStateJS, ok)
}

// waitSuggestIn waits up to ten seconds for the combobox whose state js
// reads to reach a state.
func (b *tab) waitSuggestIn(js string, ok func(suggestState) bool) suggestState {
	b.t.Helper()
	var st suggestState
	for range 200 {
		if st = evaluate[suggestState](b, js); ok(st) {
			return st
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("the search box's suggestions stay %+v", st)
	return st
}

// checkRegisterSuggest types the number of the register's first document,
// folded ("1234 qd ubnd"), into /van-ban's search box: the list opens
// with the document (its number, then its summary), clean for axe-core,
// screenshots saved at shot+".png" and, at 360 px, shot+"-phone.png";
// ArrowDown to it and Enter go to its page.
func (b *tab) checkRegisterSuggest(siteURL, axeJS, shot string) {
	t := b.t
	js := suggestStateOf("vb-q")
	b.navigate(siteURL + "/van-ban")
	first := evaluate[[]string](b, `(() => { const a = document.querySelector("td.num a"); return a ? [a.textContent.trim(), new URL(a.href).pathname] : []; })()`)
	if len(first) != 2 {
		t.Fatal("no document in the register")
	}
	number, path := first[0], first[1]
	typed := search.TitlePrefix(number)
	st := evaluate[suggestState](b, js)
	if st.Role != "combobox" || st.Expanded != "false" || st.ListRole != "listbox" || !st.ListHidden {
		t.Fatalf("before typing, the register's box is %+v, want a closed combobox controlling a listbox", st)
	}
	b.do(chromedp.Focus(chromedp.CSS("#vb-q")), chromedp.SendKeys(chromedp.CSS("#vb-q"), typed))
	st = b.waitSuggestIn(js, func(s suggestState) bool { return s.Expanded == "true" && len(s.Options) > 0 })
	want := -1
	for i, o := range st.Options {
		if strings.HasPrefix(o, number+" – ") && want < 0 {
			want = i
		}
	}
	if want < 0 || st.Active != "" || !strings.HasPrefix(st.Status, strconv.Itoa(len(st.Options))+" gợi ý") || !strings.Contains(st.Status, "văn bản") {
		t.Fatalf("after typing %q the list is %+v, want it open with %s", typed, st, number)
	}
	b.screenshot(shot + ".png")
	for _, p := range b.audit(axeJS) {
		t.Errorf("with the register's suggestions open: %s", p)
	}
	if evaluate[string](b, `document.activeElement.id`) != "vb-q" {
		b.do(chromedp.Focus(chromedp.CSS("#vb-q")), chromedp.KeyEvent(kb.ArrowDown))
		b.waitSuggestIn(js, func(s suggestState) bool { return s.Expanded == "true" })
	}
	for range want + 1 {
		b.do(chromedp.KeyEvent(kb.ArrowDown))
	}
	if st = evaluate[suggestState](b, js); st.Active != st.Controls+"-"+strconv.Itoa(want) {
		t.Fatalf("after %d ArrowDown the active option is %q, want %d", want+1, st.Active, want)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	deadline := time.Now().Add(20 * time.Second)
	for {
		state, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		if err == nil && len(state) == 2 && state[1] == "complete" {
			if u, _ := url.Parse(state[0]); u != nil && u.Path == path {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter on the suggestion leaves the tab at %v, want %s", state, path)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The open list on a phone.
	b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.navigate(siteURL + "/van-ban")
	b.do(chromedp.Focus(chromedp.CSS("#vb-q")), chromedp.SendKeys(chromedp.CSS("#vb-q"), typed))
	b.waitSuggestIn(js, func(s suggestState) bool { return s.Expanded == "true" && len(s.Options) > 0 })
	b.checkNoHorizontalScroll(360)
	b.screenshot(shot + "-phone.png")
}

// checkSuggestPhrase types the start of a phrase the demo site writes
// often, without diacritics, into the header's search box: the list shows
// phrases (a search, read as "Tìm: …") before titles, clean for
// axe-core; ArrowDown to the first phrase and Enter runs its search on
// /tim-kiem. The site's vocabulary is built in the background, so the
// list is asked again (a keystroke, then its deletion) until phrases
// come.
func (b *tab) checkSuggestPhrase(siteURL, typed, axeJS, shot string) {
	t := b.t
	b.navigate(siteURL + "/")
	b.do(chromedp.Focus(chromedp.CSS("#tu-khoa")), chromedp.SendKeys(chromedp.CSS("#tu-khoa"), typed))
	var st suggestState
	phrases := func(s suggestState) int {
		n := 0
		for _, o := range s.Options {
			if strings.HasPrefix(o, "Tìm: ") {
				n++
			}
		}
		return n
	}
	for i := 0; ; i++ {
		st = b.waitSuggest(func(s suggestState) bool { return s.Expanded == "true" && len(s.Options) > 0 })
		if phrases(st) > 0 {
			break
		}
		if i == 20 {
			t.Fatalf("after typing %q the list holds no phrase: %+v", typed, st)
		}
		time.Sleep(250 * time.Millisecond)
		b.do(chromedp.SendKeys(chromedp.CSS("#tu-khoa"), kb.Backspace+typed[len(typed)-1:]))
		time.Sleep(300 * time.Millisecond)
	}
	n := phrases(st)
	if n > 4 || len(st.Options) == n || len(st.Options) > 10 {
		t.Errorf("the list is %q: want 1 to 4 phrases, then titles, 10 at most", st.Options)
	}
	for i, o := range st.Options {
		if strings.HasPrefix(o, "Tìm: ") != (i < n) {
			t.Errorf("the list is %q: the phrases come first", st.Options)
			break
		}
	}
	if !strings.Contains(st.Status, "cụm từ tìm kiếm") {
		t.Errorf("the live region says %q", st.Status)
	}
	b.screenshot(shot)
	for _, p := range b.audit(axeJS) {
		t.Errorf("with phrases in the list: %s", p)
	}
	if evaluate[string](b, `document.activeElement.id`) != "tu-khoa" {
		b.do(chromedp.Focus(chromedp.CSS("#tu-khoa")))
	}
	if evaluate[suggestState](b, suggestStateJS).Expanded != "true" {
		b.do(chromedp.KeyEvent(kb.ArrowDown))
		b.waitSuggest(func(s suggestState) bool { return s.Expanded == "true" })
	}
	b.do(chromedp.KeyEvent(kb.ArrowDown))
	st = evaluate[suggestState](b, suggestStateJS)
	if st.Active != st.Controls+"-0" {
		t.Fatalf("ArrowDown marks %+v, want the first phrase", st)
	}
	phrase := strings.TrimPrefix(st.Options[0], "Tìm: ")
	b.do(chromedp.KeyEvent(kb.Enter))
	deadline := time.Now().Add(20 * time.Second)
	for {
		state, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		if err == nil && len(state) == 2 && state[1] == "complete" {
			if u, _ := url.Parse(state[0]); u != nil && u.Path == "/tim-kiem" {
				if u.Query().Get("q") != phrase {
					t.Errorf("the phrase %q searched %q", phrase, u.Query().Get("q"))
				}
				if evaluate[int](b, `document.querySelectorAll(".results li").length`) == 0 {
					t.Errorf("the phrase %q finds nothing", phrase)
				}
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter on the phrase leaves the tab at %v, want /tim-kiem", state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Suggestions as the reader types into a search box: an ARIA 1.2 combobox
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) over the endpoint
// its form names in data-suggest (GET /api/v1/search/suggest when empty:
// the header's box and /tim-kiem's), which answers {suggestions: [{kind,
// title, url, note}]}: kind "phrase" is a search to run (shown with a
// magnifier, read as "Tìm: …"), any other an item to open; note, when
// present, qualifies an entry ("hết hiệu lực"); data-suggest-noun names
// what is suggested ("bài viết" when absent). An enhancement only:
// without this file each box is a plain form, and Enter still submits it
// whenever no suggestion is chosen.
(function () {
  "use strict";
  var DELAY = 150; // ms after the last keystroke: one request per pause, not per key
  var MIN = 2;     // characters before asking: one letter starts too many titles

  function setup(form) {
    var input = form.querySelector("input[name=q]");
    if (!input || !window.fetch) return;
    var endpoint = form.getAttribute("data-suggest") || "/api/v1/search/suggest";
    var noun = form.getAttribute("data-suggest-noun") || "bài viết";
    var listID = input.id + "-goi-y";
    var list = document.createElement("ul");
    list.id = listID;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý " + noun);
    list.hidden = true;
    // Its words are Vietnamese, also on the English pages.
    list.setAttribute("lang", "vi");
    // A status region present before it speaks, so screen readers
    // announce its changes.
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("lang", "vi");
    // Under the input: its box (the form itself in the header) is the
    // list's positioned container.
    input.parentNode.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listID);
    input.setAttribute("autocomplete", "off");

    var items = [], active = -1, timer = 0, ctrl = null, asked = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(i) {
      if (active >= 0 && list.children[active]) list.children[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var li = list.children[i];
      li.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", li.id);
      if (li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
    }
    function go(i) {
      if (items[i]) window.location.assign(items[i].url);
    }
    function show(suggestions) {
      items = suggestions || [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = listID + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        if (s.kind === "phrase") {
          li.className = "suggest-phrase";
          var icon = document.createElement("span");
          icon.className = "suggest-icon";
          icon.setAttribute("aria-hidden", "true");
          var say = document.createElement("span");
          say.className = "visually-hidden";
          say.textContent = "Tìm: ";
          li.appendChild(icon);
          li.appendChild(say);
          li.appendChild(document.createTextNode(s.title));
        } else {
          li.className = "suggest-item";
          li.textContent = s.title;
          if (s.note) {
            // Part of the option's name: "… (hết hiệu lực)".
            var note = document.createElement("span");
            note.className = "suggest-note";
            note.textContent = " (" + s.note + ")";
            li.appendChild(note);
          }
        }
        // mousedown, not click: the input's blur would close the list first.
        li.addEventListener("mousedown", function (e) { e.preventDefault(); go(i); });
        list.appendChild(li);
      });
      if (items.length === 0) {
        close();
        status.textContent = "Không có gợi ý.";
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var phrases = items.filter(function (s) { return s.kind === "phrase"; }).length;
      var parts = [];
      if (phrases > 0) parts.push(phrases + " cụm từ tìm kiếm");
      if (items.length > phrases) parts.push((items.length - phrases) + " " + noun);
      status.textContent = items.length + " gợi ý: " + parts.join(", ") + ". Dùng phím mũi tên lên, xuống để chọn, Enter để " +
        (phrases > 0 ? "tìm hoặc mở " : "mở ") + noun + ".";
    }
    function ask() {
      var q = input.value.replace(/^\s+/, "");
      if (q.replace(/\s+$/, "").length < MIN) {
        asked = "";
        if (ctrl) ctrl.abort();
        items = [];
        close();
        return;
      }
      if (q === asked && !list.hidden) return;
      asked = q;
      if (ctrl) ctrl.abort();
      ctrl = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: ctrl ? ctrl.signal : undefined
      }).then(function (r) {
        return r.ok ? r.json() : { suggestions: [] };
      }).then(function (data) {
        // A late answer to an earlier prefix is dropped.
        if (asked === q && document.activeElement === input) show(data.suggestions);
      }).catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
    input.addEventListener("keydown", function (e) {
      var open = !list.hidden && items.length > 0;
      switch (e.key) {
        case "ArrowDown":
        case "Down":
          if (!open) {
            if (items.length > 0) {
              list.hidden = false;
              input.setAttribute("aria-expanded", "true");
            } else {
              ask();
            }
            e.preventDefault();
            return;
          }
          mark(active + 1 < items.length ? active + 1 : 0);
          e.preventDefault();
          break;
        case "ArrowUp":
        case "Up":
          if (!open) return;
          mark(active > 0 ? active - 1 : items.length - 1);
          e.preventDefault();
          break;
        case "Enter":
          if (open && active >= 0) {
            e.preventDefault();
            go(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (open) {
            e.preventDefault();
            close();
          }
          break;
      }
    });
    input.addEventListener("blur", close);
    // Some keyboards and assistive technologies send Enter's character on
    // its own, which submits the form even when keydown was cancelled: a
    // submission with a suggestion chosen goes to that article too.
    form.addEventListener("submit", function (e) {
      if (!list.hidden && active >= 0) {
        e.preventDefault();
        go(active);
      }
    });
  }

  function init() {
    document.querySelectorAll("form[data-suggest]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

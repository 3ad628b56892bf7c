// Enhancements only: every page works without this file. It is loaded in
// the head without defer, so that the reader's text size is applied before
// the page is first drawn; what needs the document waits for it.
(function () {
  "use strict";
  var root = document.documentElement;

  // Text size of articles (A− A A+): steps of 12.5% from 87.5% to 150%,
  // remembered in this browser's localStorage. No cookie: pages are cached
  // and the same for every reader, and only this script tells them apart.
  var KEY = "congtin.coChu", MIN = -1, MAX = 4;
  function storedSize() {
    var v;
    try { v = parseInt(localStorage.getItem(KEY), 10); } catch (err) { return 0; }
    return v >= MIN && v <= MAX ? v : 0;
  }
  var size = storedSize();
  function applySize() {
    if (size === 0) root.removeAttribute("data-co-chu");
    else root.setAttribute("data-co-chu", String(size));
    document.querySelectorAll("[data-text-size]").forEach(function (b) {
      var step = b.getAttribute("data-text-size");
      var end = (step === "-1" && size === MIN) || (step === "1" && size === MAX);
      if (end) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    });
  }
  function setSize(v) {
    size = Math.max(MIN, Math.min(MAX, v));
    try {
      if (size === 0) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, String(size));
    } catch (err) { /* storage refused: the size holds for this page only */ }
    applySize();
    markScrollers();
  }
  applySize();
  // Another tab of this site changed it.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY) { size = storedSize(); applySize(); markScrollers(); }
  });

  // A table wider than the article scrolls in its own box (see the body
  // template function); the box takes the keyboard focus only when it
  // does scroll, so that keyboard users can scroll it too.
  function markScrollers() {
    document.querySelectorAll(".table-wrap").forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1) w.setAttribute("tabindex", "0");
      else w.removeAttribute("tabindex");
    });
  }
  window.addEventListener("load", markScrollers); // web fonts change widths
  var resizing = false;
  window.addEventListener("resize", function () {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(function () { resizing = false; markScrollers(); });
  });

  document.addEventListener("click", function (e) {
    var t = e.target.closest && e.target.closest("[data-text-size]");
    if (t) {
      var step = parseInt(t.getAttribute("data-text-size"), 10);
      setSize(step === 0 ? 0 : size + step);
      return;
    }
    // "Quay lại" links to the category; when the reader came from a page of
    // this site, going back returns them to where they were on it.
    var a = e.target.closest && e.target.closest("[data-back]");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    var ref = document.referrer;
    if (ref && history.length > 1) {
      try {
        if (new URL(ref).origin === location.origin) {
          e.preventDefault();
          history.back();
        }
      } catch (err) { /* a referrer we cannot parse: follow the link */ }
    }
  });

  // Polls: with script, a vote on a poll's page is posted in the
  // background and the answer (the results, the thanks, or why it was not
  // counted) replaces the form in place. Without script, or if anything
  // fails, the form posts as usual (post, redirect, results page).
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("form[data-poll-form]") || !form.querySelector("input[name=token]") || !window.fetch || !window.DOMParser) return;
    var body = form.closest("[data-poll-body]");
    if (!body) return;
    e.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin"})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-poll-body]");
        if (!fresh) throw new Error("no poll in the answer");
        body.innerHTML = fresh.innerHTML;
        var msg = body.querySelector("[role=status], [role=alert]");
        if (msg) { msg.setAttribute("tabindex", "-1"); msg.focus(); }
      })
      .catch(function () { form.submit(); });
  });

  function ready() {
    // Controls that need script are shown only with script.
    document.querySelectorAll(".text-size").forEach(function (g) { g.hidden = false; });
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
    applySize();
    markScrollers();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();

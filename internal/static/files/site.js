// Enhancements only: every page works without this file.
(function () {
  "use strict";
  // "Quay lại" links to the category; when the reader came from a page of
  // this site, going back returns them to where they were on it.
  document.addEventListener("click", function (e) {
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
  // The print view's button needs script, so it is shown only with script.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();

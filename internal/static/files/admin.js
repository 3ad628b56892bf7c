// Back-office enhancements only: every form works without this file.
(function () {
  "use strict";
  // Ask before destructive buttons.
  document.addEventListener("submit", function (e) {
    var b = e.submitter;
    if (b && b.classList.contains("danger") && !window.confirm("Bạn chắc chắn muốn xóa?")) e.preventDefault();
  });

  // Ctrl+S (⌘S) saves the form being edited, as its save button would:
  // the one the page marks (data-save, name="save", or in the .save-bar), in the
  // form that has the focus, else the page's. The workflow's buttons and
  // destructive ones are never pressed this way. Without such a button
  // the browser's own Ctrl+S is left alone.
  function saveButton() {
    var sel = "button[type=submit][data-save], button[type=submit][name=save], .save-bar button[type=submit]";
    var a = document.activeElement;
    var form = a && (a.form || (a.closest && a.closest("form")));
    var b = (form && form.querySelector(sel)) ||
      document.querySelector("form button[type=submit][data-save], form button[type=submit][name=save], form .save-bar button[type=submit]");
    return b && !b.disabled && !b.classList.contains("danger") && b.form ? b : null;
  }
  var saving = false;
  document.addEventListener("keydown", function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    if (e.key !== "s" && e.key !== "S" && e.code !== "KeyS") return;
    var b = saveButton();
    if (!b) return;
    e.preventDefault();
    // Not from a dialog over the form (the link dialog, the image
    // library): what it holds is not in the form yet.
    if (document.querySelector("dialog[open]")) return;
    if (saving || e.repeat) return;
    saving = true;
    window.setTimeout(function () { saving = false; }, 2000);
    if (b.form.requestSubmit) b.form.requestSubmit(b);
    else b.click();
  });
})();

// Back-office enhancements only: every form works without this file.
(function () {
  "use strict";
  // Ask before destructive buttons.
  document.addEventListener("submit", function (e) {
    var b = e.submitter;
    if (b && b.classList.contains("danger") && !window.confirm("Bạn chắc chắn muốn xóa?")) e.preventDefault();
  });

  // Lists' bulk actions: a checkbox that checks every row, and a question
  // before an action that takes items off the public site, in edit.js's
  // dialog (without this file the server asks on a page of its own).
  document.querySelectorAll("form.bulk-form").forEach(function (form) {
    var head = form.querySelector("thead th.check");
    var boxes = form.querySelectorAll("tbody input[name=id]");
    if (head && boxes.length) {
      var all = document.createElement("input");
      all.type = "checkbox";
      all.id = "chon-tat-ca";
      all.setAttribute("aria-label", "Chọn tất cả trong trang");
      head.textContent = "";
      head.appendChild(all);
      all.addEventListener("change", function () {
        boxes.forEach(function (b) { b.checked = all.checked; });
      });
      form.addEventListener("change", function (e) {
        if (e.target === all) return;
        var n = form.querySelectorAll("tbody input[name=id]:checked").length;
        all.checked = n === boxes.length;
        all.indeterminate = n > 0 && n < boxes.length;
      });
    }
    // The destination category matters only for a move.
    var act = form.querySelector("select[name=hanh-dong]");
    var cat = form.querySelector("select[name=den-chuyen-muc]");
    if (act && cat) {
      var label = form.querySelector("label[for=den-chuyen-muc]");
      var sync = function () {
        var move = act.value === "move";
        cat.hidden = !move;
        if (label) label.hidden = !move;
      };
      act.addEventListener("change", sync);
      sync();
    }
    var confirmed = false;
    form.addEventListener("submit", function (e) {
      var sel = form.querySelector("select[name=hanh-dong]");
      var opt = sel && sel.options[sel.selectedIndex];
      if (confirmed || !opt || !opt.dataset.confirm) return;
      var n = form.querySelectorAll("tbody input[name=id]:checked").length;
      if (n === 0) return; // the server says to check some
      e.preventDefault();
      var b = e.submitter;
      var noun = (b && b.dataset.noun) || "mục";
      var label = opt.dataset.confirm;
      var title = "Gỡ " + n + " " + noun + " đã chọn khỏi cổng?";
      var text = "Bạn đọc sẽ không xem được " + (n === 1 ? noun + " này" : "các " + noun + " này") + " cho đến khi được xuất bản lại.";
      var asking = typeof window.congtinAsk === "function" ?
        window.congtinAsk(title, text, label + " (" + n + ")", "Hủy") :
        Promise.resolve(window.confirm(title + "\n" + text));
      asking.then(function (yes) {
        if (!yes) return;
        var ok = form.querySelector("input[name=xac-nhan]");
        if (!ok) {
          ok = document.createElement("input");
          ok.type = "hidden";
          ok.name = "xac-nhan";
          form.appendChild(ok);
        }
        ok.value = "1";
        confirmed = true;
        if (b) form.requestSubmit(b); else form.requestSubmit();
      });
    });
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

// The back office's preview page: each frame fits its box (the page inside
// keeps its 1280 or 390 px width, drawn smaller), a switch shows either
// width or both, and the link is copied in one click. Without this file
// the frames keep their size and scroll in their boxes.
(function () {
  "use strict";
  var frames = document.querySelector("[data-preview-frames]");
  if (!frames) return;

  function fit() {
    frames.querySelectorAll(".frame-box").forEach(function (box) {
      var f = box.querySelector("iframe");
      var w = Number(f.getAttribute("width")), h = Number(f.getAttribute("height"));
      var avail = box.clientWidth;
      if (!avail || !w) return; // hidden by the switch
      var border = f.offsetWidth - f.clientWidth;
      var s = Math.min(1, avail / (w + border));
      f.style.transform = s < 1 ? "scale(" + s + ")" : "";
      box.style.height = Math.ceil((h + border) * s) + "px";
      box.classList.add("is-scaled");
    });
  }

  var sw = document.querySelector(".preview-switch");
  if (sw) {
    sw.hidden = false;
    sw.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-preview-mode]");
      if (!b) return;
      sw.querySelectorAll("button[data-preview-mode]").forEach(function (x) {
        x.setAttribute("aria-pressed", x === b ? "true" : "false");
      });
      frames.setAttribute("data-mode", b.getAttribute("data-preview-mode"));
      fit();
    });
  }
  if (window.ResizeObserver) {
    new ResizeObserver(fit).observe(frames);
  } else {
    window.addEventListener("resize", fit);
  }
  fit();

  // The link on the site's configured host; without one (no -base-url,
  // no canonical host) the server gives the path alone, and the link is
  // made on the address the browser reached this page by. Then the copy
  // button.
  var input = document.getElementById("preview-link");
  var copy = document.querySelector("[data-copy-link]");
  var said = document.querySelector(".preview-copied");
  if (!input || !copy) return;
  if (!/^https?:\/\//.test(input.value)) {
    input.value = new URL(input.getAttribute("data-preview-path"), location.href).href;
  }
  copy.hidden = false;
  function tell(msg) { if (said) said.textContent = msg; }
  copy.addEventListener("click", function () {
    input.focus();
    input.select();
    var done = function () { tell("Đã sao chép liên kết xem trước."); };
    var fallback = function () {
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      tell(ok ? "Đã sao chép liên kết xem trước." : "Liên kết đã được chọn; nhấn Ctrl+C để sao chép.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  });
})();

// Back-office enhancements only: every form works without this file.
(function () {
  "use strict";
  // Ask before destructive buttons.
  document.addEventListener("submit", function (e) {
    var b = e.submitter;
    if (b && b.classList.contains("danger") && !window.confirm("Bạn chắc chắn muốn xóa?")) e.preventDefault();
  });
})();

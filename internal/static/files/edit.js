// No lost work in the back office's edit forms (the page's form carries a
// [data-edit-state] element; see the "editstate" template partial):
//
// - the form is autosaved as the writer's draft every 15 seconds while it
//   has unsaved changes, and when the page is left (sendBeacon);
// - leaving the page with unsaved changes asks first (beforeunload);
// - when the session has ended, the page says so, with a link to sign in
//   again in another tab, and keeps a copy in the browser until the
//   draft can be saved;
// - the page says it has the item open (a heartbeat every 30 seconds)
//   and shows who else has;
// - taking something down from the portal (Gỡ bài …) asks first, in a
//   dialog;
// - a workflow panel that is a form of its own (the schedule's week)
//   refuses to step while the entry form has unsaved changes.
//
// Every form works without this file: it only adds to them. Plain
// JavaScript, no inline script or style (Content-Security-Policy).
(function () {
  "use strict";

  var AUTOSAVE_MS = 15000;
  var HEARTBEAT_MS = 30000;
  var LOCAL_DAYS = 7;

  var state = document.querySelector("[data-edit-state]");
  var form = state ? state.closest("form") : null;

  // Dialogs: an accessible confirmation (or a notice with one button),
  // built when needed. It resolves true when confirmed.
  function ask(title, text, okLabel, cancelLabel) {
    return new Promise(function (resolve) {
      if (typeof HTMLDialogElement !== "function") {
        resolve(cancelLabel ? window.confirm(title + "\n" + text) : (window.alert(title + "\n" + text), false));
        return;
      }
      var n = ++ask.count;
      var d = document.createElement("dialog");
      d.className = "confirm-dialog";
      d.setAttribute("aria-labelledby", "hoi-" + n);
      d.setAttribute("aria-describedby", "hoi-noi-dung-" + n);
      var h = document.createElement("h2");
      h.id = "hoi-" + n;
      h.textContent = title;
      var p = document.createElement("p");
      p.id = "hoi-noi-dung-" + n;
      p.textContent = text;
      var f = document.createElement("form");
      f.method = "dialog";
      f.className = "actions";
      var ok = document.createElement("button");
      ok.type = "submit";
      ok.value = "ok";
      ok.textContent = okLabel;
      f.appendChild(ok);
      var cancel = null;
      if (cancelLabel) {
        cancel = document.createElement("button");
        cancel.type = "submit";
        cancel.value = "cancel";
        cancel.className = "secondary";
        cancel.textContent = cancelLabel;
        f.appendChild(cancel);
      }
      d.appendChild(h);
      d.appendChild(p);
      d.appendChild(f);
      document.body.appendChild(d);
      var back = document.activeElement;
      d.addEventListener("close", function () {
        var yes = d.returnValue === "ok" && !!cancelLabel;
        d.remove();
        if (back && typeof back.focus === "function" && !yes) back.focus();
        resolve(yes);
      });
      d.showModal();
      // The safe choice has the focus.
      (cancel || ok).focus();
    });
  }
  ask.count = 0;
  // The lists' bulk actions (admin.js) ask with the same dialog.
  window.congtinAsk = ask;

  // The form's fields as posted, without files (a document's attachments
  // are never part of a draft). The workflow panel's comment belongs to
  // the form (form="…") and is in it too.
  function serialize() {
    var out = new URLSearchParams();
    new FormData(form).forEach(function (v, k) {
      if (typeof v === "string") out.append(k, v);
    });
    return out.toString();
  }

  // Confirmations of the steps that take something down, and the
  // refusal of a separate workflow form while the edit form has unsaved
  // changes. Runs for every form of the page, before the form's own
  // handlers (capture).
  var confirmed = null;
  document.addEventListener("submit", function (e) {
    if (e.defaultPrevented) return;
    var f = e.target;
    var b = e.submitter;
    var act = b && b.name === "action" ? b.value : "";
    if (act === "unpublish" && confirmed !== b) {
      e.preventDefault();
      var label = b.textContent.trim();
      ask(label + "?", "Nội dung sẽ không còn hiển thị trên cổng cho đến khi được xuất bản lại. Bạn có chắc muốn " + label.toLowerCase() + "?", label, "Hủy").then(function (yes) {
        if (!yes) return;
        confirmed = b;
        f.requestSubmit(b);
      });
      return;
    }
    // A separate workflow form would leave the page and what the edit
    // form holds: ask, and go on only when the writer gives it up.
    if (act && form && f !== form && f.closest(".workflow") && confirmed !== b && isDirty()) {
      e.preventDefault();
      ask("Còn thay đổi chưa lưu", "Biểu mẫu bên trên có thay đổi chưa lưu; chuyển trạng thái bây giờ sẽ bỏ những thay đổi đó. Hãy quay lại và bấm Lưu trước, hoặc bỏ thay đổi để tiếp tục.", "Bỏ thay đổi và tiếp tục", "Quay lại").then(function (yes) {
        if (!yes) return;
        confirmed = b;
        submitting = true;
        dropLocal();
        f.requestSubmit(b);
      });
    }
  }, true);

  if (!form) return;

  var draftUrl = state.getAttribute("data-draft-url") || "";
  var lockUrl = state.getAttribute("data-lock-url") || "";
  var restoreUrl = state.getAttribute("data-restore-url") || "";
  var localKey = state.getAttribute("data-draft-key") || "";
  var lockNotice = document.querySelector("[data-lock-notice]");
  var sessionNotice = document.querySelector("[data-session-notice]");
  var saveButton = form.querySelector("[data-save]");

  // A line under the save button says what the autosave did (not
  // announced: it changes every 15 seconds).
  var status = document.createElement("span");
  status.className = "autosave-status";
  if (saveButton && saveButton.parentNode) saveButton.parentNode.appendChild(status);

  var baseline = null;
  var lastSent = null;
  var submitting = false;
  var inflight = null;
  var expired = false;

  function isDirty() {
    return !submitting && serialize() !== baseline;
  }

  function hhmm(d) {
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  // The copy kept in the browser while the server cannot take the draft.
  function keepLocal(values) {
    if (!localKey) return;
    try {
      localStorage.setItem(localKey, JSON.stringify({ at: Date.now(), values: values }));
    } catch (_) {
      // Storage full or disabled: the page still holds the text.
    }
  }
  function localCopy() {
    try {
      var c = JSON.parse(localStorage.getItem(localKey) || "null");
      if (c && typeof c.values === "string" && Date.now() - c.at < LOCAL_DAYS * 864e5) return c;
      if (c) localStorage.removeItem(localKey);
    } catch (_) {}
    return null;
  }
  function dropLocal() {
    try {
      localStorage.removeItem(localKey);
    } catch (_) {}
  }

  function signInLink() {
    var back = "/admin/?ok=" + encodeURIComponent("Đã đăng nhập lại. Hãy quay lại thẻ đang soạn: nội dung sẽ được lưu tạm tiếp.");
    var a = document.createElement("a");
    a.href = "/admin/dang-nhap?next=" + encodeURIComponent(back);
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = "Đăng nhập lại (mở thẻ mới)";
    return a;
  }

  function sessionEnded() {
    if (!sessionNotice) return;
    if (!expired) {
      sessionNotice.textContent = "Phiên đăng nhập đã hết hạn: nội dung đang soạn chưa được lưu tạm lên máy chủ, nhưng vẫn còn trên trang này và được giữ trong trình duyệt. ";
      sessionNotice.appendChild(signInLink());
      sessionNotice.appendChild(document.createTextNode(" rồi quay lại đây; đừng đóng trang này."));
    }
    expired = true;
  }

  function sessionBack() {
    if (!expired) return;
    expired = false;
    if (sessionNotice) sessionNotice.textContent = "";
    status.textContent = "Đã đăng nhập lại; nội dung đã được lưu tạm.";
  }

  // post sends values to url as a form, as edit.js's request; it
  // resolves with the JSON answer (null when there is none) and rejects
  // with {expired}, {message} or a network error.
  function post(url, values) {
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams(values),
      headers: { "X-Requested-With": "fetch", Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (_) {}
        if (res.status === 401) throw { expired: true };
        if (!res.ok) throw { message: (data && data.error) || "Lỗi " + res.status };
        return data;
      });
    });
  }

  function autosave() {
    if (!draftUrl || inflight || submitting) return inflight;
    var values = serialize();
    if (values === baseline || values === lastSent) return null;
    inflight = post(draftUrl, values)
      .then(function (data) {
        lastSent = values;
        dropLocal();
        sessionBack();
        status.textContent = (data && data.message) || "Đã lưu tạm.";
      })
      .catch(function (err) {
        keepLocal(values);
        if (err && err.expired) sessionEnded();
        else if (err && err.message) status.textContent = "Chưa lưu tạm được: " + err.message;
        else status.textContent = "Mất kết nối tới máy chủ; nội dung được giữ trong trình duyệt và sẽ được lưu tạm khi có kết nối.";
      })
      .then(function () {
        inflight = null;
      });
    return inflight;
  }

  function heartbeat() {
    if (!lockUrl || submitting) return;
    post(lockUrl, "")
      .then(function (data) {
        sessionBack();
        if (lockNotice && data) lockNotice.textContent = data.message || "";
      })
      .catch(function (err) {
        if (err && err.expired) sessionEnded();
      });
  }

  // Leaving: the last changes go as a beacon (the page may not live to
  // read an answer), with a copy in the browser in case they do not
  // arrive; the lock is released.
  function leaving() {
    // The page that answers a save says again that the writer has the
    // item open, if they still may edit it.
    if (lockUrl && navigator.sendBeacon) navigator.sendBeacon(lockUrl + "/roi", new URLSearchParams());
    if (submitting) return;
    var values = serialize();
    if (draftUrl && values !== baseline && values !== lastSent) {
      var sent = false;
      if (!expired && navigator.sendBeacon) sent = navigator.sendBeacon(draftUrl, new URLSearchParams(values));
      if (sent) lastSent = values;
      keepLocal(values);
    }
  }

  // A copy kept in the browser from an earlier visit goes to the server
  // as the draft, which the page then offers to restore.
  function offerLocalCopy() {
    var c = localCopy();
    if (!c || !draftUrl) return;
    post(draftUrl, c.values)
      .then(function () {
        dropLocal();
        if (document.querySelector(".draft-notice") || !restoreUrl) return;
        var box = document.createElement("div");
        box.className = "draft-notice";
        box.setAttribute("role", "status");
        var p = document.createElement("p");
        p.textContent = "Có nội dung chưa lưu từ " + hhmm(new Date(c.at)) + " được giữ trong trình duyệt. ";
        var a = document.createElement("a");
        a.href = restoreUrl;
        a.className = "button";
        a.textContent = "Khôi phục";
        p.appendChild(a);
        box.appendChild(p);
        var notices = document.querySelector(".edit-notices");
        if (notices) notices.appendChild(box);
      })
      .catch(function (err) {
        if (err && err.expired) sessionEnded();
      });
  }

  function start() {
    baseline = state.hasAttribute("data-dirty") ? null : serialize();
    setInterval(autosave, AUTOSAVE_MS);
    if (lockUrl) {
      heartbeat();
      setInterval(heartbeat, HEARTBEAT_MS);
    }
    offerLocalCopy();
  }

  form.addEventListener("submit", function (e) {
    if (e.defaultPrevented) return;
    if (inflight) {
      // An autosave on its way must arrive before the save, which
      // deletes the draft: wait for it, then send the form.
      e.preventDefault();
      var b = e.submitter;
      inflight.then(function () {
        form.requestSubmit(b);
      });
      return;
    }
    submitting = true;
    dropLocal();
  });

  window.addEventListener("beforeunload", function (e) {
    if (isDirty()) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      if (isDirty()) autosave();
    } else if (lockUrl) {
      heartbeat();
    }
  });

  // The editor's script sets up its text area on DOMContentLoaded, after
  // which the form's values are what the page shows.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { setTimeout(start, 0); });
  else setTimeout(start, 0);
})();

/* The attendance roster: one tap per trainee, saved as they go. Without this script each tap is a plain form
   post. With it, the tap shows at once and is sent in the background; a mark that cannot be sent (no network,
   server busy) stays queued and is sent again with a growing delay. Sending the same mark twice is harmless: the
   server keeps one attendance per trainee and session (idempotent). */
(function () {
  "use strict";
  var statusEl = document.querySelector("[data-roster-status]");
  var forms = document.querySelectorAll("[data-roster-form]");
  if (!statusEl || !forms.length || !window.fetch) return;
  var queue = {};  // enrolment id -> {form, status}
  var sending = false, delay = 0, timer = null;
  var RETRY_FIRST = 1000, RETRY_MAX = 30000;

  function say(text) { statusEl.textContent = text || ""; }

  function press(form, status, pending) {
    form.querySelectorAll("button[name=status]").forEach(function (button) {
      var on = button.value === status;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("pending", on && pending);
    });
  }

  function retryLater() {
    delay = delay ? Math.min(delay * 2, RETRY_MAX) : RETRY_FIRST;
    say(statusEl.dataset.msgRetrying);
    clearTimeout(timer);
    timer = setTimeout(flush, Math.round(delay * (0.75 + Math.random() * 0.5)));
  }

  function flush() {
    if (sending) return;
    var ids = Object.keys(queue);
    if (!ids.length) { delay = 0; say(statusEl.dataset.msgSaved); return; }
    var id = ids[0], item = queue[id];
    var body = new FormData(item.form);
    body.set("status", item.status);
    sending = true;
    if (!delay) say(statusEl.dataset.msgSaving);
    fetch(item.form.action || window.location.href, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json", "X-CSRFToken": body.get("csrfmiddlewaretoken")}
    }).then(function (response) {
      sending = false;
      if (response.ok || response.status === 400 || response.status === 403 || response.status === 404) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (queue[id] === item) delete queue[id];
          if (!response.ok) { say(statusEl.dataset.msgError + " " + (data.error || response.status)); press(item.form, "", false); return; }
          delay = 0;
          if (!queue[id]) press(item.form, item.status, false);
          flush();
        });
      }
      retryLater();  // 5xx or 429: the mark stays queued
    }, function () { sending = false; retryLater(); });
  }

  forms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "status") return;
      event.preventDefault();
      var id = form.querySelector("input[name=enrolment]").value;
      queue[id] = {form: form, status: button.value};
      press(form, button.value, true);
      if (!sending) { clearTimeout(timer); flush(); }
    });
  });
  window.addEventListener("online", function () { delay = 0; flush(); });
})();

/* The lesson page's side of the SCORM player: the package runs in a sandboxed frame (an opaque origin, no cookies);
   its runtime (runtime.js) posts each commit here, and this script sends it to the server with the trainee's session
   and CSRF token, one after another. A commit that fails is kept and sent again with the next one. */
(function () {
  "use strict";
  var frame = document.querySelector("iframe[data-scorm-commit]");
  if (!frame) return;
  var url = frame.getAttribute("data-scorm-commit");
  var csrf = frame.getAttribute("data-csrf");
  var status = document.getElementById("scorm-status");
  var pending = null;
  var sending = false;

  function say(text) { if (status && text) status.textContent = text; }

  function send() {
    if (sending || !pending) return;
    var commit = pending;
    pending = null;
    sending = true;
    var failed = false;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify(commit)
    }).then(function (response) {
      return response.json().then(function (data) {
        say(data.message || data.error);
        if (response.status >= 500) throw new Error("server");
      });
    }).catch(function () {
      // Offline or the server failed: keep the values, the next commit carries them again.
      var values = commit.values;
      if (pending) { for (var name in pending.values) values[name] = pending.values[name]; }
      pending = {session: commit.session, values: values};
      failed = true;
      say(frame.getAttribute("data-offline"));
    }).then(function () {
      sending = false;
      if (pending && !failed) send();  // a commit that came while this one was on its way
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.kompeten !== "scorm" || typeof data.values !== "object") return;
    if (!pending) pending = {session: String(data.session), values: {}};
    pending.session = String(data.session);
    for (var name in data.values) pending.values[name] = String(data.values[name]);
    send();
  });
})();

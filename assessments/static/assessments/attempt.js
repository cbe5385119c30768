/* Kompeten exam attempt: autosave every answer as it changes, keep a queue in localStorage while offline or while
   the server cannot save (5xx, no answer: retried with back-off, and the page says so), count down from the
   server's clock, and confirm before submitting. No framework, no build step. */
(function () {
  "use strict";
  var root = document.getElementById("exam");
  if (!root) return;
  var form = document.getElementById("attempt-form");
  var statusEl = document.getElementById("save-status");
  var saveUrl = root.dataset.saveUrl;
  var storeKey = "kompeten-attempt-" + root.dataset.attempt;
  var csrf = (form.querySelector("input[name=csrfmiddlewaretoken]") || {}).value;
  var clockOffset = Date.parse(root.dataset.serverNow) - Date.now();
  var submitting = false;
  var flushing = false;
  var closed = false;  // the server refused a save because the attempt is submitted or late: nothing more is sent
  var lastSeq = 0;
  // Back-off after a save the server could not make (5xx, 408, 429, no answer): 1 s, 2 s, 4 s ... at most 15 s.
  var RETRY_FIRST = 1000, RETRY_MAX = 15000, SAVE_TIMEOUT = 20000;
  var retryDelay = 0, retryTimer = null;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function store(queue) {
    try { localStorage.setItem(storeKey, JSON.stringify(queue)); } catch (e) { /* private mode: memory only */ }
  }
  var queue = load();
  function nextSeq() {
    lastSeq = Math.max(Date.now() + clockOffset, lastSeq + 1);
    return lastSeq;
  }
  function setStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.className = "save-status " + (kind || "");
  }
  function showRetrying() { setStatus(root.dataset.msgRetrying, "offline retrying"); }
  function transient(status) { return status >= 500 || status === 408 || status === 429; }
  // The answers stay queued on this device; the next try comes later each time, with jitter so that a room of
  // trainees does not hammer a recovering server in step.
  function retryLater() {
    retryDelay = retryDelay ? Math.min(retryDelay * 2, RETRY_MAX) : RETRY_FIRST;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, Math.round(retryDelay * (0.75 + Math.random() * 0.5)));
    showRetrying();
  }
  function post(body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, SAVE_TIMEOUT) : null;
    return fetch(saveUrl, {
      method: "POST", body: body, credentials: "same-origin", signal: controller ? controller.signal : undefined,
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf}
    }).then(function (response) { clearTimeout(timer); return response; },
            function (error) { clearTimeout(timer); throw error; });
  }

  function answerOf(fieldset) {
    var pos = fieldset.dataset.position, type = fieldset.dataset.type, name = "q" + pos;
    var inputs = fieldset.querySelectorAll("[name^='" + name + "']");
    function checked() {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked && i.name === name; })
        .map(function (i) { return i.value; });
    }
    function text() { var el = fieldset.querySelector("[name='" + name + "']"); return el ? el.value : ""; }
    if (type === "single") { var c = checked(); return c.length ? {choice: c[0]} : {}; }
    if (type === "multiple") { var m = checked(); return m.length ? {choices: m} : {}; }
    if (type === "truefalse") { var t = checked(); return t.length ? {value: t[0] === "true"} : {}; }
    if (type === "short" || type === "essay") { var s = text(); return s.trim() ? {text: s} : {}; }
    if (type === "numeric") { var n = text().trim(); return n ? {value: n} : {}; }
    if (type === "matching") {
      var pairs = {}, any = false;
      fieldset.querySelectorAll("select").forEach(function (sel) {
        var key = sel.name.slice(name.length + 1);
        pairs[key] = sel.value || null;
        if (sel.value) any = true;
      });
      return any ? {pairs: pairs} : {};
    }
    if (type === "ordering") {
      var places = [], seen = {}, complete = true;
      fieldset.querySelectorAll("select").forEach(function (sel) {
        var place = parseInt(sel.value, 10);
        if (!place || seen[place]) complete = false;
        seen[place] = true;
        places.push([place, sel.name.slice(name.length + 1)]);
      });
      if (!complete) return {};
      places.sort(function (a, b) { return a[0] - b[0]; });
      return {order: places.map(function (p) { return p[1]; })};
    }
    return {};
  }
  function isAnswered(answer) { return Object.keys(answer).length > 0; }
  function flaggedOf(fieldset) { var f = fieldset.querySelector("[data-flag]"); return f ? f.checked : false; }

  function markNav(pos, answered, flagged) {
    var nav = document.getElementById("nav-" + pos);
    if (!nav) return;
    nav.classList.toggle("answered", answered);
    nav.classList.toggle("flagged", flagged);
  }

  // Every change is kept on the device at once; the network save follows a moment later.
  function enqueue(fieldset) {
    if (closed) return;
    var answer = answerOf(fieldset), flagged = flaggedOf(fieldset), pos = fieldset.dataset.position;
    queue[pos] = {seq: nextSeq(), answer: answer, flagged: flagged};
    store(queue);
    markNav(pos, isAnswered(answer), flagged);
    if (!navigator.onLine) setStatus(root.dataset.msgOffline, "offline");
    else if (retryDelay) showRetrying();
    else setStatus(root.dataset.msgSaving, "saving");
  }

  function flush() {
    var positions = Object.keys(queue);
    if (closed) return Promise.resolve();
    if (flushing) { clearTimeout(flushTimer); flushTimer = setTimeout(flush, 300); return Promise.resolve(); }
    if (!positions.length) { retryDelay = 0; setStatus(root.dataset.msgSaved, "saved"); return Promise.resolve(); }
    if (!navigator.onLine) { setStatus(root.dataset.msgOffline, "offline"); return Promise.resolve(); }
    flushing = true;
    clearTimeout(retryTimer);
    if (!retryDelay) setStatus(root.dataset.msgSaving, "saving");
    var chain = Promise.resolve(), failed = false, retry = false;
    positions.forEach(function (pos) {
      chain = chain.then(function () {
        if (failed) return;
        var entry = queue[pos];
        if (!entry) return;
        var body = JSON.stringify({position: parseInt(pos, 10), seq: entry.seq, answer: entry.answer, flagged: entry.flagged});
        return post(body).then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            if (response.ok || response.status === 400 || response.status === 404) {
              if (queue[pos] && queue[pos].seq === entry.seq) { delete queue[pos]; store(queue); }
              if (response.ok) retryDelay = 0;
              else { failed = true; setStatus(root.dataset.msgError + " " + (data.error || ""), "error"); }
            } else if (response.status === 409 && (data.code === "closed" || data.code === "late")) {
              // Submitted (here, in another tab, or by the deadline): saving can never succeed, so stop trying.
              failed = closed = true;
              queue = {};
              store(queue);
              clearTimeout(retryTimer);
              setStatus(data.error || root.dataset.msgError, "error closed");
            } else if (response.status === 409) {
              // This one answer cannot be saved any more (a closed question): drop it, keep saving the others.
              if (queue[pos] && queue[pos].seq === entry.seq) { delete queue[pos]; store(queue); }
              failed = true;
              setStatus(root.dataset.msgError + " " + (data.error || ""), "error");
            } else if (transient(response.status)) {
              failed = retry = true;  // the server could not save it now: it stays queued and is sent again
            } else {
              failed = true;
              setStatus(root.dataset.msgError + " " + (data.error || response.status), "error");
            }
          });
        }, function () {
          failed = true;
          if (navigator.onLine) retry = true;  // no answer (server down, timeout) although the device is online
          else setStatus(root.dataset.msgOffline, "offline");
        });
      });
    });
    return chain.then(function () {
      flushing = false;
      if (retry) retryLater();
      else if (!failed && !Object.keys(queue).length) setStatus(root.dataset.msgSaved, "saved");
      else if (!failed) return flush();
    });
  }

  // Answers kept on this device that are newer than the server's come back into the form.
  Object.keys(queue).forEach(function (pos) {
    var fieldset = document.getElementById("q" + pos), entry = queue[pos];
    if (!fieldset || entry.seq <= parseInt(fieldset.dataset.seq || "0", 10)) { delete queue[pos]; return; }
    restore(fieldset, entry);
  });
  store(queue);

  function restore(fieldset, entry) {
    var pos = fieldset.dataset.position, name = "q" + pos, a = entry.answer || {};
    fieldset.querySelectorAll("input[name='" + name + "']").forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = a.choice === input.value || (a.choices || []).indexOf(input.value) >= 0 ||
          (a.value === true && input.value === "true") || (a.value === false && input.value === "false");
      } else {
        input.value = a.text !== undefined ? a.text : (a.value !== undefined && a.value !== null ? a.value : "");
      }
    });
    var area = fieldset.querySelector("textarea[name='" + name + "']");
    if (area) area.value = a.text || "";
    fieldset.querySelectorAll("select").forEach(function (sel) {
      var key = sel.name.slice(name.length + 1);
      if (a.pairs) sel.value = a.pairs[key] || "";
      if (a.order) sel.value = String(a.order.indexOf(key) + 1);
    });
    var flag = fieldset.querySelector("[data-flag]");
    if (flag) flag.checked = !!entry.flagged;
    markNav(pos, isAnswered(a), !!entry.flagged);
  }

  var flushTimer = null;
  form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
    function changed(event) {
      enqueue(fieldset);
      clearTimeout(flushTimer);
      flushTimer = setTimeout(flush, event.type === "input" ? 400 : 0);
    }
    fieldset.addEventListener("change", changed);
    fieldset.addEventListener("input", changed);
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { setStatus(root.dataset.msgOffline, "offline"); });
  setInterval(flush, 10000);
  window.addEventListener("beforeunload", function (event) {
    if (!submitting && Object.keys(queue).length) { event.preventDefault(); event.returnValue = ""; }
  });

  function submitNow() {
    submitting = true;
    flush().then(function () { form.submit(); }, function () { form.submit(); });
  }

  var submitButton = document.getElementById("submit-button");
  var dialog = document.getElementById("confirm-submit");
  if (submitButton) {
    submitButton.addEventListener("click", function (event) {
      event.preventDefault();
      var missing = [];
      form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
        if (!isAnswered(answerOf(fieldset))) missing.push(fieldset.dataset.position);
      });
      var text = missing.length ? root.dataset.msgUnanswered + " " + missing.join(", ") : root.dataset.msgNone;
      if (dialog && dialog.showModal) {
        document.getElementById("confirm-unanswered").textContent = text;
        dialog.returnValue = "";
        dialog.showModal();
      } else if (window.confirm(text + "\n" + root.dataset.msgConfirm)) {
        submitNow();
      }
    });
  }
  if (dialog) {
    dialog.addEventListener("close", function () { if (dialog.returnValue === "confirm") submitNow(); });
  }

  // The countdown follows the server's clock; at zero the page submits what it has.
  var deadline = root.dataset.deadline ? Date.parse(root.dataset.deadline) : null;
  var countdown = document.getElementById("countdown");
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    if (!deadline || submitting) return;
    var left = Math.max(0, Math.floor((deadline - (Date.now() + clockOffset)) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    countdown.textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s);
    root.classList.toggle("time-short", left <= 300);
    if (left <= 0) {
      setStatus(root.dataset.msgTimeup, "saving");
      submitNow();
    }
  }
  if (deadline) { tick(); setInterval(tick, 1000); }
  flush();
})();

/* Kompeten observation checklist (FR.IA.01): every change is kept on this device at once and sent a moment
   later as the whole checklist with the version it was loaded with. A stale version (someone else saved first)
   stops the autosave and asks for a reload. While offline the change waits in localStorage. No framework. */
(function () {
  "use strict";
  var root = document.getElementById("checklist");
  if (!root || root.dataset.readOnly) return;
  var form = document.getElementById("checklist-form");
  var statusEl = document.getElementById("save-status");
  var saveUrl = root.dataset.saveUrl;
  var storeKey = "kompeten-checklist-" + root.dataset.key;
  var csrf = (form.querySelector("input[name=csrfmiddlewaretoken]") || {}).value;
  var version = parseInt(root.dataset.version, 10) || 0;
  var pending = null, flushing = false, stale = false, timer = null;

  function setStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.className = "save-status " + (kind || "");
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)); } catch (e) { return null; }
  }
  function store(entry) {
    try {
      if (entry) localStorage.setItem(storeKey, JSON.stringify(entry)); else localStorage.removeItem(storeKey);
    } catch (e) { /* private mode: memory only */ }
  }

  function rowsOf() {
    var rows = [];
    form.querySelectorAll("fieldset.kuk").forEach(function (fs) {
      var id = fs.dataset.criterion, picked = fs.querySelector("input[name='achieved-" + id + "']:checked");
      function val(name) { var el = fs.querySelector("[name='" + name + "-" + id + "']"); return el ? el.value : ""; }
      rows.push({
        criterion_id: parseInt(id, 10),
        achieved: picked ? picked.value === "yes" : null,
        benchmark: val("benchmark"), note: val("note"), follow_up: val("follow_up")
      });
    });
    return rows;
  }
  function restore(rows) {
    rows.forEach(function (row) {
      var id = row.criterion_id, fs = form.querySelector("fieldset[data-criterion='" + id + "']");
      if (!fs) return;
      fs.querySelectorAll("input[name='achieved-" + id + "']").forEach(function (input) {
        input.checked = (row.achieved === true && input.value === "yes") || (row.achieved === false && input.value === "no");
      });
      ["benchmark", "note", "follow_up"].forEach(function (name) {
        var el = fs.querySelector("[name='" + name + "-" + id + "']");
        if (el) el.value = row[name] || "";
      });
    });
  }

  function showStale() {
    stale = true;
    store(null);
    pending = null;
    setStatus(root.dataset.msgStale + " ", "error");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = root.dataset.msgReload;
    button.addEventListener("click", function () { window.location.reload(); });
    statusEl.appendChild(button);
    form.querySelectorAll("fieldset.kuk").forEach(function (fs) { fs.disabled = true; });
  }

  function enqueue() {
    if (stale) return;
    pending = {base: version, rows: rowsOf()};
    store(pending);
    setStatus(navigator.onLine ? root.dataset.msgSaving : root.dataset.msgOffline, navigator.onLine ? "saving" : "offline");
  }

  function flush() {
    if (stale) return;
    if (flushing) { clearTimeout(timer); timer = setTimeout(flush, 300); return; }
    if (!pending) { setStatus(root.dataset.msgSaved, "saved"); return; }
    if (!navigator.onLine) { setStatus(root.dataset.msgOffline, "offline"); return; }
    flushing = true;
    var entry = pending;
    setStatus(root.dataset.msgSaving, "saving");
    fetch(saveUrl, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({version: entry.base, rows: entry.rows})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        flushing = false;
        if (response.ok) {
          version = data.version;
          if (pending === entry) { pending = null; store(null); setStatus(root.dataset.msgSaved, "saved"); }
          else { pending.base = version; store(pending); flush(); }
        } else if (response.status === 409) {
          showStale();
        } else if (response.status >= 500) {
          setStatus(root.dataset.msgError + " " + (data.error || response.status), "error");
        } else {
          if (pending === entry) { pending = null; store(null); }
          setStatus(root.dataset.msgError + " " + (data.error || response.status), "error");
        }
      });
    }, function () {
      flushing = false;
      setStatus(root.dataset.msgOffline, "offline");
    });
  }

  // Changes kept on this device from a visit that could not send them come back, if nothing newer was saved.
  var kept = load();
  if (kept && kept.base === version && kept.rows) {
    restore(kept.rows);
    pending = kept;
  } else if (kept) {
    store(null);
  }

  function changed(event) {
    enqueue();
    clearTimeout(timer);
    timer = setTimeout(flush, event.type === "input" ? 600 : 0);
  }
  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); flush(); });
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { if (!stale) setStatus(root.dataset.msgOffline, "offline"); });
  setInterval(flush, 10000);
  window.addEventListener("beforeunload", function (event) {
    if (pending && !stale) { event.preventDefault(); event.returnValue = ""; }
  });
  flush();
})();

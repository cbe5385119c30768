/* The SCORM runtime API inside the package's sandboxed frame: API (SCORM 1.2) and API_1484_11 (SCORM 2004) in the
   package's own window, where packages look first. It starts from the values the server put in the page
   (#kompeten-scorm-state) and posts each commit to the lesson page (bridge.js), which stores it on the server. */
(function () {
  "use strict";
  var state = JSON.parse(document.getElementById("kompeten-scorm-state").textContent);
  var values = state.values;
  var dirty = {};
  var session = String(Date.now()) + Math.random().toString(36).slice(2, 10);
  var initialized = false;
  var terminated = false;
  var lastError = "0";
  var is12 = state.version === "1.2";
  var READ_ONLY = is12
    ? /^cmi\.(core\.(student_id|student_name|credit|entry|total_time|lesson_mode)|launch_data)$|\._(children|count)$/
    : /^cmi\.(learner_id|learner_name|credit|entry|mode|total_time|launch_data|completion_threshold|scaled_passing_score|max_time_allowed|time_limit_action)$|\._(children|count|version)$/;
  var WRITE_ONLY = is12 ? /^cmi\.core\.(exit|session_time)$/ : /^cmi\.(exit|session_time)$/;
  var MESSAGES = {
    "0": "No error", "101": "General exception", "103": "Already initialized", "104": "Content instance terminated",
    "112": "Termination before initialization", "113": "Termination after termination",
    "122": "Retrieve data before initialization", "123": "Retrieve data after termination",
    "132": "Store data before initialization", "133": "Store data after termination",
    "142": "Commit before initialization", "143": "Commit after termination", "201": "Invalid argument error",
    "301": "Not initialized", "401": "Undefined data model element", "403": "Element is read only",
    "404": "Element is write only", "405": "Incorrect data type"
  };

  function fail(code12, code2004) { lastError = is12 ? code12 : code2004; return "false"; }

  function count(prefix) {
    var most = -1;
    var pattern = new RegExp("^" + prefix.replace(/\./g, "\\.") + "\\.(\\d+)\\.");
    for (var name in values) {
      var match = pattern.exec(name);
      if (match && Number(match[1]) > most) most = Number(match[1]);
    }
    return String(most + 1);
  }

  function post() {
    var changed = dirty;
    dirty = {};
    window.parent.postMessage({kompeten: "scorm", session: session, values: changed}, "*");
  }

  function initialize() {
    if (initialized && !terminated) return fail("101", "103");
    if (terminated) return fail("101", "104");
    initialized = true;
    lastError = "0";
    return "true";
  }

  function terminate() {
    if (!initialized) return fail("301", "112");
    if (terminated) return fail("101", "113");
    post();
    terminated = true;
    lastError = "0";
    return "true";
  }

  function getValue(name) {
    name = String(name);
    if (!initialized) { fail("301", "122"); return ""; }
    if (terminated) { fail("101", "123"); return ""; }
    if (/\._count$/.test(name)) { lastError = "0"; return count(name.slice(0, -7)); }
    if (/\._children$/.test(name)) { lastError = "0"; return "score,lesson_status,lesson_location,suspend_data"; }
    if (WRITE_ONLY.test(name)) { fail("404", "405"); return ""; }
    if (name.indexOf("cmi.") !== 0 && name.indexOf("adl.") !== 0) { fail("201", "401"); return ""; }
    lastError = "0";
    return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : "";
  }

  function setValue(name, value) {
    name = String(name);
    if (!initialized) return fail("301", "132");
    if (terminated) return fail("101", "133");
    if (READ_ONLY.test(name)) return fail("403", "404");
    if (name.indexOf("cmi.") !== 0 && name.indexOf("adl.") !== 0) return fail("201", "401");
    values[name] = String(value);
    dirty[name] = String(value);
    lastError = "0";
    return "true";
  }

  function commit() {
    if (!initialized) return fail("301", "142");
    if (terminated) return fail("101", "143");
    post();
    lastError = "0";
    return "true";
  }

  var common = {
    GetLastError: function () { return lastError; },
    GetErrorString: function (code) { return MESSAGES[String(code)] || ""; },
    GetDiagnostic: function (code) { return MESSAGES[String(code || lastError)] || ""; }
  };
  if (is12) window.API = {
    LMSInitialize: initialize, LMSFinish: terminate, LMSGetValue: getValue, LMSSetValue: setValue,
    LMSCommit: commit, LMSGetLastError: common.GetLastError, LMSGetErrorString: common.GetErrorString,
    LMSGetDiagnostic: common.GetDiagnostic
  };
  else window.API_1484_11 = {
    Initialize: initialize, Terminate: terminate, GetValue: getValue, SetValue: setValue, Commit: commit,
    GetLastError: common.GetLastError, GetErrorString: common.GetErrorString, GetDiagnostic: common.GetDiagnostic
  };
  // A page left without LMSFinish: what it set still reaches the server.
  window.addEventListener("pagehide", function () { if (initialized && !terminated && Object.keys(dirty).length) post(); });
})();

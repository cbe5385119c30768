/* Interactive lesson blocks: what every activity shares — saying a result aloud (a live region), filling a message's
   %(name)s places, and recording an attempt on the server (POST JSON; the block id, a fresh attempt key). */
(function () {
  "use strict";
  function key() {
    var out = "";
    while (out.length < 24) out += Math.random().toString(36).slice(2);
    return out.slice(0, 24);
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function say(root, text) {
    root.querySelector(".ia-status").textContent = text;
  }
  function record(root, response) {
    var url = root.getAttribute("data-record-url");
    var error = root.querySelector(".ia-error");
    if (!url) return;
    error.hidden = true;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.getAttribute("data-csrf") },
      body: JSON.stringify({ block: root.getAttribute("data-block"), attempt: key(), response: response })
    }).then(function (answer) {
      return answer.json().then(function (data) {
        if (!answer.ok) throw data;
        root.setAttribute("data-recorded", String(data.attempts));
        var pending = document.querySelector("[data-activities-pending]");
        if (pending && data.activities_done) pending.hidden = true;
      });
    }).catch(function (data) {
      error.textContent = (data && data.error) || error.getAttribute("data-default");
      error.hidden = false;
    });
  }
  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = items[i]; items[i] = items[j]; items[j] = t;
    }
    return items;
  }
  function each(kind, start) {
    document.querySelectorAll('[data-ia="' + kind + '"]').forEach(start);
  }
  window.KompetenActivity = { say: say, fill: fill, record: record, shuffle: shuffle, each: each };
})();

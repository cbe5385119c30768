/* Image hotspots. Find: for each label in turn, tap the numbered point it names (right or wrong is said at once).
   Explore: tap each point to reveal its label. Points are buttons: the keyboard reaches them with Tab. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  A.each("hotspots", function (root) {
    var spots = Array.prototype.slice.call(root.querySelectorAll(".ia-spot"));
    var prompt = root.querySelector(".ia-prompt");
    var find = root.querySelector(".ia-picture").getAttribute("data-mode") === "find";
    var current = 0, choices = [], seen = [];
    function ask() {
      prompt.textContent = A.fill(prompt.getAttribute("data-ask"), { label: spots[current] ? spots[current].getAttribute("data-label") : "" });
    }
    function restart() {
      current = 0; choices = [];
      spots.forEach(function (s) { s.classList.remove("ia-right", "ia-wrong"); s.disabled = false; });
      root.querySelector(".ia-restart").hidden = true;
      ask();
    }
    ask();
    if (find) root.querySelector(".ia-restart").addEventListener("click", restart);
    spots.forEach(function (spot, index) {
      spot.addEventListener("click", function () {
        if (!find) {
          if (seen.indexOf(index) < 0) seen.push(index);
          spot.classList.add("ia-right");
          var list = root.querySelector(".ia-reveal");
          list.textContent = "";
          var term = document.createElement("dt"), detail = document.createElement("dd");
          term.textContent = (index + 1) + ". " + spot.getAttribute("data-label");
          detail.textContent = spot.getAttribute("data-description");
          list.appendChild(term); list.appendChild(detail);
          if (seen.length === spots.length) { A.say(root, prompt.getAttribute("data-end")); A.record(root, { revealed: seen }); }
          return;
        }
        if (current >= spots.length) return;
        var wanted = spots[current];
        var ok = spot === wanted;
        choices.push(index);
        wanted.classList.add(ok ? "ia-right" : "ia-wrong");
        A.say(root, A.fill(prompt.getAttribute(ok ? "data-right" : "data-wrong"), { label: wanted.getAttribute("data-label"), n: current + 1 }));
        current += 1;
        if (current < spots.length) { ask(); return; }
        var right = choices.filter(function (c, i) { return c === i; }).length;
        prompt.textContent = A.fill(prompt.getAttribute("data-end"), { right: right, total: spots.length });
        root.querySelector(".ia-restart").hidden = false;
        A.record(root, { choices: choices });
      });
    });
  });
})();

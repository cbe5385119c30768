/* Interactive video: the video pauses at each stop for its question (seeking past a stop asks it too); a choice says
   whether it is right, is recorded, and "Continue" plays on. The questions can be answered without the video. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  A.each("video", function (root) {
    var box = root.querySelector(".ia-video");
    var stops = JSON.parse(document.getElementById(box.getAttribute("data-stops")).textContent);
    var player = root.querySelector(".ia-video-player");
    var panel = root.querySelector(".ia-video-question");
    var prompt = panel.querySelector(".ia-prompt");
    var choices = panel.querySelector(".ia-choices");
    var said = panel.querySelector(".ia-choice-feedback");
    var next = panel.querySelector(".ia-continue");
    var without = root.querySelector(".ia-without");
    var asked = stops.map(function () { return false; });
    var current = -1;
    var playing = true;
    function first() { return asked.indexOf(false); }
    function ask(index) {
      current = index;
      if (!player.paused) player.pause();
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen();
      var stop = stops[index];
      prompt.textContent = A.fill(box.getAttribute("data-stop"), { number: index + 1, total: stops.length }) + ": " + stop.question;
      choices.textContent = "";
      said.textContent = "";
      next.hidden = true;
      stop.options.forEach(function (option, number) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-secondary ia-choice";
        button.textContent = option.text;
        button.addEventListener("click", function () { choose(number); });
        choices.appendChild(button);
      });
      panel.hidden = false;
      prompt.focus();
    }
    function choose(number) {
      var option = stops[current].options[number];
      choices.querySelectorAll("button").forEach(function (button, at) {
        button.disabled = true;
        if (at === number) button.classList.add(option.right ? "ia-right" : "ia-wrong");
      });
      said.textContent = box.getAttribute(option.right ? "data-right" : "data-wrong") + (option.feedback ? " " + option.feedback : "");
      A.say(root, said.textContent);
      A.record(root, { stop: current, choice: number });
      asked[current] = true;
      var more = first() >= 0;
      next.textContent = next.getAttribute(playing ? "data-play" : "data-next");
      next.hidden = !(playing || more);
      if (!more) A.say(root, said.textContent + " " + box.getAttribute("data-done"));
      if (!next.hidden) next.focus();
    }
    next.addEventListener("click", function () {
      panel.hidden = true;
      current = -1;
      if (playing) { player.play(); } else if (first() >= 0) { ask(first()); }
    });
    player.addEventListener("timeupdate", function () {
      if (current >= 0 || !playing) return;
      for (var index = 0; index < stops.length; index++) {
        if (!asked[index] && player.currentTime >= stops[index].at) { ask(index); return; }
      }
    });
    player.addEventListener("play", function () {
      if (current >= 0) { player.pause(); prompt.focus(); }
    });
    without.addEventListener("click", function () {
      playing = false;
      player.pause();
      without.hidden = true;
      asked = asked.map(function () { return false; });
      ask(0);
    });
  });
})();

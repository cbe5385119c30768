/* Branching scenario: a situation, its choices as buttons; a choice says its feedback and leads to the next
   situation; an ending says whether it is a good one and records the path taken. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  A.each("branching", function (root) {
    var box = root.querySelector(".ia-scene");
    var scenes = JSON.parse(document.getElementById(box.getAttribute("data-scenes")).textContent);
    var byKey = {};
    scenes.forEach(function (scene) { byKey[scene.key] = scene; });
    var text = root.querySelector(".ia-scene-text");
    var said = root.querySelector(".ia-choice-feedback");
    var choices = root.querySelector(".ia-choices");
    var restart = root.querySelector(".ia-restart");
    var path = [];
    function show(scene, focus) {
      text.textContent = scene.text;
      choices.textContent = "";
      scene.choices.forEach(function (choice, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-secondary ia-choice";
        button.textContent = choice.text;
        button.addEventListener("click", function () {
          path.push(index);
          said.textContent = choice.feedback;
          show(byKey[choice.to], true);
        });
        choices.appendChild(button);
      });
      if (!scene.choices.length) {
        A.say(root, box.getAttribute(scene.good ? "data-good" : "data-bad"));
        box.classList.toggle("ia-right", scene.good);
        box.classList.toggle("ia-wrong", !scene.good);
        restart.hidden = false;
        A.record(root, { path: path });
      }
      if (focus) text.focus();
    }
    restart.addEventListener("click", function () {
      path = []; said.textContent = ""; restart.hidden = true;
      box.classList.remove("ia-right", "ia-wrong");
      A.say(root, "");
      show(scenes[0], true);
    });
    show(scenes[0], false);
  });
})();

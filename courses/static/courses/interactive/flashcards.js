/* Flashcards: the cards due today (the server keeps each trainee's Leitner boxes), one at a time: show the answer,
   then "I knew it" or "Not yet" — recorded at once; a card missed comes back at the end of today's round. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  A.each("flashcards", function (root) {
    var cards = Array.prototype.slice.call(root.querySelectorAll(".ia-cards li"));
    var front = root.querySelector(".ia-front"), back = root.querySelector(".ia-back");
    var flip = root.querySelector(".ia-flip"), knew = root.querySelector(".ia-knew");
    var missed = root.querySelector(".ia-missed"), again = root.querySelector(".ia-again");
    var count = root.querySelector(".ia-count"), messages = root.querySelector(".ia-messages");
    var queue = [];
    function show() {
      back.hidden = true; knew.hidden = true; missed.hidden = true;
      if (!queue.length) {
        front.textContent = ""; flip.hidden = true; again.hidden = false; count.textContent = "";
        A.say(root, messages.getAttribute(cards.some(function (c) { return c.done; }) ? "data-done" : "data-none"));
        return;
      }
      var card = queue[0];
      front.textContent = card.getAttribute("data-front");
      back.textContent = card.getAttribute("data-back");
      flip.hidden = false; again.hidden = true;
      count.textContent = A.fill(count.getAttribute("data-left"), { left: queue.length });
    }
    function answer(known) {
      var card = queue.shift();
      card.done = true;
      if (!known) queue.push(card);
      A.record(root, { card: Number(card.getAttribute("data-index")), knew: known });
      show();
      flip.focus();
    }
    flip.addEventListener("click", function () {
      back.hidden = false; flip.hidden = true; knew.hidden = false; missed.hidden = false;
      knew.focus();
    });
    knew.addEventListener("click", function () { answer(true); });
    missed.addEventListener("click", function () { answer(false); });
    again.addEventListener("click", function () { queue = cards.slice(); A.say(root, ""); show(); flip.focus(); });
    queue = cards.filter(function (c) { return c.getAttribute("data-due") === "1"; });
    show();
  });
})();

/* Sort and match: cards in slots. Drag a card by its handle onto another slot, tap (or Enter) one card then another
   to swap them, or move a card with its arrow buttons. "Check" marks each slot and records the order. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  A.each("sort", function (root) {
    var slots = Array.prototype.slice.call(root.querySelectorAll(".ia-slot"));
    var check = root.querySelector(".ia-check");
    var picked = null;
    function card(slot) { return slot.querySelector(".ia-card"); }
    function swap(a, b) {
      if (a === b) return;
      var ca = card(a), cb = card(b);
      var marker = document.createComment("");
      a.replaceChild(marker, ca);
      b.replaceChild(ca, cb);
      a.replaceChild(cb, marker);
      slots.forEach(function (slot) { slot.classList.remove("ia-right", "ia-wrong"); slot.querySelector(".ia-mark").textContent = ""; });
    }
    function unpick() {
      if (picked) { picked.classList.remove("ia-picked"); picked.querySelector(".ia-pick").setAttribute("aria-pressed", "false"); }
      picked = null;
    }
    // Shuffle the cards (the page lists them in the right order), never leaving them all in place.
    var cards = slots.map(card);
    do { A.shuffle(cards); } while (cards.every(function (c, i) { return c.getAttribute("data-index") === String(i); }));
    cards.forEach(function (c, i) { slots[i].appendChild(c); slots[i].appendChild(slots[i].querySelector(".ia-mark")); });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      var slot = button.closest(".ia-slot");
      if (button.classList.contains("ia-move")) {
        var to = slots[slots.indexOf(slot) + Number(button.getAttribute("data-move"))];
        if (to) { swap(slot, to); card(to).querySelector('[data-move="' + button.getAttribute("data-move") + '"]').focus(); }
        unpick();
      } else if (button.classList.contains("ia-pick")) {
        if (picked && picked !== card(slot)) {
          var from = picked.closest(".ia-slot");
          unpick();
          swap(from, slot);
          A.say(root, check.getAttribute("data-swapped"));
        } else if (picked) {
          unpick();
        } else {
          picked = card(slot);
          picked.classList.add("ia-picked");
          button.setAttribute("aria-pressed", "true");
          A.say(root, check.getAttribute("data-picked"));
        }
      }
    });
    // Dragging by the handle (mouse, pen or finger): drop on another slot to swap.
    root.addEventListener("pointerdown", function (event) {
      var handle = event.target.closest(".ia-handle");
      if (!handle) return;
      event.preventDefault();
      var from = handle.closest(".ia-slot");
      from.classList.add("ia-dragging");
      function up(end) {
        document.removeEventListener("pointerup", up);
        from.classList.remove("ia-dragging");
        var under = document.elementFromPoint(end.clientX, end.clientY);
        var to = under && under.closest(".ia-slot");
        if (to && slots.indexOf(to) >= 0) swap(from, to);
      }
      document.addEventListener("pointerup", up);
    });
    check.addEventListener("click", function () {
      unpick();
      var order = slots.map(function (slot) { return Number(card(slot).getAttribute("data-index")); });
      var right = 0;
      order.forEach(function (item, place) {
        var ok = item === place;
        right += ok ? 1 : 0;
        slots[place].classList.toggle("ia-right", ok);
        slots[place].classList.toggle("ia-wrong", !ok);
        slots[place].querySelector(".ia-mark").textContent = ok ? "✓ " + check.getAttribute("data-ok") : "✗ " + check.getAttribute("data-wrong");
      });
      var all = right === order.length;
      var feedback = root.querySelector(".ia-feedback");
      if (feedback) feedback.hidden = !all;
      A.say(root, all ? check.getAttribute("data-right") : A.fill(check.getAttribute("data-some"), { right: right, total: order.length }));
      A.record(root, { order: order });
    });
  });
})();

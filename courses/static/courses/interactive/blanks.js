/* Fill in the blanks: each blank accepts any of its answers, whatever the case and the spacing. */
(function () {
  "use strict";
  var A = window.KompetenActivity;
  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  A.each("blanks", function (root) {
    var blanks = Array.prototype.slice.call(root.querySelectorAll(".ia-blank"));
    var check = root.querySelector(".ia-check");
    check.addEventListener("click", function () {
      var right = 0;
      blanks.forEach(function (blank) {
        var accepted = blank.getAttribute("data-answers").split("|").map(normalise);
        var ok = accepted.indexOf(normalise(blank.value)) >= 0;
        right += ok ? 1 : 0;
        blank.setAttribute("aria-invalid", ok ? "false" : "true");
        blank.classList.toggle("ia-right", ok);
        blank.classList.toggle("ia-wrong", !ok);
        blank.nextElementSibling.textContent = ok ? "✓" : "✗";
        blank.nextElementSibling.setAttribute("aria-label", check.getAttribute(ok ? "data-ok" : "data-wrong"));
      });
      var all = right === blanks.length;
      var feedback = root.querySelector(".ia-feedback");
      if (feedback) feedback.hidden = !all;
      A.say(root, all ? check.getAttribute("data-right") : A.fill(check.getAttribute("data-some"), { right: right, total: blanks.length }));
      A.record(root, { answers: blanks.map(function (blank) { return blank.value; }) });
    });
  });
})();

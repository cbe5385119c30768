/* The QR check-in screen shows a new code when the slot turns (a meta refresh would fail WCAG 2.2.1). */
(function () {
  "use strict";
  var figure = document.querySelector("[data-qr-refresh]");
  if (!figure) return;
  var seconds = parseInt(figure.dataset.qrRefresh, 10) || 30;
  setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();

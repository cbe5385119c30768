// The bulk run page: poll the run's progress (JSON) and update the bar; reload once the run is finished so the
// page shows its final counts, messages and the ZIP link. No dependencies.
(function () {
  "use strict";
  var root = document.querySelector("[data-run-progress]");
  if (!root || !window.fetch) return;
  var url = root.getAttribute("data-run-progress");
  var every = 1000 * (parseInt(root.getAttribute("data-poll-seconds"), 10) || 2);
  var bar = root.querySelector("[data-run-bar]");
  var status = root.querySelector("[data-run-status]");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        bar.value = data.percent;
        bar.textContent = data.percent + "%";
        status.textContent = data.status_label;
        if (data.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, every);
        }
      })
      .catch(function () {
        window.setTimeout(poll, every * 3);
      });
  }
  window.setTimeout(poll, every);
})();

/* The image hotspots block's picker in the Wagtail editor. Under each hotspots block (form_classname
   "ia-hotspots-editor") it shows the chosen image (the chooser's preview) with the points as numbered markers; a click
   or tap puts the selected point there — the point whose fields were used last, else the last one — as percentages
   with one decimal. The typed fields stay the way to set a position; on the focused image the arrow keys move the
   point (Shift: by 10). Its markup and words come translated in <template id="ia-hotspot-picker">
   (courses/templates/courses/admin/hotspot_picker.html). Blocks come and go: a MutationObserver finds them. */
(function () {
  "use strict";
  var template = document.getElementById("ia-hotspot-picker");
  if (!template) return;
  var state = new WeakMap(), count = 0, pending = false;

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function number(input) {
    var value = parseFloat(String(input.value).replace(",", "."));
    return isNaN(value) ? null : Math.min(100, Math.max(0, value));
  }
  function round(value) {
    return (Math.round(Math.min(100, Math.max(0, value)) * 10) / 10).toFixed(1);
  }
  function points(root) {
    // The points in their order, without the deleted ones (Wagtail hides them and sets their "-deleted" input).
    var out = [];
    root.querySelectorAll('input[name$="-value-x"]').forEach(function (x) {
      var item = x.closest("[data-streamfield-child]") || x.parentNode;
      var deleted = item.querySelector('input[name$="-deleted"]');
      if (item.getAttribute("aria-hidden") === "true" || (deleted && deleted.value === "1")) return;
      var y = root.querySelector('input[name="' + x.name.slice(0, -1) + 'y"]');
      if (y) out.push({ item: item, x: x, y: y });
    });
    return out;
  }
  function selected(root, list) {
    var item = state.get(root).item;
    for (var i = 0; i < list.length; i++) if (list[i].item === item) return i;
    return list.length - 1;
  }

  function draw(root) {
    var picker = state.get(root).picker, frame = picker.querySelector("button"), image = picker.querySelector("img");
    var area = image.parentNode, preview = root.querySelector(".chooser:not(.blank) [data-chooser-image]");
    var src = preview ? preview.getAttribute("src") : "";
    picker.hidden = !src;
    if (!src) return;
    if (image.getAttribute("src") !== src) image.setAttribute("src", src);
    // The image's shape: its own once loaded, the chooser's preview size before (a percentage is of each side).
    var loaded = image.complete && image.naturalWidth && image.getAttribute("src") === src;
    var width = loaded ? image.naturalWidth : +preview.getAttribute("width");
    var height = loaded ? image.naturalHeight : +preview.getAttribute("height");
    if (width > 0 && height > 0) area.style.aspectRatio = width + " / " + height;
    var list = points(root), current = selected(root, list);
    frame.setAttribute("aria-label", list.length ? fill(frame.dataset.place, { n: current + 1 }) : frame.dataset.none);
    var markers = area.querySelectorAll(".ia-hotspots-picker__marker");
    list.forEach(function (point, i) {
      var marker = markers[i], x = number(point.x), y = number(point.y);
      if (!marker) {
        marker = document.createElement("span");
        marker.className = "ia-hotspots-picker__marker";
        marker.setAttribute("aria-hidden", "true");
        area.appendChild(marker);
      }
      if (marker.textContent !== String(i + 1)) marker.textContent = String(i + 1);
      marker.hidden = x === null || y === null;
      marker.style.left = x + "%";
      marker.style.top = y + "%";
      marker.classList.toggle("is-selected", i === current);
    });
    for (var i = list.length; i < markers.length; i++) markers[i].remove();
  }

  function place(root, x, y) {
    var picker = state.get(root).picker, status = picker.querySelector(".ia-hotspots-picker__status");
    var list = points(root), current = selected(root, list), point = list[current];
    if (!point) {
      status.textContent = picker.querySelector("button").dataset.none;
      return;
    }
    var values = { x: round(x), y: round(y) };
    ["x", "y"].forEach(function (axis) {
      point[axis].value = values[axis];
      point[axis].dispatchEvent(new Event("input", { bubbles: true }));  // Wagtail sees an edit (unsaved changes)
      point[axis].dispatchEvent(new Event("change", { bubbles: true }));
    });
    state.get(root).item = point.item;
    status.textContent = fill(status.dataset.said, { n: current + 1, x: values.x, y: values.y });
    draw(root);
  }

  function setup(root) {
    var picker = template.content.firstElementChild.cloneNode(true);
    var frame = picker.querySelector("button"), hint = picker.querySelector(".ia-hotspots-picker__hint");
    hint.id = "ia-hotspot-picker-hint-" + (count += 1);
    frame.setAttribute("aria-describedby", hint.id);
    state.set(root, { picker: picker, item: null });
    picker.querySelector("img").addEventListener("load", function () { draw(root); });
    root.appendChild(picker);
    frame.addEventListener("click", function (event) {
      if (!event.detail) return;  // Enter or Space on the button: no position (the arrow keys move the point)
      var box = picker.querySelector(".ia-hotspots-picker__area").getBoundingClientRect();
      if (box.width && box.height) {
        place(root, (event.clientX - box.left) / box.width * 100, (event.clientY - box.top) / box.height * 100);
      }
    });
    frame.addEventListener("keydown", function (event) {
      var step = event.shiftKey ? 10 : 1, move = {
        ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]
      }[event.key];
      if (!move) return;
      event.preventDefault();
      var list = points(root), point = list[selected(root, list)];
      var x = point ? number(point.x) : null, y = point ? number(point.y) : null;
      place(root, (x === null ? 50 : x) + move[0], (y === null ? 50 : y) + move[1]);
    });
  }

  function scan() {
    pending = false;
    document.querySelectorAll(".ia-hotspots-editor").forEach(function (root) {
      if (!state.has(root)) setup(root);
      draw(root);
    });
  }
  function later() {
    if (!pending) { pending = true; window.requestAnimationFrame(scan); }
  }
  function editor(event) {
    var root = event.target.closest ? event.target.closest(".ia-hotspots-editor") : null;
    return root && state.has(root) && !state.get(root).picker.contains(event.target) ? root : null;
  }

  document.addEventListener("focusin", function (event) {
    // A field of a point selects that point.
    var root = editor(event), item = root && event.target.closest("[data-streamfield-child]");
    if (item && root.contains(item) && item.querySelector('input[name$="-value-x"]')) {
      state.get(root).item = item;
      draw(root);
    }
  });
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var root = editor(event);
      if (root) draw(root);
    });
  });
  new MutationObserver(function (records) {
    // Blocks added, moved or deleted, an image chosen; never the picker's own changes.
    for (var i = 0; i < records.length; i++) {
      var target = records[i].target;
      if (!(target.closest && target.closest(".ia-hotspots-picker"))) { later(); return; }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["src", "class", "aria-hidden"] });
  scan();
})();

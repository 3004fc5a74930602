/* Accessibility toolbar: text size (A- A A+) and contrast, remembered in localStorage.
   The attributes on <html> are already set before first paint by the inline script
   in base.html; this file wires the buttons and keeps aria-pressed in step. */
(function () {
  "use strict";
  var MIN = -1, MAX = 3;
  var root = document.documentElement;
  var LABELS = { "-1": "87,5%", "0": "100%", "1": "115%", "2": "130%", "3": "150%" };

  function store(key, value) {
    try {
      if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function textSize() {
    var value = parseInt(root.getAttribute("data-text-size") || "0", 10);
    return isNaN(value) ? 0 : value;
  }

  function sync() {
    var size = textSize();
    var high = root.getAttribute("data-contrast") === "high";
    document.querySelectorAll("[data-a11y-text]").forEach(function (btn) {
      var action = btn.getAttribute("data-a11y-text");
      if (action === "reset") { btn.setAttribute("aria-pressed", size === 0 ? "true" : "false"); }
      if (action === "up") { btn.disabled = size >= MAX; }
      if (action === "down") { btn.disabled = size <= MIN; }
    });
    document.querySelectorAll("[data-a11y-contrast]").forEach(function (btn) {
      var wantsHigh = btn.getAttribute("data-a11y-contrast") === "high";
      btn.setAttribute("aria-pressed", wantsHigh === high ? "true" : "false");
    });
  }

  function announce(message) {
    var status = document.querySelector("[data-a11y-status]");
    if (status) { status.textContent = message; }
  }

  function setTextSize(size) {
    size = Math.max(MIN, Math.min(MAX, size));
    if (size === 0) { root.removeAttribute("data-text-size"); store("portal:text-size", null); }
    else { root.setAttribute("data-text-size", String(size)); store("portal:text-size", String(size)); }
    sync();
    announce("Cỡ chữ " + LABELS[String(size)]);
  }

  function setContrast(high) {
    if (high) { root.setAttribute("data-contrast", "high"); store("portal:contrast", "high"); }
    else { root.removeAttribute("data-contrast"); store("portal:contrast", null); }
    sync();
    announce(high ? "Đã bật chế độ tương phản cao" : "Đã tắt chế độ tương phản cao");
  }

  document.addEventListener("click", function (event) {
    var btn = event.target.closest("[data-a11y-text], [data-a11y-contrast]");
    if (!btn) { return; }
    var text = btn.getAttribute("data-a11y-text");
    if (text === "up") { setTextSize(textSize() + 1); }
    else if (text === "down") { setTextSize(textSize() - 1); }
    else if (text === "reset") { setTextSize(0); }
    else { setContrast(btn.getAttribute("data-a11y-contrast") === "high"); }
  });

  sync();
})();

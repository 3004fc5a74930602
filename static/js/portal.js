/* Counting and sharing. Runs after the page is shown and changes nothing in the HTML
   the server sent, so every visitor gets the same cacheable page. */
(function () {
  "use strict";
  var numberFormat = new Intl.NumberFormat("vi-VN");

  function fill(selector, value) {
    document.querySelectorAll(selector).forEach(function (el) { el.textContent = numberFormat.format(value); });
  }

  function countVisit() {
    var body = document.body;
    var url = body.getAttribute("data-count-url");
    if (!url || !window.fetch) { return; }
    var form = new FormData();
    form.append("page", body.getAttribute("data-page-id") || "");
    fetch(url, { method: "POST", body: form, credentials: "same-origin", keepalive: true })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        fill("[data-visits-total]", data.total);
        fill("[data-visits-today]", data.today);
        document.querySelectorAll("[data-visit-counter]").forEach(function (el) { el.hidden = false; });
        if (typeof data.page === "number") {
          document.querySelectorAll("[data-view-count]").forEach(function (el) {
            el.textContent = "Lượt xem: " + numberFormat.format(data.page);
            el.hidden = false;
          });
        }
      })
      .catch(function () { /* counting is best effort */ });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
    var input = document.createElement("textarea");
    input.value = text;
    input.setAttribute("readonly", "");
    input.style.position = "absolute";
    input.style.left = "-9999px";
    document.body.appendChild(input);
    input.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(input);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function wireShare(box) {
    var url = box.getAttribute("data-share-url");
    var title = box.getAttribute("data-share-title");
    var status = box.querySelector("[data-share-status]");
    function say(message) { if (status) { status.textContent = message; } }
    box.querySelectorAll("[data-share]").forEach(function (btn) { btn.hidden = false; });
    box.addEventListener("click", function (event) {
      var btn = event.target.closest("[data-share]");
      if (!btn) { return; }
      var kind = btn.getAttribute("data-share");
      if (kind === "print") { window.print(); return; }
      if (kind === "zalo" && navigator.share) {
        /* On phones the system share sheet offers Zalo directly. */
        navigator.share({ title: title, url: url }).catch(function () {});
        return;
      }
      copyText(url).then(function () {
        say(kind === "zalo" ? "Đã sao chép liên kết. Mở Zalo và dán để chia sẻ." : "Đã sao chép liên kết.");
      }, function () { say("Không sao chép được. Liên kết: " + url); });
    });
  }

  countVisit();
  document.querySelectorAll("[data-share-url]").forEach(wireShare);
})();

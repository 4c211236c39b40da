// Kith's progressive enhancement: everything works without it.
// Review queue: keyboard shortcuts S (same person), N (not the same person), K (skip), for people who review hundreds.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
  // Shortlist: print it, or copy its text for a text message. Without script the text can still be selected.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        var status = document.getElementById(button.getAttribute("data-copy") + "-status");
        if (status) { status.textContent = "Copied. Paste it into a text message or WhatsApp."; }
      });
    });
  });
  // Maps: clicking an area opens its page (the table beside the map has the same links without script).
  document.querySelectorAll(".kith-map [data-href]").forEach(function (area) {
    area.addEventListener("click", function () { window.location.href = area.getAttribute("data-href"); });
  });
  var review = document.querySelector("[data-review-shortcuts]");
  if (!review) { return; }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) { return; }
    var keys = { s: "same", n: "different", k: "skip" };
    var verdict = keys[event.key.toLowerCase()];
    if (!verdict) { return; }
    var button = review.querySelector('button[name="verdict"][value="' + verdict + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });
});

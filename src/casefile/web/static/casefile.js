// The only script: when a link points at a sentence that is not drawn on its own
// (its offsets fall inside another highlight), highlight the nearest drawn sentence.
(function () {
  "use strict";
  function flash() {
    var hash = decodeURIComponent(window.location.hash || "").slice(1);
    var m = /^s-(\d+)$/.exec(hash);
    if (!m || document.getElementById(hash)) { return; }
    var want = parseInt(m[1], 10), best = null, bestStart = -1;
    var spans = document.querySelectorAll(".sent[id^='s-']");
    for (var i = 0; i < spans.length; i++) {
      var start = parseInt(spans[i].id.slice(2), 10);
      if (start <= want && start > bestStart) { best = spans[i]; bestStart = start; }
    }
    if (best) { best.classList.add("flash"); best.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", flash);
  document.addEventListener("DOMContentLoaded", flash);
}());

// Brushing on the timeline's charts: drag across a chart to show that stretch of time. The chart
// says which days its plot spans (data-lo, data-hi between x = data-x0 and data-x1, in SVG units);
// the chosen stretch becomes the form's From and To, and the form is sent (the page is the server's).
(function () {
  "use strict";
  var DAY = 86400000;

  function toDay(svg, x) {
    var lo = Date.parse(svg.dataset.lo), hi = Date.parse(svg.dataset.hi) + DAY;
    var x0 = parseFloat(svg.dataset.x0), x1 = parseFloat(svg.dataset.x1);
    var f = Math.min(1, Math.max(0, (x - x0) / (x1 - x0)));
    return new Date(lo + f * (hi - lo)).toISOString().slice(0, 10);
  }

  function svgX(svg, event) {
    var pt = svg.createSVGPoint();
    pt.x = event.clientX; pt.y = event.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
  }

  function brushable(svg) {
    var start = null, band = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      start = svgX(svg, e);
      band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      band.setAttribute("class", "brush");
      band.setAttribute("y", "0");
      band.setAttribute("height", svg.viewBox.baseVal.height);
      band.setAttribute("x", start);
      band.setAttribute("width", "0");
      svg.appendChild(band);
    });
    svg.addEventListener("pointermove", function (e) {
      if (start === null) { return; }
      var x = svgX(svg, e);
      // Captured only once it is a drag, so a click on a bar still follows the bar's link.
      if (Math.abs(x - start) >= 4 && !svg.hasPointerCapture(e.pointerId)) { svg.setPointerCapture(e.pointerId); }
      band.setAttribute("x", Math.min(start, x));
      band.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("pointerup", function (e) {
      if (start === null) { return; }
      var x = svgX(svg, e), a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      if (b - a < 4) { band.remove(); return; }     // a click, not a drag: let links work
      var form = document.querySelector("form.timeline-filters");
      form.elements.date_from.value = toDay(svg, a);
      form.elements.date_to.value = toDay(svg, b);
      form.submit();
    });
  }

  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list")), last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      last = q;
      fetch("/api/suggest/entities?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); })
        .then(function (names) {
          list.textContent = "";
          names.forEach(function (name) {
            var option = document.createElement("option");
            option.value = name;
            list.appendChild(option);
          });
        }).catch(function () {});
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("svg.brushable").forEach(brushable);
    document.querySelectorAll("input[data-suggest]").forEach(suggest);
  });
}());

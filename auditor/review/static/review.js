// Keyboard shortcuts for fast review. Loaded on every page; does nothing where its elements are absent.
(function () {
  "use strict";
  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function go(href) { if (href) { window.location.href = href; } }

  // Queue: j/k select a row, Enter opens it.
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.qrow"));
  var rowIndex = -1;
  function selectRow(i) {
    if (!rows.length) { return; }
    rowIndex = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle("selected", k === rowIndex); });
    rows[rowIndex].scrollIntoView({ block: "nearest" });
  }

  // Article: j/k select a finding, a/d/c act on it.
  var findings = Array.prototype.slice.call(document.querySelectorAll("#findings .finding"));
  var findingIndex = -1;
  function selectFinding(i) {
    if (!findings.length) { return; }
    findingIndex = Math.max(0, Math.min(findings.length - 1, i));
    findings.forEach(function (f, k) { f.classList.toggle("selected", k === findingIndex); });
    var current = findings[findingIndex];
    current.scrollIntoView({ block: "nearest" });
    document.querySelectorAll("mark.hl.current").forEach(function (m) { m.classList.remove("current"); });
    var fid = current.getAttribute("data-fid");
    document.querySelectorAll("mark.hl").forEach(function (m) {
      if ((m.getAttribute("data-f") || "").split(" ").indexOf(fid) >= 0) { m.classList.add("current"); }
    });
    var mark = document.getElementById("m-" + fid);
    if (mark) { mark.scrollIntoView({ block: "nearest" }); }
  }
  function selected() { return findingIndex >= 0 ? findings[findingIndex] : findings[0]; }
  // Coming back after a decision (#finding-N in the address): keep the place.
  if (findings.length && window.location.hash.indexOf("#finding-") === 0) {
    var back = document.getElementById(window.location.hash.slice(1));
    var at = findings.indexOf(back);
    if (at >= 0) { selectFinding(at + 1 < findings.length ? at + 1 : at); }
  }
  // Clicking a highlighted passage selects its finding.
  document.querySelectorAll("mark.hl").forEach(function (m) {
    m.addEventListener("click", function () {
      var fid = (m.getAttribute("data-f") || "").split(" ")[0];
      var card = document.getElementById("finding-" + fid);
      var at = findings.indexOf(card);
      if (at >= 0) { selectFinding(at); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key, f;
    if (rows.length) {
      if (key === "j") { selectRow(rowIndex + 1); }
      else if (key === "k") { selectRow(rowIndex - 1); }
      else if (key === "Enter" && rowIndex >= 0) { go(rows[rowIndex].getAttribute("data-href")); }
      else if (key === "/") { var first = document.querySelector("#filters select, #filters input"); if (first) { first.focus(); } }
      else { return; }
      event.preventDefault();
      return;
    }
    if (key === "j") { selectFinding(findingIndex + 1); }
    else if (key === "k") { selectFinding(findingIndex - 1); }
    else if (key === "a" && (f = selected())) { f.querySelector("form button.accept").click(); }
    else if (key === "d" && (f = selected())) { selectFinding(findings.indexOf(f)); f.querySelector(".dismiss-form input[name=reason]").focus(); }
    else if (key === "c" && (f = selected())) { selectFinding(findings.indexOf(f)); f.querySelector(".correct-form select").focus(); }
    else if (key === "n") { var note = document.querySelector("#notes textarea"); if (note) { note.focus(); } }
    else if (key === "r") { var done = document.getElementById("mark-reviewed"); if (done) { done.click(); } }
    else if (key === "]") { var next = document.getElementById("next-article"); if (next) { go(next.href); } }
    else if (key === "[") { var prev = document.getElementById("prev-article"); if (prev) { go(prev.href); } }
    else if (key === "u") { var q = document.getElementById("back-to-queue"); if (q) { go(q.href); } }
    else { return; }
    event.preventDefault();
  });
})();
